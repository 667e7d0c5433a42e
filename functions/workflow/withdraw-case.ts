import * as z from 'zod';
import { loadCase } from './lib/context.ts';
import { listingOf, notifyRightsHolder, notifySeller } from './lib/notify.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';
import { closeUndoingTakedown } from './lib/undo.ts';

const input = taskInput({ step: z.literal('withdraw') });

/**
 * Closes a case the rights holder withdrew: the listing is restored if it was taken down, the
 * strike revoked, and the case ends `withdrawn`.
 */
export async function handler(event: unknown): Promise<{ status: 'withdrawn' }> {
  const { caseId } = parseTaskInput(input, event);
  const record = await loadCase(caseId);
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
