import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../../functions/routes.ts';
import { type ServiceTables, sharedTables } from '../../infra/tables.ts';
import { routeFixture } from '../support/route-fixture.ts';
import { synthService } from './synth.ts';

/** 60% of CloudFormation's hard limit of 500 resources per stack: room for the open issues. */
const MAX_RESOURCES = 300;

/** The routes ../shared/API.md adds to today's table, as the open issues will build them. */
const PLANNED_ROUTES: [RouteDefinition['method'], string][] = [
  ['GET', '/v1/evidence/{evidenceId}/view'],
  ['GET', '/v1/reason-codes'],
  ['GET', '/v1/cases'],
  ['POST', '/v1/review-tasks/{taskId}/claim'],
  ['DELETE', '/v1/review-tasks/{taskId}/claim'],
  ['POST', '/v1/cases/{caseId}/appeals'],
  ['GET', '/v1/legal-texts'],
  ['GET', '/v1/appeals/{appealId}'],
  ['POST', '/v1/appeals/{appealId}/decision'],
  ['GET', '/v1/rights-holders/{rightsHolderId}'],
  ['POST', '/v1/rights-holders/{rightsHolderId}/trusted-flagger'],
  ['POST', '/v1/rights-holders/{rightsHolderId}/misuse-decision'],
  ['GET', '/v1/sellers/{sellerId}'],
  ['POST', '/v1/sellers/{sellerId}/suspension-decision'],
  ['POST', '/v1/screening-rules'],
  ['GET', '/v1/screening-rules'],
  ['POST', '/v1/screening-rules/{ruleId}/decision'],
  ['POST', '/v1/screening/listings'],
  ['GET', '/v1/transparency/report'],
  ['GET', '/v1/transparency/statements'],
  ['GET', '/v1/public/decisions'],
];

/** Resources per stack, by stack name. */
function resourcesPerStack(tables: ServiceTables): Record<string, number> {
  const { stacks } = synthService(tables);
  return Object.fromEntries(
    stacks.map((stack) => [
      stack.stackName,
      Object.keys(Template.fromStack(stack).toJSON().Resources).length,
    ]),
  );
}

describe('Stacks of the service: size', () => {
  it(`keeps every stack of today's tables under ${MAX_RESOURCES} resources`, () => {
    const sizes = resourcesPerStack(sharedTables);
    expect(Object.keys(sizes).length).toBeGreaterThan(2);
    for (const [name, count] of Object.entries(sizes)) {
      expect(count, name).toBeLessThan(MAX_RESOURCES);
    }
  });

  it(`keeps every stack under ${MAX_RESOURCES} resources with the routes API.md adds`, () => {
    const known = new Set(sharedTables.routes.map((route) => `${route.method} ${route.path}`));
    const planned = PLANNED_ROUTES.filter(([method, path]) => !known.has(`${method} ${path}`)).map(
      ([method, path], index) =>
        routeFixture(method, path, {
          operationId: `plannedRoute${index}`,
          auth: 'jwt',
          roles: ['reviewer'],
          grants: { table: 'RW' },
        }),
    );
    const sizes = resourcesPerStack({
      ...sharedTables,
      routes: [...sharedTables.routes, ...planned],
    });
    for (const [name, count] of Object.entries(sizes)) {
      expect(count, name).toBeLessThan(MAX_RESOURCES);
    }
  });

  it('refuses a route whose path no stack area lists, naming where to add it', () => {
    const stray = routeFixture('GET', '/v1/nowhere');
    expect(() =>
      synthService({ ...sharedTables, routes: [...sharedTables.routes, stray] }),
    ).toThrow(/\/v1\/nowhere.*ROUTE_AREAS/);
  });
});
