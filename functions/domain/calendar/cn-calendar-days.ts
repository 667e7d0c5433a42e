import { addCivilDays, civilDateIn, formatCivilDate, startOfCivilDay } from './civil-date.ts';

/** Chinese periods run on China Standard Time. */
export const CN_TIME_ZONE = 'Asia/Shanghai';

/**
 * The instant a period of `days` calendar days that starts at `from` ends, computed as the
 * PRC Civil Code computes periods:
 * - Art 201: the day on which the period starts is not counted; counting begins the next day;
 * - Art 203: if the last day is a statutory holiday, the day after the holiday becomes the
 *   last day; the period ends at 24:00 of the last day.
 *
 * @param restDays statutory holidays (`YYYY-MM-DD`) as the State Council publishes them each
 *   year; they cannot be derived by rule, so the policy lists them.
 * @returns 00:00 Asia/Shanghai of the day after the last day, as a UTC `Date` (exclusive end).
 */
export function endOfCnCalendarPeriod(
  from: Date,
  days: number,
  restDays: readonly string[] = [],
): Date {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`A period must be a whole number of days ≥ 1, got ${days}`);
  }
  let last = addCivilDays(civilDateIn(from, CN_TIME_ZONE), days);
  while (restDays.includes(formatCivilDate(last))) last = addCivilDays(last, 1);
  return startOfCivilDay(addCivilDays(last, 1), CN_TIME_ZONE);
}
