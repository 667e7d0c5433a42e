import {
  type CaseRecord,
  CaseStateConflict,
  type CaseStep,
  MAX_STEPS_PER_TRANSACTION,
  StepAlreadyApplied,
  stripKeys,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { queryDue } from '../adapters/due-items.ts';
import { PARKED_DUE_PARTITION } from '../adapters/keys.ts';
import { applyWorkflowStep, applyWorkflowSteps } from '../workflow/lib/step.ts';
import { pool } from './pool.ts';

/**
 * Parked own-initiative cases (use-cases/own-initiative.ts): their counter-notice windows, closed
 * in bulk (a counter-notice in the window starts the case's execution instead: use-cases/redress.ts). Apart from the immediate action, so the counter-notice route and
 * the parked-windows job carry no marketplace client.
 */

/**
 * Closes, in bulk, the counter-notice windows of parked own-initiative cases that ended before
 * `now`: each case becomes `upheld` (conditional on still waiting, so a case a counter-notice or
 * an audit moved is left alone) and leaves the parked index.
 */
export async function closeExpiredWindows(
  now: Date = clock.now(),
  options: { limit?: number; concurrency?: number } = {},
): Promise<number> {
  let closed = 0;
  const seen = new Set<string>();
  for (;;) {
    // The parked index projects whole case items: the read that plans each step.
    const due = (await queryDue(PARKED_DUE_PARTITION, now, options.limit ?? 1000)).map(
      (item) => stripKeys(item) as unknown as CaseRecord,
    );
    // Nothing new (what is left could not be closed now): the next run tries again.
    if (due.every((record) => seen.has(record.caseId))) return closed;
    for (const record of due) seen.add(record.caseId);
    const chunks: CaseRecord[][] = [];
    for (let i = 0; i < due.length; i += MAX_STEPS_PER_TRANSACTION)
      chunks.push(due.slice(i, i + MAX_STEPS_PER_TRANSACTION));
    await pool(chunks, options.concurrency ?? 4, async (chunk) => {
      const count = await closeChunk(chunk, now);
      closed += count;
    });
  }
}

/**
 * Closes a chunk of windows in one transaction; if it is refused (a case moved meanwhile, or a
 * step already applied), one by one, each from a fresh read, which sorts out which.
 */
async function closeChunk(records: readonly CaseRecord[], now: Date): Promise<number> {
  const together = await applyWorkflowSteps(
    records.map((record) => ({ record, step: windowClosedStep(now) })),
  );
  if (together) return records.length;
  let closed = 0;
  for (const record of records) if (await closeWindow(record.caseId, now)) closed++;
  return closed;
}

const windowClosedStep = (now: Date) => {
  const at = now.toISOString();
  return {
    stepKey: 'counter_notice_window_closed',
    at,
    from: ['awaiting_counter_notice'],
    // A counter-notice received meanwhile is being resolved: the window no longer closes it.
    unless: ['counterNoticeMode'],
    set: { status: 'upheld', closedAt: at },
    remove: ['gsi2pk', 'gsi2sk'] as unknown as (keyof CaseRecord)[],
    event: {
      type: 'upheld' as const,
      actor: { role: 'system' as const, id: 'workflow' },
      detail: { counterNoticeWindowClosed: true, source: 'own_initiative' },
    },
  } satisfies CaseStep;
};

async function closeWindow(caseId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  try {
    await applyWorkflowStep(caseId, windowClosedStep(now));
    return true;
  } catch (error) {
    if (error instanceof StepAlreadyApplied) return false;
    if (error instanceof CaseStateConflict) {
      // Moved meanwhile (a counter-notice, an audit): it leaves the parked index.
      await applyWorkflowStep(caseId, {
        stepKey: 'unparked',
        at,
        remove: ['gsi2pk', 'gsi2sk'] as unknown as (keyof CaseRecord)[],
      }).catch(() => undefined);
      return false;
    }
    throw error;
  }
}
