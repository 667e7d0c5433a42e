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
 * 1. List the pending-start markers of each kind older than the grace period, oldest first.
 * 2. Start each execution, idempotently by its derived name.
 * 3. Clear the marker once the execution exists.
 * A failure on one (its start, its marker, or the listing of one kind) is logged and left for the
 * next run; the others go on.
 */
export async function handler(): Promise<{ started: number; failed: number }> {
  const before = new Date(clock.now().getTime() - GRACE_MS);
  const results = [
    await startEach(
      'case',
      () => listPendingStarts(before),
      (pending) => pending.caseId,
      async (pending) => {
        await startCaseExecution(pending.caseId, pending.executionInput);
        await clearPendingStart(pending.caseId, pending.counter);
      },
    ),
    await startEach(
      'follow-up',
      () => listPendingFollowUps(before),
      (pending) => pending.caseId,
      startFollowUp,
    ),
    // A bulk notice whose fan-out never started (its cases are written by the fan-out itself).
    await startEach(
      'fan-out',
      () => listPendingFanOuts(before),
      (noticeId) => noticeId,
      startFanOut,
    ),
  ];
  return {
    started: results.reduce((sum, r) => sum + r.started, 0),
    failed: results.reduce((sum, r) => sum + r.failed, 0),
  };
}

async function startEach<T>(
  what: string,
  list: () => Promise<readonly T[]>,
  idOf: (item: T) => string,
  start: (item: T) => Promise<unknown>,
): Promise<{ started: number; failed: number }> {
  let due: readonly T[];
  try {
    due = await list();
  } catch (error) {
    logger.error(`reconciler could not list the pending ${what} starts`, {
      error: (error as Error).name,
    });
    return { started: 0, failed: 1 };
  }
  let started = 0;
  let failed = 0;
  for (const item of due) {
    try {
      await start(item);
      started++;
      logger.info(`reconciler started a ${what}`, { id: idOf(item) });
    } catch (error) {
      failed++;
      logger.error(`reconciler could not start a ${what}; its marker stays for the next run`, {
        id: idOf(item),
        error: (error as Error).name,
      });
    }
  }
  return { started, failed };
}
