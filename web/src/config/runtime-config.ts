/**
 * The settings that differ between deployments, read at start from `/config.json` (written by the
 * web stack in AWS, served by the local cloud locally), so one build runs everywhere.
 */
export interface RuntimeConfig {
  /** Where `/v1` lives: '' for the app's own origin, or an absolute origin. */
  apiUrl: string;
  /** The OIDC issuer (Cognito: https://cognito-idp.<region>.amazonaws.com/<userPoolId>). */
  authority: string;
  clientId: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /**
   * The end-session endpoint when discovery does not list one (Cognito managed login: its
   * `/logout`, which takes `client_id` and `logout_uri`). @default the discovery document's
   */
  logoutUrl?: string;
  /** @default 'openid email profile' */
  scope?: string;
}

const REQUIRED = ['authority', 'clientId', 'redirectUri', 'postLogoutRedirectUri'] as const;

/** Checks the shape of a parsed config.json; throws naming what is missing. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (!raw || typeof raw !== 'object') throw new Error('config.json is not a JSON object');
  const value = raw as Record<string, unknown>;
  const missing = REQUIRED.filter((key) => typeof value[key] !== 'string' || value[key] === '');
  if (missing.length) throw new Error(`config.json lacks ${missing.join(', ')}`);
  if (value.apiUrl !== undefined && typeof value.apiUrl !== 'string')
    throw new Error('config.json: apiUrl must be a string');
  return {
    apiUrl: (value.apiUrl as string | undefined) ?? '',
    authority: value.authority as string,
    clientId: value.clientId as string,
    redirectUri: value.redirectUri as string,
    postLogoutRedirectUri: value.postLogoutRedirectUri as string,
    ...(typeof value.logoutUrl === 'string' ? { logoutUrl: value.logoutUrl } : {}),
    ...(typeof value.scope === 'string' ? { scope: value.scope } : {}),
  };
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json());
}
