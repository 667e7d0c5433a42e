/**
 * The route table: the one list of the public API's routes. CDK builds the REST API's methods and
 * one Lambda function per route from it; the local API Gateway emulator builds its router from it.
 * Role checks happen in the handlers (the authorizer only authenticates, in AWS and locally).
 */

import type { Grants } from './grants.ts';

export type Role = 'rights-holder' | 'reviewer' | 'seller' | 'admin';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  method: HttpMethod;
  /** Full path with API Gateway templates, e.g. '/v1/cases/{caseId}'; a final '{proxy+}' is greedy. */
  path: string;
  /** Module path relative to the repo root, e.g. 'functions/api/get-case.ts'. */
  handler: string;
  /** @default 'handler' */
  exportName?: string;
  /** 'none' only for /v1/health and /v1/openapi.json. */
  auth: 'none' | 'jwt';
  /** The roles the handler admits (`admin` holds every right of `reviewer`). Empty for public routes. */
  roles: Role[];
  /** What the function may touch; CDK grants exactly this. @default {} (nothing) */
  grants?: Grants;
}

export const routes: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/v1/health',
    handler: 'functions/api/health.ts',
    auth: 'none',
    roles: [],
  },
];
