import * as z from 'zod';
import { loadEnv } from './env.ts';

// Optional at load so modules that send no mail still load; a malformed URL fails at cold start,
// a missing one on first use.
const env = loadEnv({
  /**
   * The portal's base URL (the web app), e.g. https://portal.example.com: emails link to its
   * pages, never to the API. Locally the base URL of `npm start`.
   */
  PORTAL_URL: z
    .url({ protocol: /^https?$/ })
    .refine((value) => !new URL(value).pathname.startsWith('/v1'), 'the portal, not the API')
    .optional(),
});

/** The portal's base URL, from `PORTAL_URL`. */
export function portalUrl(): string {
  if (!env.PORTAL_URL) {
    throw new Error('Invalid configuration: PORTAL_URL: required to link emails to the portal');
  }
  return env.PORTAL_URL;
}
