/**
 * The web app's Content-Security-Policy and security headers: one definition for CloudFront's
 * response-headers policy (infra/web-stack.ts) and the local cloud's static server
 * (local/web/static.ts), so the browser tests run the app under the policy it has in AWS.
 */

export interface CspSources {
  /** Origins the app fetches besides its own: the OIDC issuer, the evidence storage. */
  connect: readonly string[];
}

/**
 * Scripts and styles only from the app's origin (no inline code, no eval); evidence shown from
 * in-memory blobs; no plugins, no framing of the app, no <base>, forms only to the app itself.
 */
export function contentSecurityPolicy(sources: CspSources): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...sources.connect].join(' ')}`,
    // PDF evidence renders from a blob: URL in a frame; nothing else may be framed.
    'frame-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

/** The other headers every response of the app carries (HSTS is added where there is HTTPS). */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;
