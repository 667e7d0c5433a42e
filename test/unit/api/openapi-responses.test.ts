import { beforeAll, describe, expect, it } from 'vitest';

interface Response {
  $ref?: string;
  content?: Record<string, { schema: { $ref?: string } }>;
  headers?: Record<string, unknown>;
}
interface Operation {
  security?: unknown[];
  responses: Record<string, Response>;
}
let document: {
  security?: unknown[];
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, Response> };
};

/** A response, or the shared one it refers to. */
const resolved = (response: Response): Response =>
  response.$ref
    ? document.components.responses[response.$ref.replace('#/components/responses/', '')]!
    : response;

beforeAll(async () => {
  const { buildOpenApiDocument } = await import('../../../functions/api/openapi/document.ts');
  document = buildOpenApiDocument() as unknown as typeof document;
});

const operation = (method: string, path: string) => document.paths[path]![method]!;
const statuses = (method: string, path: string) => Object.keys(operation(method, path).responses);

describe('Function: buildOpenApiDocument → security and responses', () => {
  it('requires the bearer token globally and opens only health, the API description and the CN Art 44 feed', () => {
    // Assess
    expect(document.security).toEqual([{ bearer: [] }]);
    const open = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(open.sort()).toEqual([
      'GET /v1/health',
      'GET /v1/openapi.json',
      'GET /v1/public/decisions',
    ]);
  });

  it('documents every status of a notice filing: 202, then its problems in order', () => {
    // Assess
    expect(statuses('post', '/v1/notices')).toEqual([
      '202',
      '400',
      '401',
      '403',
      '409',
      '413',
      '422',
      '429',
      'default',
    ]);
  });

  it('documents only throttling and unexpected failures as problems of the public health route', () => {
    // Assess
    expect(statuses('get', '/v1/health')).toEqual(['200', '429', 'default']);
  });

  it('answers every problem status with the problem+json schema', () => {
    // Assess
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (!/^[45]|default/.test(status)) continue;
          expect(
            resolved(response).content?.['application/problem+json']?.schema.$ref,
            `${method} ${path} ${status}`,
          ).toBe('#/components/schemas/Problem');
        }
      }
    }
  });

  it('documents the body-less successes: 302 with its Location, and 204', () => {
    // Assess
    const download = operation('get', '/v1/evidence/{evidenceId}/download').responses['302']!;
    expect(download.headers).toHaveProperty('Location');
    expect(download.content).toBeUndefined();
    const acknowledged = operation('post', '/v1/sellers/me/education-acknowledgement').responses;
    expect(Object.keys(acknowledged)).toContain('204');
    expect(acknowledged['204']!.content).toBeUndefined();
  });

  it('gives every operation a success status with a schema, unless it is a 204 or a redirect', () => {
    // Assess
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const success = Object.entries(op.responses).filter(([status]) => /^[23]/.test(status));
        expect(success.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const [status, response] of success) {
          if (status === '204' || status.startsWith('3')) continue;
          expect(
            response.content?.['application/json'],
            `${method} ${path} ${status}`,
          ).toBeDefined();
        }
      }
    }
  });
});
