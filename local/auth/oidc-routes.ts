/**
 * The local issuer's OpenID Connect endpoints, the same ones the web app uses against Cognito's
 * managed login in AWS, under `<base>/oidc`:
 * - `GET  /.well-known/openid-configuration`: discovery;
 * - `GET  /.well-known/jwks.json`: the signing keys;
 * - `GET  /authorize`: the sign-in page (pick a demo user); `POST /authorize`: the choice,
 *   answered by a redirect to the client with `?code=&state=`;
 * - `POST /token`: the code exchange, verifying PKCE (S256 only), answering an ID token with the
 *   claims the API reads (`sub`, `cognito:groups`, `custom:rightsHolderId`, `custom:sellerId`);
 * - `GET  /logout`: end-session, redirecting to an allowed sign-out URL (it takes OIDC's
 *   `post_logout_redirect_uri` and Cognito's `logout_uri`).
 * Authorization code only: no implicit flow, no client secret (a public client, as the portal's
 * Cognito app client).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RouteHandler, readBody, sendJson } from '../http.ts';
import { AuthorizationCodes, S256_CHALLENGE } from './authorization-codes.ts';
import { type LocalIssuer, SIGN_IN_TOKEN_SECONDS } from './issuer.ts';
import { renderSignInPage, SIGN_IN_PAGE_CSP, type SignInChoice } from './sign-in-page.ts';

export const OIDC_BASE_PATH = '/oidc';
export const CALLBACK_PATH = '/auth/callback';

export interface OidcRoutesOptions {
  /** An issuer opened with its `url` (`<cloud url>/oidc`). */
  issuer: LocalIssuer;
  users: readonly (SignInChoice & { sub: string; email?: string })[];
  clientId: string;
}

/** The parameters of an authorization request this issuer understands. */
const AUTHORIZE_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'response_mode',
  'prompt',
] as const;

