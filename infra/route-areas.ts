import type { RouteDefinition } from '../functions/routes.ts';

/**
 * The stacks the route functions are deployed in, by area of the API. A stack holds each of its
 * routes' function, role, policy, log group and alarms (about six resources a route), so that no
 * stack nears CloudFormation's 500-resource limit as the API grows (a test keeps each under 300).
 */
export const ROUTE_AREAS = {
  /** Notices, cases, evidence and the review queue: the work of a case. */
  Cases: ['notices', 'cases', 'evidence', 'review-tasks', 'reason-codes'],
  /** The parties: rights holders and their IP rights, sellers, appeals, the law's texts. */
  Parties: ['rights-holders', 'ip-rights', 'sellers', 'appeals', 'legal-texts'],
  /** Everything else: health and the API description, screening and test buys, transparency, publication. */
  Platform: [
    'health',
    'openapi.json',
    'screening-rules',
    'screening',
    'test-buys',
    'transparency',
    'public',
    'personal-data',
  ],
} as const satisfies Record<string, readonly string[]>;

export type RouteArea = keyof typeof ROUTE_AREAS;

/** The area of a route, from the first segment after /v1; throws for a segment no area lists. */
export function routeArea(route: Pick<RouteDefinition, 'method' | 'path'>): RouteArea {
  const segment = route.path.split('/')[2] ?? '';
  for (const [area, segments] of Object.entries(ROUTE_AREAS)) {
    if ((segments as readonly string[]).includes(segment)) return area as RouteArea;
  }
  throw new Error(
    `Route ${route.method} ${route.path}: no stack area lists "/v1/${segment}"; add it to ROUTE_AREAS in infra/route-areas.ts`,
  );
}
