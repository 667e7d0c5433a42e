/**
 * How long a party's personal data is kept (GDPR Arts 5(1)(e), 17; PIPL Arts 19, 47), as rules over
 * the party's cases. The timeline refers to parties by id and is never rewritten; what is erased
 * (pseudonymised) is the contact data in the party's own items, and the evidence they uploaded.
 *
 * A case stops needing its parties' data once all of these hold:
 * 1. it is closed (a terminal status);
 * 2. its appeal window has passed: the case's closing (or decision) time + the profile's
 *    `appealWindow` (DSA Art 20(1): at least six months);
 * 3. it is not under legal hold: a reported court action holds the case until an admin releases it;
 * 4. if its takedown was reversed (`restored`), the limitation period of a claim for a wrongful
 *    notice has passed: E-Commerce Law Art 42(3) makes the notifier liable, and Civil Code Art 188
 *    gives three years (policy: `wrongfulNoticeClaimYears`, calendar years from the reversal).
 */
import * as z from 'zod';
import { type CaseStatus, isTerminal, type TimelineEvent, type TimelineEventType } from './case.ts';
import { addDuration, durationSchema } from './duration.ts';
import type { Jurisdiction } from './vocabulary.ts';

/** The retention policy, as data (README, "Personal data"). */
export const retentionPolicySchema = z.strictObject({
  wrongfulNoticeClaimYears: z
    .number()
    .int()
    .min(3)
    .describe(
      'Calendar years kept after a takedown is reversed: the limitation period of a wrongful-notice claim (CN E-Commerce Law Art 42, Civil Code Art 188: 3 years)',
    ),
  recheck: durationSchema.describe(
    'When a case is still needed with no known end (open, or held), the job looks again after this long',
  ),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  wrongfulNoticeClaimYears: 3,
  recheck: 'P30D',
};

/** Why a case still needs its parties' data. */
export type KeptReason =
  | 'case_open'
  | 'appeal_window'
  | 'legal_hold'
  | 'wrongful_notice_claim'
  | 'account_active';

/** What the retention rule reads of a case. */
export interface RetainedCase {
  caseId: string;
  status: CaseStatus;
  jurisdiction: Jurisdiction;
  closedAt?: string;
  decidedAt?: string;
  updatedAt: string;
}

/** A case's verdict: its data may go, or it is kept for a reason (until a time, if one is known). */
export type CaseRetention =
  | { caseId: string; kept: false }
  | { caseId: string; kept: true; reason: KeptReason; until?: string };

/** Timeline events that set and release a legal hold. */
export const LEGAL_HOLD_SET: TimelineEventType = 'court_action_reported';
export const LEGAL_HOLD_RELEASED: TimelineEventType = 'legal_hold_released';

/** Whether the timeline leaves the case under legal hold: a court action not released since. */
export function underLegalHold(timeline: readonly Pick<TimelineEvent, 'type' | 'at'>[]): boolean {
  let held = false;
  for (const event of [...timeline].sort((a, b) => a.at.localeCompare(b.at))) {
    if (event.type === LEGAL_HOLD_SET) held = true;
    else if (event.type === LEGAL_HOLD_RELEASED) held = false;
  }
  return held;
}

/** The same instant `years` calendar years later (29 February becomes 1 March). */
function addYears(from: Date, years: number): Date {
  const to = new Date(from);
  to.setUTCFullYear(to.getUTCFullYear() + years);
  return to;
}

/** Whether one case still needs its parties' data at `now`, and why. */
export function caseRetention(input: {
  record: RetainedCase;
  legalHold: boolean;
  appealWindow: string;
  policy: RetentionPolicy;
  now: Date;
}): CaseRetention {
  const { record, now } = input;
  const caseId = record.caseId;
  if (!isTerminal(record.status)) return { caseId, kept: true, reason: 'case_open' };
  if (input.legalHold) return { caseId, kept: true, reason: 'legal_hold' };
  const closed = new Date(record.closedAt ?? record.decidedAt ?? record.updatedAt);
  const appealsEnd = addDuration(closed, input.appealWindow);
  const claimsEnd =
    record.status === 'restored'
      ? addYears(closed, input.policy.wrongfulNoticeClaimYears)
      : undefined;
  if (claimsEnd && claimsEnd > now && claimsEnd >= appealsEnd)
    return { caseId, kept: true, reason: 'wrongful_notice_claim', until: claimsEnd.toISOString() };
  if (appealsEnd > now)
    return { caseId, kept: true, reason: 'appeal_window', until: appealsEnd.toISOString() };
  return { caseId, kept: false };
}

/**
 * A party's verdict over all of its cases: its data may go only when no case needs it and its
 * account is not active. `until` is the latest known end, or absent when none is known (a case open
 * or held, an active account).
 */
export function partyRetention(
  cases: readonly CaseRetention[],
  { accountActive = false }: { accountActive?: boolean } = {},
): {
  erasable: boolean;
  kept: { caseId?: string; reason: KeptReason; until?: string }[];
  until?: string;
} {
  const kept: { caseId?: string; reason: KeptReason; until?: string }[] = cases.filter(
    (c): c is Extract<CaseRetention, { kept: true }> => c.kept,
  );
  // A rights holder with a registered IP right is a live account: its profile is what a notice's
  // statutory elements are checked against, so it stays while the account does.
  if (accountActive) kept.push({ reason: 'account_active' });
  if (kept.length === 0) return { erasable: true, kept };
  const unknownEnd = kept.some((c) => !c.until);
  const until = unknownEnd
    ? undefined
    : kept
        .map((c) => c.until!)
        .sort()
        .at(-1);
  return { erasable: false, kept, ...(until ? { until } : {}) };
}

/**
 * Whether one piece of evidence may be deleted with its owner's data: never while it proves an IP
 * right that is still registered (verified and not expired), nor while a case that cites it needs it.
 */
export function evidenceRetention(input: {
  evidenceId: string;
  provesRegisteredRight: boolean;
  citedByKeptCase: boolean;
}):
  | { deletable: true }
  | { deletable: false; reason: 'proves_registered_right' | 'cited_by_kept_case' } {
  if (input.provesRegisteredRight) return { deletable: false, reason: 'proves_registered_right' };
  if (input.citedByKeptCase) return { deletable: false, reason: 'cited_by_kept_case' };
  return { deletable: true };
}