export function createOidcRoutes(options: OidcRoutesOptions): RouteHandler {
  const issuerUrl = options.issuer.url;
  if (!issuerUrl) throw new Error('the OIDC routes need an issuer with a URL');
  const port = new URL(issuerUrl).port;
  const codes = new AuthorizationCodes();

  /** The app's own URLs on this cloud's port, on any loopback name the browser used. */
  const isAppUrl = (value: string | undefined, path: string): boolean => {
    if (!value) return false;
    try {
      const url = new URL(value);
      return (
        url.protocol === 'http:' &&
        ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
        url.port === port &&
        url.pathname === path &&
        url.search === '' &&
        url.hash === ''
      );
    } catch {
      return false;
    }
  };

  const discovery = {
    issuer: issuerUrl,
    authorization_endpoint: `${issuerUrl}/authorize`,
    token_endpoint: `${issuerUrl}/token`,
    jwks_uri: `${issuerUrl}/.well-known/jwks.json`,
    end_session_endpoint: `${issuerUrl}/logout`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'email', 'profile'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'nonce',
      'email',
      'cognito:groups',
      'cognito:username',
      'custom:rightsHolderId',
      'custom:sellerId',
    ],
  };

  return async (req, res, url) => {
    if (url.pathname !== OIDC_BASE_PATH && !url.pathname.startsWith(`${OIDC_BASE_PATH}/`))
      return false;
    const route = `${req.method} ${url.pathname.slice(OIDC_BASE_PATH.length)}`;
    // The app may be on another loopback name than the issuer (localhost vs 127.0.0.1): as
    // Cognito does, the endpoints the browser fetches answer CORS for the app's origin.
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      origin && isAppUrl(`${origin}/`, '/')
        ? { 'access-control-allow-origin': origin, vary: 'Origin' }
        : {};
    switch (route) {
      case 'GET /.well-known/openid-configuration':
        sendJson(res, 200, discovery, { 'cache-control': 'public, max-age=300', ...cors });
        return true;
      case 'GET /.well-known/jwks.json':
        sendJson(res, 200, await options.issuer.jwks(), {
          'cache-control': 'public, max-age=300',
          ...cors,
        });
        return true;
      case 'GET /authorize':
      case 'POST /authorize': {
        const params =
          req.method === 'GET' ? url.searchParams : await formParams(req, res, isAppUrl);
        if (!params) return true;
        authorize(req.method === 'POST', params, res);
        return true;
      }
      case 'POST /token': {
        const params = await formParams(req, res, isAppUrl);
        if (!params) return true;
        await exchange(params, res, cors);
        return true;
      }
      case 'GET /logout': {
        const target =
          url.searchParams.get('post_logout_redirect_uri') ?? url.searchParams.get('logout_uri');
        const clientId = url.searchParams.get('client_id');
        if (target && isAppUrl(target, '/') && (!clientId || clientId === options.clientId)) {
          const state = url.searchParams.get('state');
          redirect(res, state ? withParams(target, { state }) : target);
        } else {
          sendHtml(res, 200, page('Signed out', '<p>You are signed out of the local issuer.</p>'));
        }
        return true;
      }
      default:
        sendJson(res, 404, { error: 'not_found' });
        return true;
    }
  };

  function authorize(chosen: boolean, params: URLSearchParams, res: ServerResponse): void {
    const get = (name: string) => params.get(name) ?? undefined;
    const redirectUri = get('redirect_uri');
    // Errors about the client or its redirect URI are shown here, never sent to an unchecked URI.
    if (get('client_id') !== options.clientId) {
      sendHtml(
        res,
        400,
        page('Unknown client', '<p>The client_id is not a client of this issuer.</p>'),
      );
      return;
    }
    if (!isAppUrl(redirectUri, CALLBACK_PATH)) {
      sendHtml(
        res,
        400,
        page(
          'Redirect URI not allowed',
          `<p>Allowed: the app's ${CALLBACK_PATH} on this cloud.</p>`,
        ),
      );
      return;
    }
    const state = get('state');
    const fail = (error: string, description: string): void =>
      redirect(
        res,
        withParams(redirectUri!, {
          error,
          error_description: description,
          ...(state ? { state } : {}),
        }),
      );
    const refusal =
      get('response_type') !== 'code'
        ? ['unsupported_response_type', 'Only the authorization code flow is supported.']
        : !(get('scope') ?? '').split(' ').includes('openid')
          ? ['invalid_scope', 'The scope must include openid.']
          : get('code_challenge_method') !== 'S256' ||
              !S256_CHALLENGE.test(get('code_challenge') ?? '')
            ? [
                'invalid_request',
                'PKCE is required: code_challenge with code_challenge_method=S256.',
              ]
            : get('prompt') === 'none'
              ? ['login_required', 'The local issuer keeps no session.']
              : undefined;
    if (refusal) {
      fail(refusal[0]!, refusal[1]!);
      return;
    }

    if (!chosen) {
      const carried = Object.fromEntries(
        AUTHORIZE_PARAMS.flatMap((name) => (params.has(name) ? [[name, params.get(name)!]] : [])),
      );
      sendHtml(res, 200, renderSignInPage(carried, options.users));
      return;
    }
    const user = options.users.find((u) => u.name === get('user'));
    if (!user) {
      fail('access_denied', 'No such demo user.');
      return;
    }
    const code = codes.issue({
      clientId: options.clientId,
      redirectUri: redirectUri!,
      codeChallenge: get('code_challenge')!,
      userName: user.name,
      ...(get('nonce') ? { nonce: get('nonce') } : {}),
    });
    redirect(res, withParams(redirectUri!, { code, ...(state ? { state } : {}) }));
  }

  async function exchange(
    params: URLSearchParams,
    res: ServerResponse,
    cors: Record<string, string>,
  ): Promise<void> {
    const noStore = { 'cache-control': 'no-store', pragma: 'no-cache', ...cors };
    const error = (status: number, code: string, description: string) =>
      sendJson(res, status, { error: code, error_description: description }, noStore);
    if (params.get('grant_type') !== 'authorization_code')
      return error(400, 'unsupported_grant_type', 'Only authorization_code is supported.');
    const result = codes.redeem({
      code: params.get('code') ?? '',
      clientId: params.get('client_id') ?? '',
      redirectUri: params.get('redirect_uri') ?? '',
      codeVerifier: params.get('code_verifier') ?? '',
    });
    if (typeof result === 'string')
      return error(
        result === 'invalid_client' ? 401 : 400,
        result,
        'The code is unknown, expired, spent, or was issued to another client, redirect URI or code verifier.',
      );
    const user = options.users.find((u) => u.name === result.userName)!;
    const idToken = await options.issuer.mintSignIn(
      {
        sub: user.sub,
        groups: [...user.groups],
        ...(user.rightsHolderId ? { rightsHolderId: user.rightsHolderId } : {}),
        ...(user.sellerId ? { sellerId: user.sellerId } : {}),
        ...(user.email ? { email: user.email } : {}),
      },
      result.nonce ? { nonce: result.nonce } : {},
    );
    sendJson(
      res,
      200,
      {
        id_token: idToken,
        // The local API reads only the ID token (as the portal does with Cognito); the access
        // token is opaque here, for clients that expect one.
        access_token: randomBytes(32).toString('base64url'),
        token_type: 'Bearer',
        expires_in: SIGN_IN_TOKEN_SECONDS,
      },
      noStore,
    );
  }
}

/** Reads a form body; refuses a cross-origin POST (no CSRF onto the local issuer). */
async function formParams(
  req: IncomingMessage,
  res: ServerResponse,
  isAppUrl: (value: string | undefined, path: string) => boolean,
): Promise<URLSearchParams | undefined> {
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && !isAppUrl(`${origin}/`, '/')) {
    sendJson(res, 403, { error: 'access_denied', error_description: 'Cross-origin request.' });
    return undefined;
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type !== 'application/x-www-form-urlencoded') {
    sendJson(res, 400, {
      error: 'invalid_request',
      error_description: 'The body must be application/x-www-form-urlencoded.',
    });
    return undefined;
  }
  return new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
}

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end();
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': SIGN_IN_PAGE_CSP,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(html);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Takedown local issuer</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}
