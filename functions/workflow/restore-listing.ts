import * as z from 'zod';
import { loadCase } from './lib/context.ts';
import { notifyRightsHolder, notifySeller } from './lib/notify.ts';
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
  const text =
    reason === 're_review_founded'
      ? 'A reviewer re-examined the case after the counter-notice and found it founded: the listing is restored.'
      : 'No court action was reported before the deadline after the counter-notice: the listing is restored.';
  await notifySeller(record, {
    step: 'restore',
    template: 'listing_restored',
    subject: 'restored',
    text: `${text} The strike on your account for this case is revoked.`,
  });
  await notifyRightsHolder(record, {
    step: 'restore',
    template: 'listing_restored',
    subject: 'listing restored',
    text: text,
  });
  return { status: 'restored' };
}
