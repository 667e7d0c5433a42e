import { beforeAll, describe, expect, it } from 'vitest';
import { lintOpenApi } from '../../../scripts/openapi/lint.ts';

let document: {
  paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
};

beforeAll(async () => {
  const { buildOpenApiDocument } = await import('../../../functions/api/openapi/document.ts');
  document = buildOpenApiDocument() as unknown as typeof document;
});

describe('Redocly lint of the OpenAPI document (recommended ruleset)', () => {
  it('finds no error and no warning', async () => {
    // Act
    const result = await lintOpenApi(document);
    // Assess
    expect(result.problems).toEqual([]);
    expect({ errors: result.errors, warnings: result.warnings }).toEqual({
      errors: 0,
      warnings: 0,
    });
  });

  it('fails a document whose operation lacks an operationId, or whose public route its security', async () => {
    // Prepare
    const broken = structuredClone(document);
    delete broken.paths['/v1/cases/{caseId}']!.get!.operationId;
    delete broken.paths['/v1/health']!.get!.security;
    delete (broken as { security?: unknown }).security;
    // Act
    const result = await lintOpenApi(broken);
    // Assess
    expect(result.errors).toBeGreaterThan(0);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warn operation-operationId at .*cases/),
        expect.stringMatching(/^error security-defined at .*health/),
      ]),
    );
  });
});
