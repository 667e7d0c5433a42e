/**
 * Authorization codes of the local issuer's code flow (RFC 6749 §4.1, PKCE RFC 7636): single use,
 * short-lived, bound to the client, the redirect URI and the S256 code challenge.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a code may wait for its exchange (Cognito: 5 minutes; RFC 6749 recommends ≤ 10). */
export const CODE_TTL_MS = 5 * 60_000;

export interface AuthorizationGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  /** The demo user who signed in. */
  userName: string;
  nonce?: string;
}

export type ExchangeFailure = 'invalid_grant' | 'invalid_client';

export class AuthorizationCodes {
  private readonly codes = new Map<string, AuthorizationGrant & { expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Issues a fresh code for the grant. */
  issue(grant: AuthorizationGrant): string {
    this.sweep();
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /**
   * Redeems a code: it must exist, be unexpired, and match the client, the redirect URI and the
   * verifier (BASE64URL(SHA-256(verifier)) = challenge). The code is spent on any attempt, so a
   * stolen code cannot be tried twice.
   */
  redeem(input: {
    code: string;
    clientId: string;
    redirectUri: string;
    codeVerifier: string;
  }): AuthorizationGrant | ExchangeFailure {
    const grant = this.codes.get(input.code);
    this.codes.delete(input.code);
    if (!grant || grant.expiresAt <= this.now()) return 'invalid_grant';
    if (grant.clientId !== input.clientId) return 'invalid_client';
    if (grant.redirectUri !== input.redirectUri) return 'invalid_grant';
    if (!verifierMatches(input.codeVerifier, grant.codeChallenge)) return 'invalid_grant';
    const { expiresAt: _expiresAt, ...rest } = grant;
    return rest;
  }

  private sweep(): void {
    const now = this.now();
    for (const [code, grant] of this.codes) if (grant.expiresAt <= now) this.codes.delete(code);
  }
}

/** RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~]. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** A S256 challenge: 43 base64url characters (a SHA-256 digest). */
export const S256_CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  const digest = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return digest.length === expected.length && timingSafeEqual(digest, expected);
}
