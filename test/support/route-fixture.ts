import type { RouteDefinition } from '../../functions/routes.ts';

/** A route-table entry for tests: a public route served by the health handler, unless overridden. */
export function routeFixture(
  method: RouteDefinition['method'],
  path: string,
  overrides: Partial<RouteDefinition> = {},
): RouteDefinition {
  return {
    method,
    path,
    operationId: `${method.toLowerCase()}Fixture`,
    handler: 'functions/api/health.ts',
    auth: 'none',
    roles: [],
    ...overrides,
  };
}
