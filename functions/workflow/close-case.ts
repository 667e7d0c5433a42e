import * as z from 'zod';
import {
  CaseStateConflict,
  deletePendingTaskItem,
  getPendingTask,
  releaseOpenCaseLockItem,
  StepAlreadyApplied,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import type { TimelineEventType } from '../domain/case.ts';
import { isTerminal } from '../domain/case.ts';
import { loadCase, WORKFLOW_ACTOR } from './lib/context.ts';
import { notifyRightsHolder, notifySeller } from './lib/notify.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const OUTCOMES = ['rejected', 'abandoned', 'upheld', 'upheld_pending_court'] as const;
const input = taskInput({ step: z.literal('close'), outcome: z.enum(OUTCOMES) });

/** The closing event; a reviewer's rejection is already on the timeline as `decided`. */
const EVENTS: Record<(typeof OUTCOMES)[number], TimelineEventType | undefined> = {
  rejected: undefined,
  abandoned: 'info_window_expired',
  upheld: 'upheld',
  upheld_pending_court: 'upheld',
};

const MESSAGES: Record<
  (typeof OUTCOMES)[number],
  { subject: string; rightsHolder: string; seller?: string }
> = {
  rejected: {
    subject: 'notice rejected',
    rightsHolder: 'A reviewer rejected the notice for this listing. The listing stays up.',
  },
  abandoned: {
    subject: 'closed: no information received',
    rightsHolder:
      'The information the reviewer asked for did not arrive in time, so the case is closed as abandoned. You may file a new notice.',
  },
  upheld: {
    subject: 'takedown upheld',
    rightsHolder: 'The takedown of this listing is upheld and the case is closed.',
    seller:
      'The removal of your listing is upheld and the case is closed. You may still file an internal complaint (appeal) within the window stated in the statement of reasons, or seek out-of-court settlement or judicial redress.',
  },
  upheld_pending_court: {
    subject: 'listing stays down pending court action',
    rightsHolder:
      'You reported a court action, so the listing stays down. The case is closed as upheld pending court.',
    seller:
      'The notifier reported a court action about your listing, so it stays down until the court decides.',
  },
};

/**
 * Closes a case with a final outcome: rejected by a reviewer, abandoned (no information in
 * time), upheld (no counter-notice, or a re-review upheld it), or upheld pending court.
 * Releases the open-case lock, clears any pending task, records the outcome, tells the parties.
 */
export async function handler(event: unknown): Promise<{ status: string }> {
  const task = parseTaskInput(input, event);
  const record = await loadCase(task.caseId);
  const at = clock.now().toISOString();
  const stepKey = `close#${task.outcome}`;
  if (!isTerminal(record.status)) {
    const pending = await getPendingTask(record.caseId);
    try {
      await applyWorkflowStep(record.caseId, {
        stepKey,
        at,
        set: { status: task.outcome, closedAt: at },
        ...(EVENTS[task.outcome]
          ? {
              event: {
                type: EVENTS[task.outcome]!,
                actor: WORKFLOW_ACTOR,
                detail: { outcome: task.outcome },
              },
            }
          : {}),
        also: [
          releaseOpenCaseLockItem(record.listingId, record.ipRightId, record.caseId),
          ...(pending ? [deletePendingTaskItem(record.caseId, pending.taskId)] : []),
        ],
      });
    } catch (error) {
      if (!(error instanceof StepAlreadyApplied) && !(error instanceof CaseStateConflict))
        throw error;
    }
  }
  const message = MESSAGES[task.outcome];
  await notifyRightsHolder(record, {
    step: stepKey,
    template: `case_${task.outcome}`,
    subject: message.subject,
    text: message.rightsHolder,
  });
  if (message.seller)
    await notifySeller(record, {
      step: stepKey,
      template: `case_${task.outcome}`,
      subject: message.subject,
      text: message.seller,
    });
  return { status: task.outcome };
}
