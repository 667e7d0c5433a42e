import { beforeAll, describe, expect, it } from 'vitest';
import { type OperationsDocument, operationProblems } from '../../support/openapi-operations.ts';
import { routeFixture } from '../../support/route-fixture.ts';

type Build = typeof import('../../../functions/api/openapi/document.ts').buildOpenApiDocument;
let build: Build;
let document: OperationsDocument & {
  paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
};

beforeAll(async () => {
  ({ buildOpenApiDocument: build } = await import('../../../functions/api/openapi/document.ts'));
  document = build() as unknown as typeof document;
});

/** A copy of the document to break. */
const copy = () => structuredClone(document);

describe('Function: buildOpenApiDocument → operations', () => {
  it('gives every operation a unique camelCase operationId and declared tags', () => {
    // Assess
    expect(operationProblems(document)).toEqual([]);
  });

  it('takes the operationId from the route table', () => {
    // Assess
    expect(document.paths['/v1/cases/{caseId}']?.get?.operationId).toBe('getCase');
    expect(document.paths['/v1/notices']?.post?.operationId).toBe('fileNotice');
  });

  it('tags an operation by its area, and by its RouteDoc where the area differs from the path', () => {
    // Assess
    expect(document.paths['/v1/ip-rights']?.get?.tags).toEqual(['IP rights']);
    expect(document.paths['/v1/cases/{caseId}/decision']?.post?.tags).toEqual(['Review']);
    expect(document.paths['/v1/health']?.get?.tags).toEqual(['Platform']);
  });

  it('reports an operation without an operationId', () => {
    // Prepare
    const broken = copy();
    delete broken.paths['/v1/cases/{caseId}']!.get!.operationId;
    // Act + Assess
    expect(operationProblems(broken)).toEqual(['GET /v1/cases/{caseId}: no operationId']);
  });

  it('reports two operations that share an operationId', () => {
    // Prepare
    const broken = copy();
    broken.paths['/v1/notices']!.get!.operationId = 'getCase';
    // Act + Assess
    expect(operationProblems(broken)).toEqual([
      expect.stringMatching(/operationId "getCase" is also/),
    ]);
  });

  it('reports an operationId that is not camelCase', () => {
    // Prepare
    const broken = copy();
    broken.paths['/v1/notices']!.get!.operationId = 'list-notices';
    // Act + Assess
    expect(operationProblems(broken)).toEqual([
      'GET /v1/notices: operationId "list-notices" is not camelCase',
    ]);
  });

  it('reports an operation without tags, and one with a tag the document does not declare', () => {
    // Prepare
    const broken = copy();
    broken.paths['/v1/notices']!.get!.tags = [];
    broken.paths['/v1/notices']!.post!.tags = ['Nowhere'];
    // Act + Assess
    expect(operationProblems(broken).sort()).toEqual([
      'GET /v1/notices: no tags',
      'POST /v1/notices: tag "Nowhere" is not declared',
    ]);
  });

  it('refuses a route whose path no tag covers, naming where to add it', () => {
    // Prepare
    const stray = routeFixture('GET', '/v1/nowhere');
    // Act + Assess
    expect(() => build([stray], { 'GET /v1/nowhere': { summary: 'x', responses: {} } })).toThrow(
      /\/v1\/nowhere.*TAG_OF_SEGMENT/,
    );
  });

  it('refuses a route without an OpenAPI description, naming where to add it', () => {
    // Prepare
    const undescribed = routeFixture('GET', '/v1/cases/{caseId}/elsewhere', { auth: 'jwt' });
    // Act + Assess
    expect(() => build([undescribed], {})).toThrow(
      /no OpenAPI description.*functions\/api\/schemas/,
    );
  });
});
