import { addDuration } from './duration.ts';
import type { Policy } from './policy.ts';
import type { SellerMeasure } from './ports/marketplace.ts';

/**
 * A step of the repeat-infringer ladder (the API's `measure`). `terminated` is the top tier
 * (17 U.S.C. §512(i)): strike expiry never lifts it.
 */
export const LADDER_MEASURES = [
  'none',
  'warning',
  'restricted',
  'suspended',
  'terminated',
] as const;
export type LadderMeasure = (typeof LADDER_MEASURES)[number];

/**
 * One strike against a seller. All cases of one notice against one seller share one strike
 * (DOMAIN.md, "Strikes group by notice").
 */
export interface StrikeRecord {
  strikeId: string;
  noticeId: string;
  /** Every case attached to the strike. */
  caseIds: string[];
  /** Attached cases since restored or withdrawn. Absent means none. */
  releasedCaseIds?: string[];
  /** ISO instant. */
  createdAt: string;
  /** ISO instant: createdAt + the policy's strike expiry. */
  expiresAt: string;
  /** ISO instant, once every attached case is released. */
  revokedAt?: string;
  /** How much the strike counts on the ladder (1, or more for a test-buy counterfeit). */
  weight: number;
  /**
   * When the (latest) listing of the strike was posted on the marketplace; with
   * `noticeReceivedAt`, decides whether the strike is conduct after a warning (ladder.ts).
   * Absent on strikes recorded before it was kept: `createdAt` stands in.
   */
  listingCreatedAt?: string;
  /** When the notice behind the strike was filed. Absent: `createdAt` stands in. */
  noticeReceivedAt?: string;
  /** When the seller notice for this strike carried the DSA Art 23(1) warning. */
  warningSentAt?: string;
}

/** Whether a strike counts at `now`: not revoked and not expired. */
export function isStrikeActive(strike: StrikeRecord, now: Date): boolean {
  if (strike.revokedAt !== undefined && new Date(strike.revokedAt) <= now) return false;
  return new Date(strike.expiresAt) > now;
}

/** The strikes that count at `now`. */
export function activeStrikes(strikes: readonly StrikeRecord[], now: Date): StrikeRecord[] {
  return strikes.filter((strike) => isStrikeActive(strike, now));
}

/** The summed weight of the active strikes. */
export function activeWeight(strikes: readonly StrikeRecord[], now: Date): number {
  return activeStrikes(strikes, now).reduce((sum, strike) => sum + strike.weight, 0);
}

/** The ladder step for an active strike weight (1 warning, 2 restricted, 3+ suspended by default). */
export function measureFor(weight: number, policy: Policy): LadderMeasure {
  const { ladder } = policy.strikes;
  if (weight >= ladder.suspended) return 'suspended';
  if (weight >= ladder.restricted) return 'restricted';
  if (weight >= ladder.warning) return 'warning';
  return 'none';
}

/** The marketplace's name for a ladder step (its account measure). */
export function toMarketplaceMeasure(measure: LadderMeasure): SellerMeasure {
  return measure === 'warning' ? 'warned' : measure;
}

/** What recording a strike for a taken-down case did. */
export type RecordStrikeResult =
  /** The case is already on an active strike (a retried task): write nothing. */
  | { kind: 'already_recorded'; strike: StrikeRecord }
  /** The notice already has an active strike: the case joins it (write the updated strike). */
  | { kind: 'attached'; strike: StrikeRecord }
  /** A new strike (write it). */
  | { kind: 'created'; strike: StrikeRecord };

/**
 * Records the strike of a taken-down case against the seller's existing strikes. The first
 * case of a notice creates the strike; later cases of the same notice attach to it, so one
 * notice naming three listings is one strike. A notice whose strike was revoked or expired
 * gets a new one. The new strike's id is derived from notice and case, so a retry that
 * lost its first result still writes the same item.
 *
 * @param input.testBuyConfirmedCounterfeit a counterfeit confirmed by a test buy weighs
 *   `policy.strikes.testBuyCounterfeitWeight`.
 */
