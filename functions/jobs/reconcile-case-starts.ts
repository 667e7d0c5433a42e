import { startCaseExecution } from '../adapters/case-execution.ts';
import { clearPendingStart, listPendingStarts } from '../adapters/case-start-outbox.ts';
import { clock } from '../adapters/clock.ts';
import { logger } from '../adapters/logger.ts';

/** A marker younger than this may belong to a start still in flight in the API. */
const GRACE_MS = 60_000;

/**
 * The reconciler (a scheduled job): starts the execution of every case that was written but whose
 * start failed or never happened.
 *
 * 1. List the pending-start markers older than the grace period, oldest first.
 * 2. Start each case's execution, idempotently by its derived name.
 * 3. Clear the marker once the execution exists.
 * A failure on one case is logged and left for the next run; the others go on.
 */
export async function handler(): Promise<{ started: number; failed: number }> {
  const due = await listPendingStarts(new Date(clock.now().getTime() - GRACE_MS));
  let started = 0;
  let failed = 0;
  for (const pending of due) {
    try {
      const result = await startCaseExecution(pending.caseId, pending.executionInput);
      await clearPendingStart(pending.caseId);
      started++;
      logger.info('reconciler started a case', {
        caseId: pending.caseId,
        alreadyExisted: result.alreadyExisted,
      });
    } catch (error) {
      failed++;
      logger.error('reconciler could not start a case', {
        caseId: pending.caseId,
        error: (error as Error).name,
      });
    }
  }
  return { started, failed };
}
