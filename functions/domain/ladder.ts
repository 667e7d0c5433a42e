import { durationSeconds } from './duration.ts';
import type { Policy } from './policy.ts';
import {
  activeStrikes,
  harsher,
  type LadderMeasure,
  measureFor,
  revokeCase,
  type StrikeRecord,
} from './strikes.ts';

/**
 * The repeat-infringer ladder as the law allows it (DOMAIN.md, The strike ladder):
 * - only conduct after a warning takes a seller past the warning step (DSA Art 23(1));
 * - reaching the suspension threshold opens a reviewer's case-by-case decision (Art 23(3));
 * - a confirmed suspension lasts a policy period, then lifts;
 * - counting strikes after a suspension terminate the seller, and expiry never lifts that
 *   (17 U.S.C. §512(i)); only the revocation of the strikes behind it does.
 */

/** What the ladder needs to know of a seller besides its strikes. */
export interface LadderState {
  /** When a warning was last sent (the seller record's field; used for strikes without their own). */
  warnedAt?: string;
  /** The latest suspension a reviewer confirmed. */
  suspension?: { startedAt: string; until: string };
  /** When a reviewer last decided a suspension review (suspend or hold at restricted). */
  lastSuspensionDecisionAt?: string;
  /** The open suspension review, if any. */
  suspensionReview?: { taskId: string };
}

/** The measure to apply now, and why. */
export interface MeasureDecision {
  measure: LadderMeasure;
  /** What the ladder alone says for the counting weight (before reviews and termination). */
  ladderMeasure: LadderMeasure;
  change: 'escalate' | 'lift' | 'unchanged';
  /**
   * Why the measure is below the ladder's: no warning preceded the conduct, or the suspension
   * awaits (or was refused by) a reviewer.
   */
  heldBack?: 'no_prior_warning' | 'suspension_review';
  /**
   * The seller notice for this measure must carry the DSA Art 23(1) warning that further
   * infringements lead to the next step; once sent, record its time on the strike.
   */
  carriesWarning: boolean;
  /** The active strikes that count toward escalation past the warning step. */
  countingStrikeIds: string[];
  /** The weight the ladder reads: the warning step, plus conduct after the warning. */
  escalationWeight: number;
  /** Open a suspension review now (the threshold is reached and no review is open or decided). */
  openSuspensionReview: boolean;
  /** An open suspension review no longer applies (revocation or expiry): close it. */
  closeSuspensionReview: boolean;
}

/** When the warning that conduct is measured against was sent, if there is one in force. */
export function warningInForce(
  active: readonly StrikeRecord[],
  seller: Pick<LadderState, 'warnedAt'>,
): string | undefined {
  const sent = active
    .map((strike) => strike.warningSentAt)
    .filter((at): at is string => at !== undefined)
    .sort();
  if (sent[0]) return sent[0];
  // Strikes recorded before warnings were kept per strike: the seller's warning, if a strike
  // still active predates it.
  const { warnedAt } = seller;
  return warnedAt && active.some((strike) => strike.createdAt <= warnedAt) ? warnedAt : undefined;
}

/**
 * Whether a strike is conduct after the warning sent at `warningAt` (DSA Art 23(1)): its listing
 * was created after the warning, or its notice arrived more than the clean-up grace after it (a
 * seller needs time to clean up listings it posted before it was warned).
 */
export function countsTowardEscalation(
  strike: StrikeRecord,
  warningAt: string | undefined,
  policy: Policy,
): boolean {
  if (warningAt === undefined) return false;
  const warned = Date.parse(warningAt);
  const listingCreated = Date.parse(strike.listingCreatedAt ?? strike.createdAt);
  const noticeReceived = Date.parse(strike.noticeReceivedAt ?? strike.createdAt);
  const graceMs = durationSeconds(policy.strikes.cleanUpGrace) * 1000;
  return listingCreated > warned || noticeReceived > warned + graceMs;
}

const sum = (strikes: readonly StrikeRecord[]) =>
  strikes.reduce((total, strike) => total + strike.weight, 0);

/**
 * The counting strikes after the latest confirmed suspension: not revoked, expired or not (an
 * expiry never lifts a termination), and conduct after the suspension was imposed.
 */
export function strikesAfterSuspension(
  strikes: readonly StrikeRecord[],
  seller: Pick<LadderState, 'suspension'>,
  now: Date,
  policy: Policy,
): StrikeRecord[] {
  const suspension = seller.suspension;
  if (!suspension) return [];
  return strikes.filter(
    (strike) =>
      !(strike.revokedAt !== undefined && new Date(strike.revokedAt) <= now) &&
      strike.createdAt > suspension.startedAt &&
      countsTowardEscalation(strike, suspension.startedAt, policy),
  );
}

