import { type CaseStatus, CLOSED_WITH_LISTING_DOWN, isTerminal } from './case.ts';
import {
  type EligibilityReasonCode,
  type IpRightRecord,
  noticeEligibilityProblem,
  type RightsHolderStanding,
} from './eligibility.ts';
import type { ValidationIssue } from './errors.ts';
import type { Listing } from './ports/marketplace.ts';
import type { InfringementType, Jurisdiction } from './vocabulary.ts';

/** Why screening rejected a case. */
export type ScreeningReasonCode =
  | EligibilityReasonCode
  | 'listing_not_found'
  | 'listing_not_live'
  | 'notice_incomplete';

/** The result of screening one case. */
export type ScreeningOutcome =
  | { outcome: 'accepted' }
  | { outcome: 'rejected'; reasonCode: ScreeningReasonCode; detail: string }
  /** An open case already covers this listing and IP right: link to it. */
  | { outcome: 'duplicate'; duplicateOf: string };

/** A case of the same listing, to detect duplicates. */
export interface ExistingCase {
  caseId: string;
  ipRightId: string;
  status: CaseStatus;
}

/** Everything screening looks at for one case (one listing of a notice). */
export interface ScreeningInput {
  caseId: string;
  jurisdiction: Jurisdiction;
  infringementType: InfringementType;
  rightsHolder: RightsHolderStanding;
  ipRight: IpRightRecord;
  /** The marketplace's view of the listing, or null when it does not know it. */
  listing: Listing | null;
  /** Other cases for the same listing. */
  casesForListing: readonly ExistingCase[];
  /** Missing statutory elements found by validateNoticeElements (normally none: the API refuses those). */
  noticeElementIssues?: readonly ValidationIssue[];
  now: Date;
}

/**
 * Screens a case automatically (DOMAIN.md, lifecycle step 1), in this order:
 * 1. the rights holder is verified and not suspended; the IP right is the rights holder's,
 *    verified, in force, of the case's jurisdiction and of a kind that fits the type;
 * 2. the listing exists;
 * 3. no open case covers the same listing and IP right, nor a closed one that keeps the listing
 *    down (upheld: a withdrawal or an appeal may still restore it) (→ duplicate). This comes before the
 *    "live" check: a listing already taken down by an open case is a duplicate, not a
 *    rejection, so the rights holder is pointed at the case that acts on it;
 * 4. the listing is live;
 * 5. the notice has every required element.
 */
export function screenCase(input: ScreeningInput): ScreeningOutcome {
  const problem = noticeEligibilityProblem(input);
  if (problem) return { outcome: 'rejected', reasonCode: problem.code, detail: problem.message };

  if (input.listing === null) {
    return {
      outcome: 'rejected',
      reasonCode: 'listing_not_found',
      detail: 'The marketplace does not know this listing',
    };
  }

  const open = input.casesForListing.find(
    (other) =>
      other.caseId !== input.caseId &&
      other.ipRightId === input.ipRight.ipRightId &&
      (!isTerminal(other.status) ||
        (CLOSED_WITH_LISTING_DOWN as readonly CaseStatus[]).includes(other.status)),
  );
  if (open) return { outcome: 'duplicate', duplicateOf: open.caseId };

  if (input.listing.status !== 'active') {
    return {
      outcome: 'rejected',
      reasonCode: 'listing_not_live',
      detail: `The listing is ${input.listing.status}`,
    };
  }

  const issues = input.noticeElementIssues ?? [];
  if (issues.length > 0) {
    return {
      outcome: 'rejected',
      reasonCode: 'notice_incomplete',
      detail: issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    };
  }
  return { outcome: 'accepted' };
}
