import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

Object.assign(process.env, { TABLE_NAME: 'takedown-test', AWS_REGION: 'us-east-1' });
const { coveringRanges } = await import('../../../functions/adapters/transparency-counters.ts');

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The days a set of ranges covers (a month range covers each of its months' days). */
function daysOf(ranges: { from: string; to: string }[]): string[] {
  const days: string[] = [];
  for (const range of ranges) {
    const [kind, from] = range.from.split('#') as [string, string];
    const to = range.to.split('#')[1]!;
    const start = Date.parse(`${kind === 'MONTH' ? `${from}-01` : from}T00:00:00Z`);
    for (let t = start; ; t += DAY) {
      const day = iso(t);
      if ((kind === 'MONTH' ? day.slice(0, 7) : day) > to) break;
      days.push(day);
    }
  }
  return days.sort();
}

describe('Function: coveringRanges', () => {
  it('covers every day of the period exactly once, whole months as month items', () => {
    const base = Date.parse('2024-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 365 }),
        (start, length) => {
          const from = iso(base + start * DAY);
          const to = iso(base + (start + length) * DAY);
          const expected = Array.from({ length: length + 1 }, (_, k) =>
            iso(base + (start + k) * DAY),
          );
          expect(daysOf(coveringRanges(from, to))).toEqual(expected);
        },
      ),
    );
  });

  it('reads a calendar year as its twelve month items', () => {
    expect(coveringRanges('2026-01-01', '2026-12-31')).toEqual([
      { from: 'MONTH#2026-01', to: 'MONTH#2026-12' },
    ]);
  });
});