/**
 * The seller's measure after a strike is recorded, revoked or expires, a suspension review is
 * decided, or a suspension ends.
 *
 * 1. The ladder reads the warning step plus the conduct after the warning: strikes before it
 *    count up to the warning threshold only, so old notices arriving at once cannot take a seller
 *    past the warning (DSA Art 23(1), "after having issued a prior warning").
 * 2. At the suspension threshold the seller is held at `restricted` and a suspension review opens
 *    (Art 23(3): case by case). A confirmed suspension applies until its end, or until revocations
 *    or expiries drop the ladder below the threshold. A held review reopens only on new conduct.
 * 3. Counting strikes after a confirmed suspension terminate the seller (17 U.S.C. §512(i)).
 *    Expiry never lifts a termination; revoking the strikes behind it does.
 */
export function nextMeasure(
  current: LadderMeasure,
  strikes: readonly StrikeRecord[],
  now: Date,
  seller: LadderState,
  policy: Policy,
): MeasureDecision {
  const active = activeStrikes(strikes, now);
  const warningAt = warningInForce(active, seller);
  const counting = active.filter((strike) => countsTowardEscalation(strike, warningAt, policy));
  const before = active.filter((strike) => !counting.includes(strike));
  const escalationWeight =
    Math.min(sum(before), policy.strikes.ladder.warning) + (warningAt ? sum(counting) : 0);
  const ladderMeasure = measureFor(escalationWeight, policy);

  let measure: LadderMeasure = ladderMeasure;
  let heldBack: MeasureDecision['heldBack'];
  let openSuspensionReview = false;
  const terminating = strikesAfterSuspension(strikes, seller, now, policy);
  if (sum(terminating) >= policy.strikes.termination.strikesAfterSuspension) {
    measure = 'terminated';
  } else if (ladderMeasure === 'suspended') {
    const suspendedNow =
      seller.suspension !== undefined &&
      seller.suspension.startedAt <= now.toISOString() &&
      now.toISOString() < seller.suspension.until;
    if (!suspendedNow) {
      measure = 'restricted';
      heldBack = 'suspension_review';
      const decidedAt = seller.lastSuspensionDecisionAt;
      const newConduct =
        decidedAt === undefined || counting.some((strike) => strike.createdAt > decidedAt);
      openSuspensionReview = !seller.suspensionReview && newConduct;
    }
  } else if (harsher(measureFor(sum(active), policy), ladderMeasure)) {
    // Strikes for conduct before the warning: they cannot take the seller past it.
    heldBack = 'no_prior_warning';
  }
  const change = harsher(measure, current)
    ? 'escalate'
    : harsher(current, measure)
      ? 'lift'
      : 'unchanged';
  return {
    measure,
    ladderMeasure,
    change,
    ...(heldBack ? { heldBack } : {}),
    carriesWarning: measure === 'warning' || measure === 'restricted',
    countingStrikeIds: counting.map((strike) => strike.strikeId),
    escalationWeight,
    openSuspensionReview,
    closeSuspensionReview:
      seller.suspensionReview !== undefined &&
      (ladderMeasure !== 'suspended' || measure === 'terminated'),
  };
}

/**
 * Releases a case from its strike (a restore, a withdrawal, or a won appeal) and recomputes the
 * measure: the strike is revoked once every case attached to it is released, and a revocation
 * that drops the seller below a threshold lifts that measure (a termination too, when the strikes
 * behind it are revoked). Undefined when nothing changes (the case was released before).
 */
export function releaseCaseFromStrike(input: {
  strikes: readonly StrikeRecord[];
  strikeId: string;
  caseId: string;
  seller: LadderState & { measure: LadderMeasure };
  now: Date;
  policy: Policy;
}):
  | { strike: StrikeRecord; outcome: 'case_released' | 'strike_revoked'; decision: MeasureDecision }
  | undefined {
  const strike = input.strikes.find((s) => s.strikeId === input.strikeId);
  if (!strike) return undefined;
  const released = revokeCase(strike, input.caseId, input.now);
  if (released.outcome !== 'case_released' && released.outcome !== 'strike_revoked')
    return undefined;
  const after = input.strikes.map((s) => (s.strikeId === strike.strikeId ? released.strike : s));
  return {
    strike: released.strike,
    outcome: released.outcome,
    decision: nextMeasure(input.seller.measure, after, input.now, input.seller, input.policy),
  };
}
