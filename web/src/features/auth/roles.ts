/** The roles of API.md, as the ID token's `cognito:groups` names them. */
export type Role = 'rights-holder' | 'reviewer' | 'seller' | 'admin';

const ROLES: readonly Role[] = ['rights-holder', 'reviewer', 'seller', 'admin'];

/**
 * The caller's roles from the ID token's claims. Cognito puts `cognito:groups` in the ID token as
 * an array; a claim passed through a REST authorizer arrives as "a,b", which is read too.
 */
export function rolesOf(claims: Record<string, unknown> | undefined): Role[] {
  const raw = claims?.['cognito:groups'];
  const names = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return ROLES.filter((role) => names.includes(role));
}

/** Whether the roles open the reviewer console (`admin` holds every right of `reviewer`). */
export function canReview(roles: readonly Role[]): boolean {
  return roles.includes('reviewer') || roles.includes('admin');
}

/** The app's three areas: the reviewer console, the rights-holder portal, the seller centre. */
export type Area = 'console' | 'portal' | 'seller';

/** The areas the roles open, in the order the navigation lists them. */
export function areasOf(roles: readonly Role[]): Area[] {
  const areas: Area[] = [];
  if (canReview(roles)) areas.push('console');
  if (roles.includes('rights-holder')) areas.push('portal');
  if (roles.includes('seller')) areas.push('seller');
  return areas;
}

/** The landing page of an area. */
export const AREA_HOME: Record<Area, string> = {
  console: '/queue',
  portal: '/portal',
  seller: '/seller',
};

/**
 * The area a path belongs to; undefined for pages every party opens (a case page answers each
 * party with its own view) and for the home page.
 */
export function areaOfPath(pathname: string): Area | undefined {
  if (/^\/(queue|action-failed|verification|review)(\/|$)/.test(pathname)) return 'console';
  if (pathname === '/cases') return 'console';
  if (/^\/(portal|notices)(\/|$)/.test(pathname)) return 'portal';
  if (/^\/seller(\/|$)/.test(pathname)) return 'seller';
  return undefined;
}
