/**
 * The end of the authorization-code flow: the issuer sent the browser back to the redirect URI with
 * `?code=&state=` (or `?error=`). This completes the exchange and takes both out of the address bar
 * whatever happens, so no code, state or token stays in the URL or the history.
 */

export interface SignInCallbackDeps {
  /** oidc-client-ts `UserManager.signinCallback`: exchanges the code (PKCE) and stores the user. */
  signinCallback(url: string): Promise<{ state?: unknown } | undefined>;
  /** Replaces the current history entry (history.replaceState), without a navigation. */
  replaceUrl(path: string): void;
}

/** A sign-in the issuer refused, or a callback that is not one. */
export class SignInCallbackError extends Error {
  constructor(
    readonly code: string,
    readonly description?: string,
  ) {
    super(description ? `${code}: ${description}` : code);
    this.name = 'SignInCallbackError';
  }
}

export const CALLBACK_PATH = '/auth/callback';

/**
 * Completes the sign-in from the callback URL `href` and returns the in-app path to go to (the one
 * the user started from, carried in the OIDC state).
 */
export async function completeSignIn(deps: SignInCallbackDeps, href: string): Promise<string> {
  const url = new URL(href);
  const params = url.searchParams;
  // First of all: the code and state leave the address bar, even if the exchange fails below.
  deps.replaceUrl(url.pathname);
  const error = params.get('error');
  if (error) throw new SignInCallbackError(error, params.get('error_description') ?? undefined);
  if (!params.get('code') || !params.get('state'))
    throw new SignInCallbackError('invalid_request', 'The sign-in answer has no code or state.');
  let user: { state?: unknown } | undefined;
  try {
    user = await deps.signinCallback(href);
  } catch (cause) {
    const oidc = cause as { error?: string; error_description?: string; message?: string };
    throw new SignInCallbackError(
      oidc.error ?? 'sign_in_failed',
      oidc.error_description ?? oidc.message ?? undefined,
    );
  }
  const returnTo = safeReturnPath(user?.state);
  deps.replaceUrl(returnTo);
  return returnTo;
}

/**
 * The state's return path if it is a path of this app; '/' otherwise. A full URL, a
 * protocol-relative '//host' or '/\host', or the callback itself would send the user elsewhere
 * or round in circles.
 */
export function safeReturnPath(state: unknown): string {
  if (typeof state !== 'string' || !state.startsWith('/')) return '/';
  if (state.startsWith('//') || state.startsWith('/\\')) return '/';
  if (state === CALLBACK_PATH || state.startsWith(`${CALLBACK_PATH}?`)) return '/';
  if ([...state].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '/';
  return state;
}
