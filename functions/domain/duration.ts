import * as z from 'zod';

// Weeks, days and clock time only: years and months have no fixed length, so a policy
// window written in them would not be one duration.
const ISO_DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Parses an ISO 8601 duration made of weeks, days, hours, minutes and seconds into whole
 * seconds. A day is 24 hours of elapsed time.
 *
 * @returns the seconds, or undefined when the text is not such a duration or is zero.
 */
export function parseDurationSeconds(text: string): number | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  const total =
    (weeks ?? 0) * 604_800 +
    (days ?? 0) * 86_400 +
    (hours ?? 0) * 3_600 +
    (minutes ?? 0) * 60 +
    (seconds ?? 0);
  return total > 0 && Number.isSafeInteger(total) ? total : undefined;
}

/** A positive ISO 8601 duration (`PT24H`, `P7D`, `P2W`...) with no years or months. */
export const durationSchema = z
  .string()
  .refine((text) => parseDurationSeconds(text) !== undefined, {
    message:
      'Must be a positive ISO 8601 duration in weeks, days, hours, minutes or seconds (e.g. PT24H, P7D)',
  })
  .describe('ISO 8601 duration (W, D, H, M, S only; a day is 24 h)');

/**
 * The seconds of a duration that a schema has already validated.
 *
 * @throws RangeError when the text is not a valid duration (a programming error).
 */
export function durationSeconds(text: string): number {
  const seconds = parseDurationSeconds(text);
  if (seconds === undefined) throw new RangeError(`Not a valid policy duration: ${text}`);
  return seconds;
}

/** The instant `duration` after `from`. */
export function addDuration(from: Date, duration: string): Date {
  return new Date(from.getTime() + durationSeconds(duration) * 1000);
}
