import * as z from 'zod';
import { getCase } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { closeFollowUp } from '../adapters/follow-ups.ts';
import { once } from './lib/once.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const input = taskInput({
  step: z.literal('finish_follow_up'),
  followUpId: z.string().min(1).max(40),
});

/**
 * Ends a case's follow-up (its last state), so the next appeal or withdrawal may open one. A
 * follow-up that was parked for an operator and resumed leaves the case's status as it was
 * before the park (its steps, unlike the case's own, do not set a status of their own).
 */
export async function handler(event: unknown): Promise<{ finished: true }> {
  const { caseId, followUpId } = parseTaskInput(input, event);
  const record = await getCase(caseId);
  if (record?.status === 'action_failed' && record.parkedFrom) {
    const status = record.parkedFrom;
    await once(() =>
      applyWorkflowStep(caseId, {
        stepKey: `unpark#${followUpId}`,
        at: clock.now().toISOString(),
        from: ['action_failed'],
        set: { status },
      }),
    );
  }
  await closeFollowUp(caseId, followUpId);
  return { finished: true };
}
