import * as z from 'zod';
import { loadCase } from './lib/context.ts';
import { notifyRightsHolder, notifySeller } from './lib/notify.ts';
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
  await notifyRightsHolder(record, {
    step: 'withdraw',
    template: 'case_withdrawn',
    subject: 'withdrawn',
    text:
      'Your withdrawal of this case is done.' +
      (record.takenDownAt ? ' The listing is restored.' : ''),
  });
  if (record.takenDownAt) {
    await notifySeller(record, {
      step: 'withdraw',
      template: 'case_withdrawn',
      subject: 'restored: complaint withdrawn',
      text: 'The rights holder withdrew its complaint: your listing is restored and the strike for this case is revoked.',
    });
  }
  return { status: 'withdrawn' };
}
