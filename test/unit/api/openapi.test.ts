import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../functions/routes.ts';

let document: Record<string, unknown>;

beforeAll(async () => {
  const { buildOpenApiDocument } = await import('../../../functions/api/openapi/document.ts');
  document = buildOpenApiDocument() as unknown as Record<string, unknown>;
});

describe('Function: buildOpenApiDocument', () => {
  it('produces a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('lists every route of the route table, with its method', () => {
    const paths = document.paths as Record<string, Record<string, unknown>>;
    for (const route of routes) {
      expect(
        paths[route.path]?.[route.method.toLowerCase()],
        `${route.method} ${route.path}`,
      ).toBeDefined();
    }
  });

  it('documents the notice body from the same zod schema the handler parses, with its required statements and either listings or a manifest', () => {
    const paths = document.paths as Record<
      string,
      Record<
        string,
        {
          requestBody?: {
            content: Record<
              string,
              { schema: { required?: string[]; properties?: Record<string, unknown> } }
            >;
          };
        }
      >
    >;
    const schema = paths['/v1/notices']!.post!.requestBody!.content['application/json']!.schema;
    expect(schema.required).toEqual(
      expect.arrayContaining(['ipRightId', 'statements', 'signature']),
    );
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['listings', 'listingsManifestEvidenceId']),
    );
  });
});
