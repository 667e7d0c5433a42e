import { addCivilDays, type CivilDate, dayOfWeek, formatCivilDate } from './civil-date.ts';

/** A legal public holiday under 5 U.S.C. 6103(a), with the day it is observed. */
export interface UsFederalHoliday {
  name: string;
  /** The day the statute names. */
  date: CivilDate;
  /** The day off for a Monday–Friday workweek (may fall in the previous year). */
  observed: CivilDate;
}

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

/** The n-th (1-based) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): CivilDate {
  const first: CivilDate = { year, month, day: 1 };
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return addCivilDays(first, offset + (n - 1) * 7);
}

/** The last given weekday of a month. */
function lastWeekday(year: number, month: number, weekday: number): CivilDate {
  const last = addCivilDays({ year, month: month + 1, day: 1 }, -1);
  return addCivilDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/**
 * The observed day: a Saturday holiday is observed the Friday before, a Sunday holiday the
 * Monday after (5 U.S.C. 6103(b); Executive Order 11582).
 */
function observedDay(date: CivilDate): CivilDate {
  const weekday = dayOfWeek(date);
  if (weekday === SATURDAY) return addCivilDays(date, -1);
  if (weekday === SUNDAY) return addCivilDays(date, 1);
  return date;
}

/**
 * The legal public holidays of a year under 5 U.S.C. 6103(a), as in force since 2021.
 * Juneteenth is listed from 2021 (Pub. L. 117-17). Inauguration Day (§6103(c)) is left out:
 * it is a holiday only for federal employees in the Washington, D.C. area.
 */
export function usFederalHolidays(year: number): UsFederalHoliday[] {
  const fixed = (name: string, month: number, day: number): UsFederalHoliday => {
    const date = { year, month, day };
    return { name, date, observed: observedDay(date) };
  };
  const floating = (name: string, date: CivilDate): UsFederalHoliday => ({
    name,
    date,
    observed: date,
  });
  const holidays: UsFederalHoliday[] = [
    fixed("New Year's Day", 1, 1),
    floating('Birthday of Martin Luther King, Jr.', nthWeekday(year, 1, MONDAY, 3)),
    floating("Washington's Birthday", nthWeekday(year, 2, MONDAY, 3)),
    floating('Memorial Day', lastWeekday(year, 5, MONDAY)),
    fixed('Independence Day', 7, 4),
    floating('Labor Day', nthWeekday(year, 9, MONDAY, 1)),
    floating('Columbus Day', nthWeekday(year, 10, MONDAY, 2)),
    fixed('Veterans Day', 11, 11),
    floating('Thanksgiving Day', nthWeekday(year, 11, THURSDAY, 4)),
    fixed('Christmas Day', 12, 25),
  ];
  if (year >= 2021) holidays.splice(4, 0, fixed('Juneteenth National Independence Day', 6, 19));
  return holidays;
}

const observedCache = new Map<number, Map<string, string>>();

/**
 * The observed holidays that fall in a calendar year, keyed `YYYY-MM-DD` → name. Includes
 * the next year's New Year's Day when it is observed on December 31 (a Saturday January 1).
 */
export function observedUsFederalHolidays(year: number): ReadonlyMap<string, string> {
  const cached = observedCache.get(year);
  if (cached) return cached;
  const days = new Map<string, string>();
  for (const holiday of [...usFederalHolidays(year), ...usFederalHolidays(year + 1)]) {
    if (holiday.observed.year === year) days.set(formatCivilDate(holiday.observed), holiday.name);
  }
  observedCache.set(year, days);
  return days;
}

/** The name of the federal holiday observed on this date, if any. */
export function observedUsFederalHolidayOn(date: CivilDate): string | undefined {
  return observedUsFederalHolidays(date.year).get(formatCivilDate(date));
}
