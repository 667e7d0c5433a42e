import * as z from 'zod';
import { loadCase } from './lib/context.ts';
import { listingOf, notifyRightsHolder, notifySeller } from './lib/notify.ts';
import { tellRestored } from './lib/restored.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';
import { closeUndoingTakedown } from './lib/undo.ts';

const input = taskInput({ step: z.literal('withdraw') });

/**
 * Closes a case whose takedown is undone before its time: the listing is restored if it was taken
 * down, the strike revoked. A rights holder's withdrawal ends the case `withdrawn`; a reviewer's
 * audit that reversed an automated decision ends it `restored` (the same route through the
 * workflow: both are recorded on the case, and every step honours them).
 */
export async function handler(event: unknown): Promise<{ status: 'withdrawn' | 'restored' }> {
  const { caseId } = parseTaskInput(input, event);
  const record = await loadCase(caseId);
  if (record.auditReversal) return reverseOnAudit(record);
  await closeUndoingTakedown(record, {
    status: 'withdrawn',
    event: 'withdrawn',
    detail: { by: 'rights-holder' },
  });
  const facts = { caseId, listing: listingOf(record), jurisdiction: record.jurisdiction };
  await notifyRightsHolder(record, {
    step: 'withdraw',
    template: 'case_withdrawn',
    message: {
      kind: 'case_outcome',
      facts: { ...facts, outcome: 'withdrawn', listingRestored: Boolean(record.takenDownAt) },
    },
  });
  if (record.takenDownAt) {
    await notifySeller(record, {
      step: 'withdraw',
      template: 'case_withdrawn',
      message: { kind: 'seller_case_update', facts: { ...facts, outcome: 'withdrawn' } },
    });
  }
  return { status: 'withdrawn' };
}

/** The audit of an automated decision found it wrong: restore, revoke, and tell both parties. */
async function reverseOnAudit(
  record: Awaited<ReturnType<typeof loadCase>>,
): Promise<{ status: 'restored' }> {
  const reversal = record.auditReversal!;
  await closeUndoingTakedown(record, {
    status: 'restored',
    event: 'restored',
    detail: { reason: 'audit_reversed', reasonCode: reversal.reasonCode },
  });
  await tellRestored(record, 'audit_reversed', reversal.reasons);
  return { status: 'restored' };
}
