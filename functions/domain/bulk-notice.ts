import { createHash } from 'node:crypto';
import type { Policy } from './policy.ts';

/**
 * Bulk notices (API.md, Bulk notices): one notice naming up to 10,000 listings through a manifest,
 * fanned out into one case per distinct listing by a distributed Map.
 *
 * The fan-out's rate is designed for the smallest regions' Step Functions quota. StartExecution is
 * a token bucket per account and region: 1,300 tokens refilled at 300/s in us-east-1, us-west-2
 * and eu-west-1, but 800 refilled at 150/s in every other region. The fan-out spends at most
 * {@link FAN_OUT.startsPerSecond} = 100/s of those 150/s, so the API's small notices, the
 * reconciler and the follow-ups keep 50/s (a third) even while the largest notice fans out, and
 * the burst bucket is never drained. At 100/s, 10,000 cases take 100 s to start in AWS.
 */
export const FAN_OUT = {
  /** Rows per child run of the distributed Map (ItemBatcher.MaxItemsPerBatch). */
  batchSize: 100,
  /** Child runs at once (MaxConcurrency). */
  maxConcurrency: 10,
  /** StartExecution calls per second the whole fan-out may make (the design figure). */
  startsPerSecond: 100,
  /** The smallest regions' StartExecution refill rate, per second (AWS Step Functions quotas). */
  smallestRegionRefillPerSecond: 150,
  /** The smallest regions' StartExecution bucket size. */
  smallestRegionBucket: 800,
} as const;

/**
 * The pause between two starts of one child run, so that `maxConcurrency` child runs together
 * stay at `startsPerSecond`: each run starts at most startsPerSecond / maxConcurrency per second.
 * 0 means unpaced (the local cloud, which has no StartExecution quota).
 */
export function startIntervalMs(startsPerSecond: number, maxConcurrency: number): number {
  if (startsPerSecond <= 0) return 0;
  return Math.ceil((maxConcurrency * 1000) / startsPerSecond);
}

/** Seconds the fan-out of `cases` takes in AWS at the design rate (starts only). */
export const impliedAwsStartSeconds = (cases: number): number => cases / FAN_OUT.startsPerSecond;

/** The daily volume quota of a notifier: listings it may name per UTC day. */
export function dailyListingQuota(policy: Policy, fastLane: boolean): number {
  return fastLane ? policy.noticeVolume.fastLaneListingsPerDay : policy.noticeVolume.listingsPerDay;
}

/** The quota window `now` falls in: its UTC day and when the next one starts. */
export function quotaWindow(now: Date): { day: string; resetsAt: string } {
  const day = now.toISOString().slice(0, 10);
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { day, resetsAt: next.toISOString() };
}

/** The notifier named more listings today than its quota allows (→ 429). */
export class VolumeQuotaExceeded extends Error {
  override name = 'VolumeQuotaExceeded';
  constructor(
    readonly quota: number,
    readonly used: number,
    readonly requested: number,
    readonly resetsAt: string,
  ) {
    super(
      `This notice names ${requested} listings; ${Math.max(0, quota - used)} of your daily quota of ${quota} remain until ${resetsAt}.`,
    );
  }
}

/**
 * The case id of a listing of a bulk notice: from the notice and the listing only (not the row),
 * so a listing named twice (by id in one row and by URL in another, possibly in two batches run
 * at once) is one case, and a batch run again writes the same cases.
 */
export function bulkCaseId(noticeId: string, listingId: string): string {
  return `case-${createHash('sha256').update(`${noticeId}\u0000${listingId}`).digest('hex').slice(0, 20)}`;
}

/** A row of a manifest as the fan-out reads it (the normalised manifest, JSON Lines). */
export type FanOutRow = { row: number } & ({ listingId: string } | { url: string });

/** How far a bulk notice's fan-out is. */
export interface FanOutProgress {
  /** Rows the manifest holds (header excluded). */
  total: number;
  /** Cases whose execution has started. */
  started: number;
  /** Rows that named a listing another row named: folded into that row's case. */
  duplicates: number;
  /** Rows rejected (malformed, unknown id, unresolvable URL). */
  rejected: number;
}

/** Every row is accounted for: started, folded into another row's case, or rejected. */
export const fanOutComplete = (p: FanOutProgress): boolean =>
  p.started + p.duplicates + p.rejected >= p.total;
