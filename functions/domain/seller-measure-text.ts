import type { LadderMeasure, LadderStep } from './strikes.ts';

/**
 * The words of the statement of reasons about the seller-account measure (DSA Art 17(3)(a): the
 * measure, its scope and its duration), kept apart from statement-of-reasons.ts so the ladder's
 * rules and their wording change together.
 */

/** What the account part of a statement needs beyond the measure. */
export interface SellerMeasureContext {
  /** When the strike behind the measure expires (ISO instant). */
  strikeExpiresAt?: string;
  /** A confirmed suspension: its end and the reviewer's reasons (DSA Art 23(3)). */
  suspension?: { until: string; reasons?: string };
  /** A suspension review is open: the seller is held at `restricted` meanwhile. */
  suspensionReviewOpen?: boolean;
  /** A reviewer held the seller at `restricted` instead of suspending it, with reasons. */
  heldReasons?: string;
}

const DESCRIPTIONS: Record<LadderMeasure, string> = {
  none: 'No measure on your seller account.',
  warning:
    'A warning on your seller account: you must acknowledge an IP-education notice before listing again.',
  restricted:
    'Your seller account is restricted as a repeat offender: new listings are held for review before they go live.',
  suspended:
    'Your seller account is suspended: none of your listings is shown on the marketplace while the suspension lasts.',
  terminated:
    'Your seller account is terminated under the repeat-infringer policy: none of your listings is shown on the marketplace.',
};

/** The next step of the ladder, as the DSA Art 23(1) warning names it. */
export const NEXT_STEP_TEXT: Record<LadderStep['measure'], string> = {
  warning: 'a warning on your seller account',
  restricted:
    'a restriction of your seller account (new listings held for review before they go live)',
  suspended: 'the suspension of your seller account, decided case by case by a reviewer',
  terminated:
    'the termination of your seller account, which the expiry of strikes does not lift (17 U.S.C. §512(i))',
};

/**
 * The account measure's description and duration: how long it lasts and what lifts it. A
 * suspension names its end; a termination says that expiry never lifts it; a restriction that
 * awaits a suspension review says so. Reviewer reasons are quoted as written for the parties.
 */
export function sellerMeasureText(
  measure: LadderMeasure,
  context: SellerMeasureContext,
): { description: string; duration: string; reviewerReasons?: string } {
  const expiry = context.strikeExpiresAt
    ? ` (this strike expires at ${context.strikeExpiresAt})`
    : '';
  const byMeasure: Record<LadderMeasure, () => string> = {
    none: () => 'Not applicable.',
    warning: () => `Until the strikes behind it are revoked or expire${expiry}.`,
    restricted: () =>
      `Until the strikes behind it are revoked or expire${expiry}.${
        context.suspensionReviewOpen
          ? ' Your account reached the suspension threshold: a reviewer decides, case by case, whether to suspend it (DSA Art 23(3)).'
          : ''
      }`,
    suspended: () =>
      context.suspension
        ? `Until ${context.suspension.until}, a period set by the platform's policy (DSA Art 23(1)); it ends earlier if the strikes behind it are revoked or expire.`
        : 'For the period the platform’s policy sets (DSA Art 23(1)).',
    terminated: () =>
      'Permanent: the expiry of strikes does not lift a termination (17 U.S.C. §512(i)). Only the revocation of the strikes behind it (a founded counter-notice, complaint or appeal, or a withdrawal) lifts it.',
  };
  const reasons = measure === 'suspended' ? context.suspension?.reasons : context.heldReasons;
  return {
    description: DESCRIPTIONS[measure],
    duration: byMeasure[measure](),
    ...(reasons ? { reviewerReasons: reasons } : {}),
  };
}

/** What a suspension review weighs (DSA Art 23(3)): numbers, share, gravity. Intent is the reviewer's. */
export interface SuspensionFacts {
  /** Active strikes, and those for conduct after the warning. */
  activeStrikes: number;
  countingStrikes: number;
  /** Listings (cases) behind the counting strikes: the items found manifestly illegal. */
  countingItems: number;
  /** Counting strikes that weigh more (a counterfeit confirmed by a test buy). */
  aggravatedStrikes: number;
  /** The seller's listings on the marketplace: live now, and all (not deleted). */
  liveListings: number;
  totalListings: number;
  /** countingItems ÷ (totalListings, or countingItems when larger), 0..1. */
  share: number;
}

/** The facts as the statement of reasons states them. */
export function suspensionFactsText(facts: SuspensionFacts): string {
  const percent = Math.round(facts.share * 1000) / 10;
  return `${facts.countingStrikes} of ${facts.activeStrikes} active strikes are for conduct after the warning, covering ${facts.countingItems} listing(s) found infringing (${percent}% of the ${facts.totalListings} listing(s) on your account; ${facts.liveListings} live when reviewed). ${facts.aggravatedStrikes} of them concern counterfeits confirmed by a test buy.`;
}
