/**
 * Civil (wall-calendar) dates and their link to instants in an IANA time zone. Uses the
 * runtime's Intl data, so no time-zone dependency is needed.
 */

/** A date on the wall calendar, with no time and no zone. `month` is 1..12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in a zone, as if that reading were UTC (ms). */
function wallClockMs(instant: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The civil date an instant falls on in the given zone. */
export function civilDateIn(instant: Date, timeZone: string): CivilDate {
  const wall = new Date(wallClockMs(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * The instant a civil day begins (00:00) in the given zone. Midnight exists and is
 * unambiguous in the zones we use (America/New_York and Asia/Shanghai change clocks at
 * 02:00 or not at all).
 */
export function startOfCivilDay(date: CivilDate, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes: the first offset guess may sit on the other side of a DST change.
  let instant = wall - (wallClockMs(new Date(wall), timeZone) - wall);
  instant = wall - (wallClockMs(new Date(instant), timeZone) - instant);
  return new Date(instant);
}

/** The date `days` later (or earlier, when negative). */
export function addCivilDays(date: CivilDate, days: number): CivilDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** Day of the week, 0 = Sunday .. 6 = Saturday. */
export function dayOfWeek(date: CivilDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** `YYYY-MM-DD`. */
export function formatCivilDate(date: CivilDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * Parses `YYYY-MM-DD`.
 *
 * @throws RangeError when the text is not a real calendar date.
 */
export function parseCivilDate(text: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match
    ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
    : undefined;
  if (!date || formatCivilDate(addCivilDays(date, 0)) !== text) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${text}`);
  }
  return date;
}
