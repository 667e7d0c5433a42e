import * as z from 'zod';
import { clock } from '../adapters/clock.ts';
import { policy } from '../adapters/policy-source.ts';
import { addDuration } from '../domain/duration.ts';
import { loadCase } from './lib/context.ts';
import { listingOf, notifyRightsHolder, notifySeller, partyReasons } from './lib/notify.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';
import { closeUndoingTakedown } from './lib/undo.ts';

const input = taskInput({ step: z.literal('restore') });

/**
 * Restores the listing after a counter-notice: no court action was reported before the statutory
 * deadline (US §512(g)(2)(C), CN Art 43), or a re-review found the counter-notice founded. The
 * strike is revoked (when no other case of its notice still holds it) and the measure lifted.
 */
export async function handler(event: unknown): Promise<{ status: 'restored' }> {
  const { caseId } = parseTaskInput(input, event);
  const record = await loadCase(caseId);
  const reason =
    record.status === 'awaiting_re_review' ? 're_review_founded' : 'no_court_action_reported';
  await closeUndoingTakedown(record, { status: 'restored', event: 'restored', detail: { reason } });
  const reasons =
    reason === 're_review_founded' ? partyReasons(undefined, record, ['restore']) : undefined;
  const facts = {
    caseId,
    listing: listingOf(record),
    jurisdiction: record.jurisdiction,
    ...(reasons ? { reasons } : {}),
  };
  await notifySeller(record, {
    step: 'restore',
    template: 'listing_restored',
    message: { kind: 'seller_case_update', facts: { ...facts, outcome: 'restored' } },
  });
  // The notifier may complain against a restore (DSA Art 20) within the appeal window.
  const complaintUntil = addDuration(
    clock.now(),
    policy.profiles[record.jurisdiction].appealWindow,
  ).toISOString();
  await notifyRightsHolder(record, {
    step: 'restore',
    template: 'listing_restored',
    message: {
      kind: 'case_outcome',
      facts: { ...facts, outcome: 'restored', restoredBecause: reason, complaintUntil },
    },
  });
  return { status: 'restored' };
}
