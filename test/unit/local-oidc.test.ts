import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LocalIssuer } from '../../local/auth/issuer.ts';
import { createOidcRoutes } from '../../local/auth/oidc-routes.ts';
import { type LocalServer, type RouteHandler, startLoopbackServer } from '../../local/http.ts';
import { demoUsers } from '../../local/seed.ts';

let server: LocalServer;
let issuer: LocalIssuer;
let base: string;
let redirectUri: string;

beforeAll(async () => {
  const handlers: RouteHandler[] = [];
  server = await startLoopbackServer(0, handlers);
  issuer = await LocalIssuer.open(undefined, { url: `${server.url}/oidc` });
  handlers.push(createOidcRoutes({ issuer, users: demoUsers, clientId: LOCAL_AUDIENCE }));
  base = `${server.url}/oidc`;
  redirectUri = `${server.url}/auth/callback`;
});
afterAll(() => server?.close());

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

function authorizeParams(challenge: string, overrides: Record<string, string> = {}) {
  return new URLSearchParams({
    response_type: 'code',
    client_id: LOCAL_AUDIENCE,
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  });
}

/** Signs in as a demo user on the sign-in page's form; returns the redirect's URL. */
async function chooseUser(challenge: string, user = 'reviewer'): Promise<URL> {
  const body = authorizeParams(challenge);
  body.set('user', user);
  const res = await fetch(`${base}/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    body,
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

async function exchange(code: string, verifier: string, overrides: Record<string, string> = {}) {
  const res = await fetch(`${base}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: LOCAL_AUDIENCE,
      code_verifier: verifier,
      ...overrides,
    }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, string>,
    headers: res.headers,
  };
}

describe('Local OIDC issuer', () => {
  it('publishes a discovery document naming its endpoints, the code flow and S256 only', async () => {
    const doc = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(doc).toMatchObject({
      issuer: base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      end_session_endpoint: `${base}/logout`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    });
    const jwks = (await (await fetch(doc.jwks_uri as string)).json()) as { keys: unknown[] };
    expect(jwks).toEqual(await issuer.jwks());
  });

  it('shows a page to pick each demo user for a valid authorization request', async () => {
    const res = await fetch(`${base}/authorize?${authorizeParams(pkce().challenge)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const user of demoUsers) expect(html).toContain(`Sign in as ${user.name}`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('never redirects to an unknown client or a redirect URI outside the app', async () => {
    for (const overrides of [
      { client_id: 'someone-else' } as Record<string, string>,
      { redirect_uri: 'https://evil.example/auth/callback' },
      { redirect_uri: `${server.url}/elsewhere` },
    ]) {
      const res = await fetch(`${base}/authorize?${authorizeParams(pkce().challenge, overrides)}`, {
        redirect: 'manual',
      });
      expect(res.status, JSON.stringify(overrides)).toBe(400);
    }
  });

  it('refuses the implicit flow and a request without PKCE, back to the client', async () => {
    for (const overrides of [
      { response_type: 'token' } as Record<string, string>,
      { code_challenge_method: 'plain' },
      { code_challenge: '' },
    ]) {
      const res = await fetch(`${base}/authorize?${authorizeParams(pkce().challenge, overrides)}`, {
        redirect: 'manual',
      });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location')!);
      expect(location.searchParams.get('error')).toMatch(
        /unsupported_response_type|invalid_request/,
      );
      expect(location.searchParams.get('state')).toBe('state-1');
      expect(location.searchParams.has('code')).toBe(false);
    }
  });

  it('exchanges a code with its verifier for an ID token the API accepts, with the claims it reads', async () => {
    const { verifier, challenge } = pkce();
    const back = await chooseUser(challenge, 'acme-brand');
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('state-1');
    const token = await exchange(back.searchParams.get('code')!, verifier);
    expect(token.status).toBe(200);
    expect(token.headers.get('cache-control')).toBe('no-store');
    expect(token.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const claims = await issuer.verify(token.body.id_token!);
    expect(claims).toMatchObject({
      iss: base,
      aud: LOCAL_AUDIENCE,
      sub: 'demo-rights-holder',
      token_use: 'id',
      nonce: 'nonce-1',
      'cognito:groups': ['rights-holder'],
      'custom:rightsHolderId': 'rh-acme',
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
  });

  it('refuses a wrong verifier, and spends the code on the attempt', async () => {
    const { verifier, challenge } = pkce();
    const code = (await chooseUser(challenge)).searchParams.get('code')!;
    const wrong = await exchange(code, pkce().verifier);
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const replay = await exchange(code, verifier);
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a code redeemed twice, or for another redirect URI', async () => {
    const first = pkce();
    const code = (await chooseUser(first.challenge)).searchParams.get('code')!;
    expect((await exchange(code, first.verifier)).status).toBe(200);
    expect((await exchange(code, first.verifier)).body.error).toBe('invalid_grant');
    const second = pkce();
    const other = (await chooseUser(second.challenge)).searchParams.get('code')!;
    const moved = await exchange(other, second.verifier, { redirect_uri: `${server.url}/` });
    expect(moved.body.error).toBe('invalid_grant');
  });

  it('refuses a cross-origin form post to the sign-in', async () => {
    const body = authorizeParams(pkce().challenge);
    body.set('user', 'admin');
    const res = await fetch(`${base}/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body,
    });
    expect(res.status).toBe(403);
  });

  it('signs out to the app, and only to the app', async () => {
    const home = `${server.url}/`;
    const ok = await fetch(
      `${base}/logout?client_id=${LOCAL_AUDIENCE}&logout_uri=${encodeURIComponent(home)}`,
      {
        redirect: 'manual',
      },
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(home);
    const evil = await fetch(
      `${base}/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`,
      { redirect: 'manual' },
    );
    expect(evil.status).toBe(200);
  });

  it('keeps accepting the constant issuer of script tokens next to its URL', async () => {
    const scriptToken = await issuer.mint({ sub: 'u', groups: ['reviewer'] });
    expect(decodeJwt(scriptToken).iss).toBe(issuer.issuer);
    await expect(issuer.verify(scriptToken)).resolves.toMatchObject({ sub: 'u' });
  });
});
