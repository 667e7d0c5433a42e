import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface AslValidation {
  isValid: boolean;
  errorsText: (separator?: string) => string;
}
// asl-validator is CommonJS and ships no types. Its default ARN check accepts `${Placeholder}`
// resources (with checkArn: false, placeholders fail), so definitions are checked as deployed.
const validateAsl = createRequire(import.meta.url)('asl-validator') as (
  definition: unknown,
) => AslValidation;

const DIRECTORIES = ['statemachines', 'test/fixtures/statemachines'];
const files = DIRECTORIES.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.asl.json'))
    .map((name) => join(dir, name)),
);

describe('ASL: asl-validator', () => {
  it('finds the definitions to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('accepts %s', (file) => {
    const result = validateAsl(JSON.parse(readFileSync(file, 'utf8')));
    expect(result.isValid, result.errorsText('\n')).toBe(true);
  });

  it('rejects a definition whose Next names no state', () => {
    const result = validateAsl({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'Missing' } },
    });
    expect(result.isValid).toBe(false);
  });
});
