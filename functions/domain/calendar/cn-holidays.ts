import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { type CivilDate, dayOfWeek, formatCivilDate } from './civil-date.ts';

/**
 * China's statutory holidays and adjusted working days, as the State Council publishes them each
 * year (from the `chinese-days` package, which holds each published year's notice). The data
 * cannot be derived by rule: the holidays follow the lunar calendar and the State Council moves
 * weekends around them. Past the last published year there is no data, and the package itself
 * would silently answer by weekday; this module refuses instead.
 */
const holidays = new Set(Object.keys(data.holidays));
const adjustedWorkdays = new Set(Object.keys(data.workdays));

/** The last year whose holidays have been published (and are in the data). */
export const CN_HOLIDAYS_LAST_PUBLISHED_YEAR = Math.max(
  ...Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))),
);

/**
 * A CN deadline would fall in a year whose holidays are not published yet. Scheduling it would
 * be a guess: the case parks and an operator is alarmed, and a retry after a data update (a new
 * version of the holiday data) computes it.
 */
export class CnHolidayDataMissing extends Error {
  override readonly name = 'CnHolidayDataMissing';
  constructor(readonly year: number) {
    super(
      `China's statutory holidays for ${year} are not published in the holiday data (last published year: ${CN_HOLIDAYS_LAST_PUBLISHED_YEAR}); update the chinese-days package`,
    );
  }
}

/** A year the State Council published after the holiday data was released (from the policy). */
export interface PublishedCnYear {
  year: number;
  holidays: readonly string[];
  workdays: readonly string[];
}

/**
 * Whether a date is a rest day in China: a statutory holiday, or a Saturday or Sunday that the
 * State Council did not turn into a working day (法定休假日: the holidays and the weekly rest
 * days). `extraRestDays` come from the policy (a one-off closure), and so may the years published
 * after the data was released (`publishedYears`).
 *
 * @throws CnHolidayDataMissing for a date after the last published year.
 */
export function isCnRestDay(
  date: CivilDate,
  extraRestDays: readonly string[] = [],
  publishedYears: readonly PublishedCnYear[] = [],
): boolean {
  const text = formatCivilDate(date);
  if (extraRestDays.includes(text)) return true;
  if (date.year > CN_HOLIDAYS_LAST_PUBLISHED_YEAR) {
    const published = publishedYears.find((entry) => entry.year === date.year);
    if (!published) throw new CnHolidayDataMissing(date.year);
    if (published.holidays.includes(text)) return true;
    if (published.workdays.includes(text)) return false;
    const weekday = dayOfWeek(date);
    return weekday === 0 || weekday === 6;
  }
  if (holidays.has(text)) return true;
  if (adjustedWorkdays.has(text)) return false;
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}
