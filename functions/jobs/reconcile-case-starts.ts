import { startCaseExecution } from '../adapters/case-execution.ts';
import { clearPendingStart, listPendingStarts } from '../adapters/case-start-outbox.ts';
import { clock } from '../adapters/clock.ts';
import { listPendingFollowUps, startFollowUp } from '../adapters/follow-ups.ts';
import { logger } from '../adapters/logger.ts';

/** A marker younger than this may belong to a start still in flight in the API. */
const GRACE_MS = 60_000;

/**
 * The reconciler (a scheduled job): starts the execution of every case, and of every follow-up of a
 * case (an appeal, a late counter-notice, a withdrawal after closure), that was written but whose
 * start failed or never happened.
 *
 * 1. List the pending-start markers older than the grace period, oldest first.
 * 2. Start each execution, idempotently by its derived name.
 * 3. Clear the marker once the execution exists.
 * A failure on one is logged and left for the next run; the others go on.
 */
export async function handler(): Promise<{ started: number; failed: number }> {
  const before = new Date(clock.now().getTime() - GRACE_MS);
  const cases = await startEach('case', await listPendingStarts(before), async (pending) => {
    await startCaseExecution(pending.caseId, pending.executionInput);
    await clearPendingStart(pending.caseId);
  });
  const followUps = await startEach('follow-up', await listPendingFollowUps(before), startFollowUp);
  return { started: cases.started + followUps.started, failed: cases.failed + followUps.failed };
}

async function startEach<T extends { caseId: string }>(
  what: string,
  due: readonly T[],
  start: (item: T) => Promise<unknown>,
): Promise<{ started: number; failed: number }> {
  let started = 0;
  let failed = 0;
  for (const item of due) {
    try {
      await start(item);
      started++;
      logger.info(`reconciler started a ${what}`, { caseId: item.caseId });
    } catch (error) {
      failed++;
      logger.error(`reconciler could not start a ${what}`, {
        caseId: item.caseId,
        error: (error as Error).name,
      });
    }
  }
  return { started, failed };
}
