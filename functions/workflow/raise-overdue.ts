import * as z from 'zod';
import { StepAlreadyApplied } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { logger } from '../adapters/logger.ts';
import { alertReviewers } from './lib/alert-reviewers.ts';
import { loadCase, WORKFLOW_ACTOR } from './lib/context.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const input = taskInput({
  step: z.literal('overdue'),
  kind: z.enum(['escalated_review', 're_review', 'retry']),
  stepKey: z.string().min(1).max(200),
});

/**
 * An escalated review, a re-review or a parked case went past its window. It is never dropped:
 * this raises the alarm (an ERROR log line with `alarm`, which the deployed metric filter counts)
 * and records it on the timeline; the workflow then waits again in the same queue.
 */
export async function handler(event: unknown): Promise<{ alarmed: true }> {
  const task = parseTaskInput(input, event);
  const record = await loadCase(task.caseId);
  logger.error('case overdue', {
    caseId: record.caseId,
    kind: task.kind,
    status: record.status,
    alarm: 'CaseOverdue',
  });
  try {
    await applyWorkflowStep(record.caseId, {
      stepKey: task.stepKey,
      at: clock.now().toISOString(),
      event: {
        type: 'review_overdue',
        actor: WORKFLOW_ACTOR,
        detail: { kind: task.kind, status: record.status },
      },
    });
  } catch (error) {
    if (!(error instanceof StepAlreadyApplied)) throw error;
  }
  await alertReviewers(record, { stepKey: task.stepKey, alert: 'overdue' });
  return { alarmed: true };
}
