/**
 * A mergeable sketch of durations in the manner of DDSketch (Masson et al., VLDB 2019): a duration
 * falls in a logarithmic bucket, and a bucket is just a counter. Counters of days, shards or
 * periods merge by adding them, so the median time to act over a year is read from a few hundred
 * counters, never by sorting cases. A quantile it answers is within ±RELATIVE_ACCURACY (relative)
 * of the exact value, for durations of at least one second.
 *
 * Bucket k holds the durations in (γ^(k-1), γ^k] with γ = (1+α)/(1-α); its representative value
 * 2γ^k/(γ+1) is within α of every value in it. The keys are stable integers: counters written by
 * one deploy are read by the next as long as α does not change.
 */
export const RELATIVE_ACCURACY = 0.01;

const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

/** Durations below a second count as one second (the sketch is relative; zero has no bucket). */
const MIN_SECONDS = 1;

/** The bucket of a duration in seconds. */
export function durationBucket(seconds: number): number {
  return Math.ceil(Math.log(Math.max(seconds, MIN_SECONDS)) / LOG_GAMMA);
}

/** The value a bucket stands for (within RELATIVE_ACCURACY of anything in it). */
export function bucketValue(key: number): number {
  return (2 * GAMMA ** key) / (GAMMA + 1);
}

/** Buckets → counts, merged from any number of counter items. */
export type DurationBuckets = Map<number, number>;

/** Adds `other` into `into` (merging is adding counters). */
export function mergeBuckets(into: DurationBuckets, other: DurationBuckets): DurationBuckets {
  for (const [key, count] of other) into.set(key, (into.get(key) ?? 0) + count);
  return into;
}

/**
 * The quantile (0..1) of the durations in the buckets, in seconds: the value of the bucket that
 * holds the item of rank ⌊q·(n−1)⌋ (the lower median for q = 0.5), within ±RELATIVE_ACCURACY of
 * that item. Null when there is nothing in them.
 */
export function quantileSeconds(buckets: DurationBuckets, quantile: number): number | null {
  const keys = [...buckets.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = keys.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.floor(quantile * (total - 1));
  let seen = 0;
  for (const [key, count] of keys) {
    seen += count;
    if (seen > rank) return bucketValue(key);
  }
  return bucketValue(keys[keys.length - 1]![0]);
}
