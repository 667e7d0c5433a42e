import {
  addCivilDays,
  type CivilDate,
  civilDateIn,
  dayOfWeek,
  formatCivilDate,
  startOfCivilDay,
} from './civil-date.ts';
import { observedUsFederalHolidayOn } from './us-federal-holidays.ts';

/** US business days are counted on the New York calendar (DOMAIN.md, "US business days"). */
export const US_BUSINESS_TIME_ZONE = 'America/New_York';

/** Options of the US business-day calendar. */
export interface UsBusinessDayOptions {
  /**
   * Extra non-business dates (`YYYY-MM-DD`), e.g. a one-off closure of federal offices by
   * executive order, which 5 U.S.C. 6103 does not cover. From the policy.
   * @default []
   */
  extraClosures?: readonly string[];
}

/**
 * Whether a civil date is a US business day: Monday–Friday and not an observed legal public
 * holiday under 5 U.S.C. 6103 (nor an extra closure from the policy).
 */
export function isUsBusinessDate(date: CivilDate, options: UsBusinessDayOptions = {}): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  if (observedUsFederalHolidayOn(date) !== undefined) return false;
  return !(options.extraClosures ?? []).includes(formatCivilDate(date));
}

/** Whether the New York calendar day of this instant is a US business day. */
export function isUsBusinessDay(instant: Date, options: UsBusinessDayOptions = {}): boolean {
  return isUsBusinessDate(civilDateIn(instant, US_BUSINESS_TIME_ZONE), options);
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`A business-day count must be a whole number ≥ 1, got ${n}`);
  }
}

/**
 * The date of the n-th US business day after the day of receipt. The day of receipt never
 * counts, even when it is itself a business day (17 U.S.C. §512(g)(2)(C): "business days
 * following receipt"); the day is the New York calendar day of `receivedAt`.
 */
export function nthUsBusinessDate(
  receivedAt: Date,
  n: number,
  options: UsBusinessDayOptions = {},
): CivilDate {
  assertCount(n);
  let date = civilDateIn(receivedAt, US_BUSINESS_TIME_ZONE);
  let counted = 0;
  for (;;) {
    date = addCivilDays(date, 1);
    if (isUsBusinessDate(date, options)) counted += 1;
    if (counted === n) return date;
  }
}

/**
 * The instant the n-th US business day after receipt **begins**: 00:00 America/New_York on
 * that day, as a UTC `Date`. Used for `restoreNotBefore` (the 10th business day): from this
 * instant on, restoring is lawful.
 */
export function addUsBusinessDays(
  receivedAt: Date,
  n: number,
  options: UsBusinessDayOptions = {},
): Date {
  return startOfCivilDay(nthUsBusinessDate(receivedAt, n, options), US_BUSINESS_TIME_ZONE);
}

/**
 * The instant the n-th US business day after receipt **ends**: 00:00 America/New_York of the
 * next calendar day (exclusive). Used for `restoreBy` (the 14th business day): restoring
 * must happen before this instant.
 */
export function endOfUsBusinessDay(
  receivedAt: Date,
  n: number,
  options: UsBusinessDayOptions = {},
): Date {
  const last = nthUsBusinessDate(receivedAt, n, options);
  return startOfCivilDay(addCivilDays(last, 1), US_BUSINESS_TIME_ZONE);
}