export function recordStrike(
  existing: readonly StrikeRecord[],
  input: {
    noticeId: string;
    caseId: string;
    now: Date;
    policy: Policy;
    testBuyConfirmedCounterfeit?: boolean;
    /** An own-initiative case's strike weighs `policy.ownInitiative.strikeWeight`. */
    ownInitiative?: boolean;
    /** When the case's listing was posted (the marketplace's `createdAt`). */
    listingCreatedAt?: string;
    /** When the notice was filed. */
    noticeReceivedAt?: string;
  },
): RecordStrikeResult {
  const { noticeId, caseId, now, policy } = input;
  const listingCreatedAt = input.listingCreatedAt
    ? { listingCreatedAt: input.listingCreatedAt }
    : {};
  const active = activeStrikes(existing, now);
  const weight = input.testBuyConfirmedCounterfeit
    ? policy.strikes.testBuyCounterfeitWeight
    : input.ownInitiative
      ? policy.ownInitiative.strikeWeight
      : 1;

  const recorded = active.find(
    (strike) => strike.caseIds.includes(caseId) && !(strike.releasedCaseIds ?? []).includes(caseId),
  );
  if (recorded) return { kind: 'already_recorded', strike: recorded };

  const ofNotice = active.find((strike) => strike.noticeId === noticeId);
  if (ofNotice) {
    return {
      kind: 'attached',
      // A case re-opened after its release (a founded notifier appeal) holds the strike again.
      strike: {
        ...ofNotice,
        caseIds: ofNotice.caseIds.includes(caseId)
          ? ofNotice.caseIds
          : [...ofNotice.caseIds, caseId],
        releasedCaseIds: (ofNotice.releasedCaseIds ?? []).filter((id) => id !== caseId),
        weight: Math.max(ofNotice.weight, weight),
        // The latest listing of the notice decides whether it is conduct after a warning.
        ...(input.listingCreatedAt &&
        (!ofNotice.listingCreatedAt || input.listingCreatedAt > ofNotice.listingCreatedAt)
          ? listingCreatedAt
          : {}),
      },
    };
  }
  return {
    kind: 'created',
    strike: {
      strikeId: `strike-${noticeId}-${caseId}`,
      noticeId,
      caseIds: [caseId],
      releasedCaseIds: [],
      createdAt: now.toISOString(),
      expiresAt: addDuration(now, policy.strikes.expiry).toISOString(),
      weight,
      ...listingCreatedAt,
      ...(input.noticeReceivedAt ? { noticeReceivedAt: input.noticeReceivedAt } : {}),
    },
  };
}

/** What releasing a case from its strike did. */
export type RevokeCaseOutcome =
  /** The case is released; other attached cases still hold the strike. */
  | 'case_released'
  /** The last attached case is released: the strike is revoked. */
  | 'strike_revoked'
  /** Nothing changed: the case was released before, or the strike is already revoked. */
  | 'unchanged'
  /** Nothing changed: the case is not on this strike. */
  | 'not_attached';

/**
 * Releases a case from its strike when the case is restored or withdrawn (by counter-notice,
 * withdrawal or a won appeal). The strike is revoked only once every attached case is released.
 */
export function revokeCase(
  strike: StrikeRecord,
  caseId: string,
  now: Date,
): { strike: StrikeRecord; outcome: RevokeCaseOutcome } {
  if (!strike.caseIds.includes(caseId)) return { strike, outcome: 'not_attached' };
  const released = strike.releasedCaseIds ?? [];
  if (strike.revokedAt !== undefined || released.includes(caseId)) {
    return { strike, outcome: 'unchanged' };
  }
  const releasedCaseIds = [...released, caseId];
  const allReleased = strike.caseIds.every((id) => releasedCaseIds.includes(id));
  return allReleased
    ? {
        strike: { ...strike, releasedCaseIds, revokedAt: now.toISOString() },
        outcome: 'strike_revoked',
      }
    : { strike: { ...strike, releasedCaseIds }, outcome: 'case_released' };
}

const RANK: Record<LadderMeasure, number> = {
  none: 0,
  warning: 1,
  restricted: 2,
  suspended: 3,
  terminated: 4,
};

/** Whether `a` is a harsher ladder step than `b`. */
export const harsher = (a: LadderMeasure, b: LadderMeasure) => RANK[a] > RANK[b];

/** The next, harsher step of the ladder above a measure, and how many more strikes reach it. */
export interface LadderStep {
  measure: Exclude<LadderMeasure, 'none'>;
  /** Counting strike weight still to add before the ladder reaches it (at least 1). */
  strikesAway: number;
}

/**
 * What the ladder does next to a seller at `current` with `activeWeight`: the first step above
 * `current`, so a seller warned once is told it faces a restriction, not a suspension (the
 * statement of reasons must state the next step truthfully). Undefined past the top step.
 */
export function nextLadderStep(
  current: LadderMeasure,
  activeWeight: number,
  policy: Policy,
): LadderStep | undefined {
  const steps = ['warning', 'restricted', 'suspended', 'terminated'] as const;
  const next = steps.find((step) => RANK[step] > RANK[current]);
  if (!next) return undefined;
  if (next === 'terminated') {
    // After a suspension, the next counting strikes terminate (17 U.S.C. §512(i)).
    return { measure: next, strikesAway: policy.strikes.termination.strikesAfterSuspension };
  }
  return {
    measure: next,
    strikesAway: Math.max(1, policy.strikes.ladder[next] - activeWeight),
  };
}
