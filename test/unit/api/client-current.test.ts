import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLIENT_TYPES_FILE,
  OPENAPI_DOCUMENT_FILE,
  openApiDocumentSource,
  writeClientTypes,
} from '../../../scripts/openapi/client-types.ts';

const dir = mkdtempSync(join(tmpdir(), 'takedown-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Where two texts first differ, as `line N: "…" ≠ "…"`, or undefined when they are equal. */
function firstDifference(expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  const a = expected.split('\n');
  const b = actual.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const n = line === -1 ? a.length : line;
  return `line ${n + 1}: ${JSON.stringify(a[n])} ≠ ${JSON.stringify(b[n])}`;
}

describe('The typed client (clients/typescript)', () => {
  it('is current: regenerating its types from the OpenAPI document changes nothing', async () => {
    // Act
    const file = join(dir, 'schema.d.ts');
    await writeClientTypes(file);
    // Assess
    expect(
      firstDifference(readFileSync(file, 'utf8'), readFileSync(CLIENT_TYPES_FILE, 'utf8')),
      'clients/typescript/schema.d.ts is stale: run npm run gen:client',
    ).toBeUndefined();
  });

  it('tells where a stale file first differs', () => {
    // Assess
    expect(firstDifference('a\nb\nc', 'a\nB\nc')).toBe('line 2: "b" ≠ "B"');
    expect(firstDifference('a\nb', 'a')).toBe('line 2: "b" ≠ undefined');
  });

  it('serves the current OpenAPI document: regenerating functions/api/openapi/openapi.json changes nothing', () => {
    // Act
    const generated = openApiDocumentSource();
    // Assess
    expect(
      firstDifference(generated, readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8')),
      'functions/api/openapi/openapi.json is stale: run npm run gen:client',
    ).toBeUndefined();
  });
});
