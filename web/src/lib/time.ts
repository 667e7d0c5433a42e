/**
 * Times as the viewer reads them: in the browser's own time zone and language. The API speaks
 * ISO 8601 instants in UTC; nothing here assumes a zone.
 */

/** "1 Dec 2026, 14:05 GMT+1" in the viewer's zone. */
export function formatDateTime(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // dateStyle/timeStyle cannot be combined with timeZoneName: spell the fields out.
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

export interface Countdown {
  /** Whole minutes left; negative once past due. */
  minutes: number;
  overdue: boolean;
  /** e.g. "2 d 3 h", "45 min", in the viewer's language. */
  text: string;
}

/** The time left until `dueIso` at `now`, in days/hours/minutes, for SLA columns. */
export function countdown(dueIso: string, now: number, language: string): Countdown {
  const ms = new Date(dueIso).getTime() - now;
  const minutes = Math.trunc(ms / 60_000);
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const mins = abs % 60;
  const unit = (value: number, u: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(
      value,
    );
  const parts =
    days > 0
      ? [unit(days, 'day'), unit(hours, 'hour')]
      : hours > 0
        ? [unit(hours, 'hour'), unit(mins, 'minute')]
        : [unit(mins, 'minute')];
  return { minutes, overdue: ms < 0, text: parts.join(' ') };
}
