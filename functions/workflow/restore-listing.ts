import * as z from 'zod';
import { CaseStateConflict, getCase, StepAlreadyApplied } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { loadCase } from './lib/context.ts';
import { partyReasons } from './lib/notify.ts';
import { tellRestored } from './lib/restored.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';
import { closeUndoingTakedown } from './lib/undo.ts';

const input = taskInput({
  step: z.literal('restore'),
  /** Set when a founded appeal restores the listing (the redress machine). */
  appeal: z.object({ appealId: z.string(), reasons: z.string().optional() }).loose().nullish(),
});

type RestoreReason = 'no_court_action_reported' | 're_review_founded' | 'appeal_upheld';

/**
 * Restores the listing: no court action was reported before the statutory deadline (US
 * §512(g)(2)(C), CN Art 43), a re-review found the counter-notice founded, or a seller's appeal
 * was upheld. The strike is revoked (when no other case of its notice still holds it) and the
 * measure lifted.
 *
 * Under the statutory timer a court action reported before the restore starts still keeps the
 * listing down: the restore first records its start on the case, on condition that no court
 * action is recorded, and the court-action route records its report on condition that no restore
 * started. Exactly one of the two wins; a lost restore answers `court_action`, and the workflow
 * closes the case as upheld pending court.
 */
export async function handler(
  event: unknown,
): Promise<{ status: 'restored'; next: 'closed' } | { next: 'court_action' }> {
  const task = parseTaskInput(input, event);
  const { caseId } = task;
  let record = await loadCase(caseId);
  if (record.status === 'awaiting_court_action') {
    if (!(await startStatutoryRestore(caseId))) return { next: 'court_action' };
    record = (await getCase(caseId)) ?? record;
  }
  const reason: RestoreReason = task.appeal
    ? 'appeal_upheld'
    : record.status === 'awaiting_re_review'
      ? 're_review_founded'
      : 'no_court_action_reported';
  await closeUndoingTakedown(record, {
    status: 'restored',
    event: 'restored',
    detail: { reason, ...(task.appeal ? { appealId: task.appeal.appealId } : {}) },
  });
  const reasons =
    reason === 're_review_founded'
      ? partyReasons(undefined, record, ['restore'])
      : reason === 'appeal_upheld'
        ? task.appeal?.reasons
        : undefined;
  await tellRestored(record, reason, reasons);
  return { status: 'restored', next: 'closed' };
}

/**
 * Records that the statutory restore starts, unless a court action was reported first. False
 * when the court action won the race; a retried restore whose start was recorded goes on.
 */
async function startStatutoryRestore(caseId: string): Promise<boolean> {
  const at = clock.now().toISOString();
  try {
    await applyWorkflowStep(caseId, {
      stepKey: 'restore_started',
      at,
      from: ['awaiting_court_action'],
      unless: ['courtAction'],
      set: { restoreStartedAt: at },
    });
    return true;
  } catch (error) {
    if (error instanceof StepAlreadyApplied) return true;
    if (!(error instanceof CaseStateConflict)) throw error;
    const latest = await getCase(caseId);
    if (latest?.courtAction) return false;
    throw error;
  }
}
