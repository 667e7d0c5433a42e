import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  durationBucket,
  mergeBuckets,
  quantileSeconds,
  RELATIVE_ACCURACY,
} from '../../../functions/domain/duration-sketch.ts';

const bucketsOf = (values: readonly number[]) => {
  const buckets = new Map<number, number>();
  for (const value of values) {
    const key = durationBucket(value);
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
  }
  return buckets;
};

/** The exact lower median (rank ⌊q·(n−1)⌋, the sketch's convention). */
const exactMedian = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(0.5 * (values.length - 1))]!;

describe('Module: duration-sketch', () => {
  it('answers the median within its stated relative error of the exact median', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 * 86_400 }), { minLength: 1, maxLength: 500 }),
        (values) => {
          const median = quantileSeconds(bucketsOf(values), 0.5)!;
          const exact = exactMedian(values);
          expect(Math.abs(median - exact) / exact).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-9);
        },
      ),
    );
  });

  it('merges by adding counters: two halves merged answer as the whole', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 60 + ((i * 7919) % 200_000));
    const merged = mergeBuckets(bucketsOf(values.slice(0, 400)), bucketsOf(values.slice(400)));
    expect(quantileSeconds(merged, 0.5)).toBe(quantileSeconds(bucketsOf(values), 0.5));
  });

  it('answers null for no durations', () => {
    expect(quantileSeconds(new Map(), 0.5)).toBeNull();
  });
});
