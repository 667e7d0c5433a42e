import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTION_RUNTIME } from '../../infra/constructs/app-function.ts';

describe('Runtime: the Node.js the tests run on', () => {
  it('is Node 24, the major Lambda runs the functions on (the node devDependency)', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(FUNCTION_RUNTIME.name).toBe('nodejs24.x');
  });

  it('pins the node devDependency to the same major and declares engines of Node 22 or newer', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      engines: { node: string };
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies.node).toBe('24.x');
    expect(pkg.engines.node).toBe('>=22');
  });
});
