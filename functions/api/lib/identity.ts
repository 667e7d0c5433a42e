import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { Role } from '../../routes.ts';
import { parseGroupsClaim } from './claims.ts';
import { forbidden, HttpProblem } from './problem.ts';

/** The caller, from the authorizer's claims only (never from the body). */
export interface Caller {
  sub: string;
  /** `cognito:username`, the name admin APIs take (the `sub` works too). */
  username?: string;
  roles: Role[];
  /** `custom:rightsHolderId`, when the token carries it. */
  rightsHolderIdClaim?: string;
  /** `custom:sellerId`, when the token carries it. */
  sellerId?: string;
  isReviewer: boolean;
  /** Set for a machine caller (an access token with the route's scope): the role `marketplace`. */
  machine?: 'marketplace';
}

const ROLES: readonly Role[] = ['rights-holder', 'reviewer', 'seller', 'admin'];

/** Reads the caller from a REST Cognito authorizer's claims (every value a string). */
export function callerFrom(event: APIGatewayProxyEvent): Caller {
  const claims = (event.requestContext?.authorizer?.claims ?? {}) as Record<string, unknown>;
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (!sub) throw new HttpProblem(401, 'Unauthorized', 'A valid Bearer token is required.');
  const roles = parseGroupsClaim(claims['cognito:groups']).filter((g): g is Role =>
    (ROLES as readonly string[]).includes(g),
  );
  const rh = claims['custom:rightsHolderId'];
  const seller = claims['custom:sellerId'];
  const username = claims['cognito:username'];
  return {
    sub,
    ...(typeof username === 'string' && username ? { username } : {}),
    roles,
    ...(typeof rh === 'string' && rh ? { rightsHolderIdClaim: rh } : {}),
    ...(typeof seller === 'string' && seller ? { sellerId: seller } : {}),
    // admin holds every right of reviewer (API.md).
    isReviewer: roles.includes('reviewer') || roles.includes('admin'),
  };
}

/**
 * Reads a machine caller from a Cognito **access token**'s claims (client-credentials grant): it
 * must carry `token_use: access` and the route's scope among its space-separated `scope`. In AWS
 * the method's authorizer already requires the scope; this repeats the check so a function
 * reached another way still refuses. No token → 401; an ID token or a missing scope → 403.
 */
export function machineCallerFrom(event: APIGatewayProxyEvent, scope: string): Caller {
  const claims = (event.requestContext?.authorizer?.claims ?? {}) as Record<string, unknown>;
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (!sub) throw new HttpProblem(401, 'Unauthorized', 'A valid Bearer token is required.');
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(/\s+/) : [];
  if (claims.token_use !== 'access' || !scopes.includes(scope))
    throw forbidden(`This route needs a machine access token with the scope ${scope}.`);
  const clientId =
    typeof claims.client_id === 'string' && claims.client_id ? claims.client_id : sub;
  return { sub: clientId, roles: [], isReviewer: false, machine: 'marketplace' };
}

/** Whether the caller holds one of the route's roles (`admin` counts as `reviewer`). */
export function hasRole(caller: Caller, allowed: readonly Role[]): boolean {
  return allowed.some(
    (role) =>
      caller.roles.includes(role) || (role === 'reviewer' && caller.roles.includes('admin')),
  );
}

/** 403 unless the caller holds one of the roles. */
export function requireRole(caller: Caller, allowed: readonly Role[]): void {
  if (allowed.length > 0 && !hasRole(caller, allowed)) throw forbidden();
}

/** The timeline actor of a staff caller: `admin` only when the token has no reviewer group. */
export function staffActor(caller: Caller): { role: 'reviewer' | 'admin'; id: string } {
  return {
    role:
      caller.roles.includes('admin') && !caller.roles.includes('reviewer') ? 'admin' : 'reviewer',
    id: caller.sub,
  };
}
