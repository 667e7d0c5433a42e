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
