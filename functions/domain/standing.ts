import { addDuration, durationSeconds } from './duration.ts';
import type { Policy } from './policy.ts';

/**
 * Notifier standing (DOMAIN.md): accuracy over a rolling window, the fast lane it opens, and the
 * DSA Art 23(2) misuse count. Counters are kept per day (one bucket a day, updated with atomic
 * adds as outcomes happen); the window is the sum of its days' buckets.
 */

/** How a decided listing of a notifier ended, for its accuracy. */
export const NOTIFIER_OUTCOMES = ['upheld', 'rejected', 'restored', 'overturned'] as const;
export type NotifierOutcome = (typeof NOTIFIER_OUTCOMES)[number];

/** One day's counters of a notifier. */
export interface AccuracyBucket {
  /** yyyy-mm-dd (UTC). */
  day: string;
  upheld?: number;
  rejected?: number;
  restored?: number;
  overturned?: number;
  /** Notices rejected as manifestly unfounded (DSA Art 23(2)). */
  unfounded?: number;
}

/** The standing state kept on the notifier (transitions, not counts). */
export interface StandingState {
  /** The fast lane was open at the last evaluation, since when. */
  fastLaneSince?: string;
  /** The lane fell below the bar: shut until then. */
  fastLaneLockedUntil?: string;
}

/** The day (UTC) an instant falls on. */
export const dayOf = (at: Date | string) => new Date(at).toISOString().slice(0, 10);

/** The first day of the window that ends today (`window` whole days, today included). */
export function windowStartDay(now: Date, policy: Policy): string {
  const days = durationSeconds(policy.standing.window) / 86_400;
  return dayOf(new Date(now.getTime() - (days - 1) * 86_400_000));
}

/** The window's counts and the accuracy they give. */
export interface Accuracy {
  accuracy: number | null;
  decided: number;
  upheld: number;
  rejected: number;
  restored: number;
  overturned: number;
  unfounded: number;
}

/**
 * accuracy = upheld ÷ (upheld + rejected + restored after a counter-notice + overturned on
 * appeal), over the buckets given; null when nothing is decided.
 */
export function accuracyOf(buckets: readonly AccuracyBucket[]): Accuracy {
  const total = (field: keyof Omit<AccuracyBucket, 'day'>) =>
    buckets.reduce((sum, bucket) => sum + (bucket[field] ?? 0), 0);
  const counts = {
    upheld: total('upheld'),
    rejected: total('rejected'),
    restored: total('restored'),
    overturned: total('overturned'),
    unfounded: total('unfounded'),
  };
  const decided = counts.upheld + counts.rejected + counts.restored + counts.overturned;
  return { accuracy: decided === 0 ? null : counts.upheld / decided, decided, ...counts };
}

/** Whether the notifier meets the fast lane's bar: enough decided listings, accurate enough. */
export function meetsFastLaneBar(accuracy: Accuracy, policy: Policy): boolean {
  return (
    accuracy.decided >= policy.standing.minDecided &&
    accuracy.accuracy !== null &&
    accuracy.accuracy >= policy.standing.fastLane.accuracy
  );
}

/** The fast lane now, and the transition to record. */
export interface FastLane {
  open: boolean;
  lockedUntil?: string;
  /** `opened`: record `fastLaneSince`; `lost`: record the lockout. */
  transition?: 'opened' | 'lost';
}

/**
 * The fast lane (the seed operator's good-faith programme, Amazon's Project Zero): open while the
 * notifier meets the bar, unless locked out. Falling below the bar while the lane is open shuts it
 * for the lockout period, even if the notifier climbs back at once. Never DSA trusted-flagger
 * status, which only a Digital Services Coordinator awards (Art 22).
 */
export function fastLane(
  accuracy: Accuracy,
  state: StandingState,
  now: Date,
  policy: Policy,
): FastLane {
  const locked =
    state.fastLaneLockedUntil !== undefined && now.toISOString() < state.fastLaneLockedUntil;
  const meets = meetsFastLaneBar(accuracy, policy);
  if (state.fastLaneSince && !meets) {
    return {
      open: false,
      lockedUntil: addDuration(now, policy.standing.fastLane.lockout).toISOString(),
      transition: 'lost',
    };
  }
  if (locked) return { open: false, lockedUntil: state.fastLaneLockedUntil! };
  if (meets && !state.fastLaneSince) return { open: true, transition: 'opened' };
  return { open: meets };
}

/**
 * Whether a notice's case is approved without a human (DOMAIN.md, Notifier standing; issue 15):
 * only when the policy turns it on (off by default), for a notifier in the fast lane, for a
 * counterfeit notice backed by a test-buy report. Recorded and disclosed as an automated decision
 * (DSA Art 17(3)(c), the Transparency Database's `automated_decision`).
 */
export function approvedAutomatically(input: {
  policy: Policy;
  fastLaneOpen: boolean;
  infringementType: string;
  testBuy: boolean;
}): boolean {
  return (
    input.policy.standing.fastLane.automatedApproval.enabled &&
    input.fastLaneOpen &&
    input.infringementType === 'counterfeit' &&
    input.testBuy
  );
}

/**
 * Whether an automated approval is sampled into the human audit (the `proactive` queue): a share
 * `rate` of cases, chosen by a hash of the case id so that a retried step chooses the same way.
 */
export function sampledForAudit(caseId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  // FNV-1a, 32 bits: spreads ids evenly enough for a sampling share.
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) {
    hash ^= caseId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000 < rate;
}
