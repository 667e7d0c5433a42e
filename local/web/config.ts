import { LOCAL_AUDIENCE } from '../auth/issuer.ts';
import { CALLBACK_PATH } from '../auth/oidc-routes.ts';

/**
 * The web app's `/config.json` in the local cloud: the API on the app's own origin, the local
 * issuer as the OIDC authority, and redirect URIs on the origin the browser used. In AWS the web
 * stack writes the same keys with Cognito's values (infra/web-stack.ts).
 */
export function localWebConfig(origin: string, issuerUrl: string) {
  return {
    apiUrl: '',
    authority: issuerUrl,
    clientId: LOCAL_AUDIENCE,
    redirectUri: `${origin}${CALLBACK_PATH}`,
    postLogoutRedirectUri: `${origin}/`,
  };
}
