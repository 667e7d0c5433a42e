import * as z from 'zod';
import type { CaseStatus } from './case.ts';
import { addDuration } from './duration.ts';
import type { Policy } from './policy.ts';
import { idSchema, type Jurisdiction } from './vocabulary.ts';

/**
 * Appeals (DSA Art 20 internal complaint-handling; platform policy for every jurisdiction):
 * which decision each party may appeal, until when, and what a founded appeal does.
 */

/** What a seller may appeal: the takedown, the strike, or the account measure it brought. */
export const SELLER_APPEAL_GROUNDS = ['takedown', 'strike', 'account_measure'] as const;
/** What a notifier may appeal: a rejection of its notice, or a restore after a counter-notice. */
export const NOTIFIER_APPEAL_GROUNDS = ['rejection', 'restore'] as const;
export const APPEAL_AGAINST = [...SELLER_APPEAL_GROUNDS, ...NOTIFIER_APPEAL_GROUNDS] as const;
export type AppealAgainst = (typeof APPEAL_AGAINST)[number];
export type AppellantRole = 'seller' | 'rights-holder';

export const APPEAL_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** Body of `POST /v1/cases/{caseId}/appeals` (API.md). */
export const appealBodySchema = z
  .strictObject({
    against: z
      .enum(APPEAL_AGAINST)
      .describe(
        'The decision appealed: for the seller takedown | strike | account_measure; for the rights holder rejection | restore',
      ),
    grounds: z
      .string()
      .trim()
      .min(1, 'Say why the decision is wrong')
      .max(10_000)
      .describe('Why the decision is wrong'),
    evidenceIds: z.array(idSchema).max(50).default([]).describe('Your own sealed evidence'),
  })
  .describe('An appeal (internal complaint, DSA Art 20)');
export type AppealBody = z.infer<typeof appealBodySchema>;

/** Body of `POST /v1/appeals/{appealId}/decision` (API.md). */
export const appealDecisionBodySchema = z.strictObject({
  decision: z.enum(['uphold', 'dismiss']),
  reasonCode: z.string().trim().min(1).max(80),
  reasons: z.string().trim().min(1).max(5000).describe('For the parties'),
  note: z.string().trim().min(1).max(5000).optional().describe('Internal, never sent to a party'),
});
export type AppealDecisionBody = z.infer<typeof appealDecisionBodySchema>;

/** The facts of a case an appeal is judged against. */
export interface AppealableCase {
  status: CaseStatus;
  jurisdiction: Jurisdiction;
  takenDownAt?: string;
  closedAt?: string;
  strikeId?: string;
  accountMeasure?: string;
  decision?: { at: string };
}

/** The decision under appeal: when it was taken (the window counts from it). */
export interface AppealableDecision {
  decidedAt: string;
  /** The appeal window's end (at least six months: DSA Art 20(1)). */
  openUntil: string;
}

/** Why an appeal cannot be filed (→ 409). */
export class AppealRefused extends Error {
  override readonly name = 'AppealRefused';
}

/** Statuses in which the first run is over and the listing is down. */
const CLOSED_DOWN: readonly CaseStatus[] = ['upheld', 'upheld_pending_court'];

/**
 * The decision a party appeals, if it may appeal it now.
 * - A seller appeals once the case's run is over and the listing is down (`upheld`,
 *   `upheld_pending_court`); while the case is still open, its counter-notice is the route (it
 *   is re-reviewed by a person, or runs the statutory timer).
 * - A notifier appeals a rejection (`rejected`) or a restore (`restored`).
 * - Within `appealWindow` of the decision.
 *
 * @throws AppealRefused with the reason, for a party or decision that cannot be appealed now.
 */
export function appealableDecision(
  record: AppealableCase,
  appellant: AppellantRole,
  against: AppealAgainst,
  now: Date,
  policy: Policy,
): AppealableDecision {
  const grounds: readonly string[] =
    appellant === 'seller' ? SELLER_APPEAL_GROUNDS : NOTIFIER_APPEAL_GROUNDS;
  if (!grounds.includes(against)) {
    throw new AppealRefused(
      `A ${appellant === 'seller' ? 'seller' : 'rights holder'} may appeal only: ${grounds.join(', ')}`,
    );
  }
  const decidedAt = decisionTime(record, against);
  const openUntil = addDuration(
    new Date(decidedAt),
    policy.profiles[record.jurisdiction].appealWindow,
  ).toISOString();
  if (now.toISOString() > openUntil) {
    throw new AppealRefused(`The appeal window closed at ${openUntil}`);
  }
  return { decidedAt, openUntil };
}

function decisionTime(record: AppealableCase, against: AppealAgainst): string {
  switch (against) {
    case 'takedown':
    case 'strike':
    case 'account_measure': {
      if (!CLOSED_DOWN.includes(record.status) || !record.takenDownAt) {
        throw new AppealRefused(
          record.status === 'awaiting_counter_notice'
            ? 'The case is still open: send a counter-notice, which a person re-examines'
            : 'The listing is not down under this case, or the case is still open',
        );
      }
      if (against === 'strike' && !record.strikeId)
        throw new AppealRefused('The case brought no strike');
      if (against === 'account_measure' && (record.accountMeasure ?? 'none') === 'none')
        throw new AppealRefused('The case brought no measure on the seller account');
      return record.takenDownAt;
    }
    case 'rejection':
      if (record.status !== 'rejected' || !record.closedAt)
        throw new AppealRefused('The case was not rejected');
      return record.closedAt;
    case 'restore':
      if (record.status !== 'restored' || !record.closedAt)
        throw new AppealRefused('The listing was not restored under this case');
      return record.closedAt;
  }
}

/** What a founded appeal does, by what it was against. */
export type AppealRemedy = 'restore' | 'revoke_strike' | 'reopen';

export function remedyOf(against: AppealAgainst): AppealRemedy {
  if (against === 'takedown') return 'restore';
  if (against === 'strike' || against === 'account_measure') return 'revoke_strike';
  return 'reopen';
}

/**
 * The id of a case's n-th follow-up appeal: the case id with a suffix, so the appeal's case is
 * known from the id (`GET /v1/appeals/{appealId}`) without another index.
 */
export const appealIdOf = (caseId: string, n: number) => `${caseId}.a${n}`;

/** The case of an appeal id, or undefined for an id that is not one. */
export function caseIdOfAppeal(appealId: string): string | undefined {
  const match = /^(.+)\.a\d+$/.exec(appealId);
  return match?.[1];
}
