import * as z from 'zod';
import { StepAlreadyApplied } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { logger } from '../adapters/logger.ts';
import { policy } from '../adapters/policy-source.ts';
import { durationSeconds } from '../domain/duration.ts';
import type { JurisdictionProfile } from '../domain/policy.ts';
import { alertReviewers } from './lib/alert-reviewers.ts';
import { loadCase, WORKFLOW_ACTOR } from './lib/context.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const input = taskInput({
  step: z.literal('overdue'),
  kind: z.enum(['escalated_review', 're_review', 'retry', 'appeal']),
  stepKey: z.string().min(1).max(200),
});

/** How long a case waits again after it went overdue, before the next alarm, by kind of wait. */
const REWAIT: Record<
  'escalated_review' | 're_review' | 'retry' | 'appeal',
  (profile: JurisdictionProfile) => string
> = {
  escalated_review: (profile) => profile.escalatedReviewSla,
  re_review: (profile) => profile.reReviewSla,
  appeal: (profile) => profile.reReviewSla,
  retry: () => 'P7D',
};

/**
 * An escalated review, a re-review or a parked case went past its window. It is never dropped:
 * this raises the alarm (an ERROR log line with `alarm`, which the deployed metric filter counts),
 * records it on the timeline and alerts the reviewers' address once per case and kind; the
 * workflow then waits again in the same queue for `waitSeconds` (the wait's window again, never
 * a deadline already spent, which would make the wait time out at once, over and over).
 */
export async function handler(event: unknown): Promise<{ alarmed: true; waitSeconds: number }> {
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
  // Once per task: the step key without its escalation count (`re_review_overdue#2` → `re_review_overdue`).
  await alertReviewers(record, { stepKey: task.stepKey.replace(/#\d+$/, ''), alert: 'overdue' });
  const profile = policy.profiles[record.jurisdiction];
  return { alarmed: true, waitSeconds: durationSeconds(REWAIT[task.kind](profile)) };
}
