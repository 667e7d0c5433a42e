import { listPendingFanOuts } from '../adapters/bulk-notice-store.ts';
import { startCaseExecution } from '../adapters/case-execution.ts';
import { clearPendingStart, listPendingStarts } from '../adapters/case-start-outbox.ts';
import { clock } from '../adapters/clock.ts';
import { listPendingFollowUps, startFollowUp } from '../adapters/follow-ups.ts';
import { logger } from '../adapters/logger.ts';
import { startFanOut } from '../use-cases/file-bulk-notice.ts';

/** A marker younger than this may belong to a start still in flight in the API. */
const GRACE_MS = 60_000;

/**
 * The reconciler (a scheduled job): starts the execution of every case, of every follow-up of a
 * case (an appeal, a late counter-notice, a withdrawal after closure), and of every bulk notice's
 * fan-out, that was written but whose start failed or never happened. A bulk notice's case is
 * counted on its batch as the marker is cleared.
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
    await clearPendingStart(pending.caseId, pending.counter);
  });
  const followUps = await startEach('follow-up', await listPendingFollowUps(before), startFollowUp);
  // A bulk notice whose fan-out never started (its cases are written by the fan-out itself).
  const fanOuts = await listPendingFanOuts(before);
  for (const noticeId of fanOuts) await startFanOut(noticeId);
  return {
    started: cases.started + followUps.started + fanOuts.length,
    failed: cases.failed + followUps.failed,
  };
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
