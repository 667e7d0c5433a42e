/**
 * Claims as a REST API (v1) Cognito user-pool authorizer hands them to the Lambda, in
 * `event.requestContext.authorizer.claims`: **every value is a string**.
 *
 * - Strings pass unchanged; booleans and most numbers become their decimal text (`auth_time`:
 *   "1718000000", `email_verified`: "true").
 * - `exp` and `iat` arrive in AWS not as epoch seconds but as a Java `Date#toString` in UTC,
 *   e.g. "Wed Jun 19 14:33:37 UTC 2019". The emulator reproduces that; `parseTimeClaim` reads both.
 * - Arrays (`cognito:groups`) are joined with commas: ["reviewer","admin"] → "reviewer,admin".
 *   This is the form commonly observed from REST Cognito authorizers. (HTTP APIs' JWT authorizer
 *   uses "[reviewer admin]" instead.) `parseGroupsClaim` accepts every form, so handlers need not
 *   care which one they get.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME_CLAIMS = new Set(['exp', 'iat']);

/** Turns a verified JWT payload into the string-only claims map a REST Cognito authorizer passes. */
export function toAuthorizerClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value)) {
      claims[name] = formatJavaUtcDate(value);
    } else if (typeof value === 'string') {
      claims[name] = value;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      claims[name] = String(value);
    } else if (Array.isArray(value)) {
      claims[name] = value.map((item) => String(item)).join(',');
    } else {
      claims[name] = JSON.stringify(value);
    }
  }
  return claims;
}

export { parseGroupsClaim } from '../../functions/api/lib/claims.ts';

/**
 * Reads a time claim (`exp`, `iat`, `auth_time`) in any form it may arrive in: epoch seconds as a
 * number or numeric string, or the REST authorizer's "Wed Jun 19 14:33:37 UTC 2019".
 * Returns epoch seconds, or undefined when unreadable.
 */
export function parseTimeClaim(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const match = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/.exec(
    text,
  );
  if (!match) return undefined;
  const [, mon, day, hh, mm, ss, year] = match;
  const month = MONTHS.indexOf(mon ?? '');
  if (month < 0) return undefined;
  const ms = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss));
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

/** Java's Date#toString in UTC: "EEE MMM dd HH:mm:ss zzz yyyy". */
export function formatJavaUtcDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
  );
}
