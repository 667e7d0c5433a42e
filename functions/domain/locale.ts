/**
 * The languages the service writes to people in, and where a party's language and time zone come
 * from when it has not chosen them. Pure data: messages (functions/messages/) format with them.
 */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** How one recipient reads: its language, and the IANA time zone deadlines are shown in. */
export interface Audience {
  locale: Locale;
  timeZone: string;
}

/** For a recipient the service knows nothing about. */
export const DEFAULT_AUDIENCE: Audience = { locale: 'en', timeZone: 'UTC' };

/** The EU member states, each with the zone of its capital. */
const EU_CAPITAL_ZONES: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
};

/**
 * A party's language and time zone from its country (ISO 3166-1 alpha-2), until it chooses:
 * CN → Simplified Chinese in Beijing time; US → English in New York time (where US deadlines are
 * counted, 17 U.S.C. §512(g)); an EU member state → English in its capital's zone; else English in UTC.
 */
export function audienceForCountry(country: string): Audience {
  const code = country.toUpperCase();
  if (code === 'CN') return { locale: 'zh-CN', timeZone: 'Asia/Shanghai' };
  if (code === 'US') return { locale: 'en', timeZone: 'America/New_York' };
  const euZone = EU_CAPITAL_ZONES[code];
  return euZone ? { locale: 'en', timeZone: euZone } : DEFAULT_AUDIENCE;
}

/** Whether the text is a locale the service writes in. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Whether the text is an IANA time zone this runtime knows. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The audience a party chose where valid, the fallback otherwise (field by field). */
export function resolveAudience(
  chosen: { locale?: unknown; timeZone?: unknown },
  fallback: Audience,
): Audience {
  return {
    locale: isLocale(chosen.locale) ? chosen.locale : fallback.locale,
    timeZone: isTimeZone(chosen.timeZone) ? chosen.timeZone : fallback.timeZone,
  };
}
