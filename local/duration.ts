const PATTERN =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration of weeks, days, hours, minutes and seconds (e.g. `P15D`,
 * `PT36H`, `P1DT12H`) into milliseconds. Years and months are refused: their length depends on
 * the date they start from. A day is 24 hours.
 */
export function parseDurationMs(text: string): number {
  const match = PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    throw new RangeError(
      `"${text}" is not an ISO 8601 duration of weeks, days, hours, minutes and seconds (e.g. P15D, PT36H)`,
    );
  }
  const [, weeks, days, hours, minutes, seconds] = match.map((part) =>
    part === undefined ? 0 : Number(part),
  );
  return Math.round(
    ((((weeks as number) * 7 + (days as number)) * 24 + (hours as number)) * 60 +
      (minutes as number)) *
      60_000 +
      (seconds as number) * 1000,
  );
}
