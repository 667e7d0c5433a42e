import type { Audience, Locale } from '../domain/locale.ts';

const TIME_PARTS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

/** The instant in UTC, as `2026-12-15 23:00 UTC`: the same for every reader. */
function utcText(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * An instant as the recipient reads it: in its language and time zone, with the zone named and
 * the UTC instant beside it, e.g. `Tue, December 15, 2026, 18:00 EST (America/New_York; 2026-12-15
 * 23:00 UTC)`. Deadlines bind people in their own time, and the UTC instant is the one the
 * service acts on.
 */
export function formatInstant(iso: string, audience: Audience): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an instant: ${iso}`);
  const local = new Intl.DateTimeFormat(audience.locale, {
    ...TIME_PARTS,
    timeZone: audience.timeZone,
  }).format(instant);
  return audience.locale === 'zh-CN'
    ? `${local}（${audience.timeZone}；${utcText(instant)}）`
    : `${local} (${audience.timeZone}; ${utcText(instant)})`;
}

/** A count in the recipient's language, e.g. `3 listings` or `3 个商品链接`. */
export function countText(locale: Locale, count: number, en: [string, string], zh: string): string {
  if (locale === 'zh-CN') return `${count} ${zh}`;
  return `${count} ${count === 1 ? en[0] : en[1]}`;
}
