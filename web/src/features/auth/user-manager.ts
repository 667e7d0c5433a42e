import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { RuntimeConfig } from '../../config/runtime-config.ts';

/**
 * The OIDC client: authorization code with PKCE (S256), never implicit. The user (with its ID
 * token) and the in-flight sign-in state live in sessionStorage: they survive a reload of the tab,
 * not the tab itself, and never reach the URL.
 */
export function createUserManager(config: RuntimeConfig): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    post_logout_redirect_uri: config.postLogoutRedirectUri,
    response_type: 'code',
    response_mode: 'query',
    scope: config.scope ?? 'openid email profile',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    loadUserInfo: false,
    // No refresh in the background: when the ID token expires, the user signs in again.
    automaticSilentRenew: false,
    monitorSession: false,
    ...(config.logoutUrl ? { metadataSeed: { end_session_endpoint: config.logoutUrl } } : {}),
  });
}

/**
 * Cognito's `/logout` takes `client_id` and `logout_uri` rather than OIDC's
 * `post_logout_redirect_uri`; oidc-client-ts sends the first, this adds the second.
 */
export function signOutParams(config: RuntimeConfig): Record<string, string> {
  return config.logoutUrl ? { logout_uri: config.postLogoutRedirectUri } : {};
}
