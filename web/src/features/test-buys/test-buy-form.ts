import type { CaseFile, TestBuyBody, TestBuyOutcome } from '../../api/contract.ts';

/** The record-a-test-buy form as typed, before it becomes a request. */
export interface TestBuyDraft {
  orderId: string;
  /** YYYY-MM-DD, the reviewer's calendar day. */
  orderDate: string;
  /** HH:mm, the reviewer's local time. */
  orderTime: string;
  outcome: TestBuyOutcome | '';
  notes: string;
  takedown: boolean;
}

export const emptyTestBuyDraft = (): TestBuyDraft => ({
  orderId: '',
  orderDate: '',
  orderTime: '',
  outcome: '',
  notes: '',
  takedown: false,
});

/** Statuses in which a case is over with its listing up: only a new case can take it down. */
const CLOSED_WITH_LISTING_UP = new Set(['rejected', 'restored', 'withdrawn', 'abandoned']);

/**
 * Whether a test buy recorded from this case can back an own-initiative takedown of its listing,
 * and if not why: the listing must still be up; a case that can still take it down is decided
 * with the test buy attached rather than doubled by a second case; and a counterfeit infringes a
 * verified trademark (the API's rule for `takedown: true`).
 */
export type TakedownOption =
  | 'available'
  | 'listing_down'
  | 'case_open'
  | 'no_trademark'
  | 'no_seller';

export function takedownOption(file: CaseFile): TakedownOption {
  if (!file.sellerId) return 'no_seller';
  if (file.listing.status !== 'active') return 'listing_down';
  if (!CLOSED_WITH_LISTING_UP.has(file.status)) return 'case_open';
  if (file.ipRight?.kind !== 'trademark' || file.ipRight.status !== 'verified')
    return 'no_trademark';
  return 'available';
}

/** The fields the reviewer still has to fill, by the form's field names. */
export function missingFields(
  draft: TestBuyDraft,
  reportEvidenceId: string | undefined,
): (keyof TestBuyDraft | 'report')[] {
  const missing: (keyof TestBuyDraft | 'report')[] = [];
  if (!reportEvidenceId) missing.push('report');
  if (!draft.orderId.trim()) missing.push('orderId');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.orderDate)) missing.push('orderDate');
  if (!/^\d{2}:\d{2}$/.test(draft.orderTime)) missing.push('orderTime');
  if (!draft.outcome) missing.push('outcome');
  return missing;
}

/**
 * The request body: attached to the case, or, for a confirmed counterfeit the reviewer chose to
 * act on, a takedown of the case's listing in an own-initiative case of its own (the API refuses
 * a takedown attached to an existing case). The order's date and time are the reviewer's local
 * time, sent as an instant.
 */
export function testBuyBody(
  draft: TestBuyDraft,
  file: CaseFile,
  reportEvidenceId: string,
): TestBuyBody {
  const outcome = draft.outcome as TestBuyOutcome;
  const takedown =
    draft.takedown && outcome === 'counterfeit_confirmed' && takedownOption(file) === 'available';
  const verifiedRight = file.ipRight?.status === 'verified' ? file.ipRight.ipRightId : undefined;
  const notes = draft.notes.trim();
  return {
    sellerId: file.sellerId ?? '',
    listingId: file.listingId,
    ...(takedown ? { takedown: true } : { caseId: file.caseId }),
    orderId: draft.orderId.trim(),
    orderedAt: new Date(`${draft.orderDate}T${draft.orderTime}`).toISOString(),
    outcome,
    reportEvidenceId,
    ...(verifiedRight ? { ipRightId: verifiedRight } : {}),
    ...(notes ? { notes } : {}),
  };
}
