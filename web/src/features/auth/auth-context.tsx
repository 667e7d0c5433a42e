import type { User, UserManager } from 'oidc-client-ts';
import { createContext, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { RuntimeConfig } from '../../config/runtime-config.ts';
import { CALLBACK_PATH, completeSignIn, SignInCallbackError } from './callback.ts';
import { type Role, rolesOf } from './roles.ts';
import { signOutParams } from './user-manager.ts';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out'; error?: SignInCallbackError }
  | { status: 'signed-in'; user: User; roles: Role[]; name: string };

export interface Auth {
  state: AuthState;
  /** Starts the code flow; the user comes back to `returnTo` (default: the current page). */
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
  /** The session is over (the API answered 401, or the token expired). */
  expire(): void;
  idToken(): string | undefined;
}

export const AuthContext = createContext<Auth | null>(null);

// The callback is processed once, even if React mounts the provider twice (StrictMode).
let callbackOnce: Promise<string> | undefined;

function signedIn(user: User): AuthState {
  const profile = user.profile as Record<string, unknown>;
  const name =
    (typeof profile.email === 'string' && profile.email) ||
    (typeof profile['cognito:username'] === 'string' && profile['cognito:username']) ||
    user.profile.sub;
  return { status: 'signed-in', user, roles: rolesOf(profile), name };
}

/** Holds the session: completes a callback, restores a stored user, signs in and out. */
export function AuthProvider(props: {
  userManager: UserManager;
  config: RuntimeConfig;
  onSignedIn?: (path: string) => void;
  children: ReactNode;
}) {
  const { userManager, config, onSignedIn } = props;
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const start = async () => {
      if (window.location.pathname === CALLBACK_PATH) {
        // The callback strips its own URL at once, so a second run would see no code: one run per
        // page load (a sign-in always arrives by a full navigation).
        callbackOnce ??= completeSignIn(
          {
            signinCallback: (url) => userManager.signinCallback(url),
            replaceUrl: (path) => window.history.replaceState(null, '', path),
          },
          window.location.href,
        );
        try {
          const returnTo = await callbackOnce;
          const user = await userManager.getUser();
          if (cancelled) return;
          if (user && !user.expired) {
            setState(signedIn(user));
            onSignedIn?.(returnTo);
            return;
          }
          setState({ status: 'signed-out' });
        } catch (error) {
          if (cancelled) return;
          setState({
            status: 'signed-out',
            error:
              error instanceof SignInCallbackError
                ? error
                : new SignInCallbackError('sign_in_failed', String(error)),
          });
        }
        return;
      }
      const user = await userManager.getUser();
      if (cancelled) return;
      setState(user && !user.expired ? signedIn(user) : { status: 'signed-out' });
    };
    void start();
    return () => {
      cancelled = true;
    };
  }, [userManager, onSignedIn]);

  const expire = useCallback(() => {
    void userManager.removeUser();
    setState({ status: 'signed-out', reason: 'expired' });
  }, [userManager]);

  useEffect(() => {
    userManager.events.addAccessTokenExpired(expire);
    return () => userManager.events.removeAccessTokenExpired(expire);
  }, [userManager, expire]);

  const auth = useMemo<Auth>(
    () => ({
      state,
      signIn: (returnTo) =>
        userManager.signinRedirect({
          state: returnTo ?? `${window.location.pathname}${window.location.search}`,
        }),
      signOut: async () => {
        await userManager.signoutRedirect({ extraQueryParams: signOutParams(config) });
      },
      expire,
      idToken: () => (state.status === 'signed-in' ? state.user.id_token : undefined),
    }),
    [state, userManager, config, expire],
  );

  return <AuthContext.Provider value={auth}>{props.children}</AuthContext.Provider>;
}
