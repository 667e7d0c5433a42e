import { addCivilDays, civilDateIn, startOfCivilDay } from './civil-date.ts';
import { isCnRestDay, type PublishedCnYear } from './cn-holidays.ts';

/** Chinese periods run on China Standard Time. */
export const CN_TIME_ZONE = 'Asia/Shanghai';

/**
 * The instant a period of `days` calendar days that starts at `from` ends, computed as the
 * PRC Civil Code computes periods:
 * - Art 201: the day on which the period starts is not counted; counting begins the next day;
 * - Art 203: if the last day is a statutory rest day (a holiday, or a weekend the State Council
 *   did not make a working day), the first working day after it becomes the last day; the
 *   period ends at 24:00 of the last day.
 *
 * @param restDays extra rest days (`YYYY-MM-DD`) from the policy, on top of the published
 *   holiday data (calendar/cn-holidays.ts).
 * @returns 00:00 Asia/Shanghai of the day after the last day, as a UTC `Date` (exclusive end).
 * @throws CnHolidayDataMissing when the last day falls in a year whose holidays are not
 *   published yet: the deadline is refused rather than guessed.
 */
export function endOfCnCalendarPeriod(
  from: Date,
  days: number,
  restDays: readonly string[] = [],
  publishedYears: readonly PublishedCnYear[] = [],
): Date {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`A period must be a whole number of days ≥ 1, got ${days}`);
  }
  let last = addCivilDays(civilDateIn(from, CN_TIME_ZONE), days);
  while (isCnRestDay(last, restDays, publishedYears)) last = addCivilDays(last, 1);
  return startOfCivilDay(addCivilDays(last, 1), CN_TIME_ZONE);
}
