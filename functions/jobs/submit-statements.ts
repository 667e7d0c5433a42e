import { clock } from '../adapters/clock.ts';
import { logger } from '../adapters/logger.ts';
import {
  submitBatch,
  transparencyDatabaseConfigured,
} from '../adapters/transparency-database-client.ts';
import {
  listPendingStatements,
  markFailed,
  markSubmitted,
  type PendingStatement,
} from '../adapters/transparency-statements.ts';
import { MAX_BATCH } from '../domain/transparency-database-rules.ts';

/** Runs of this job a statement may fail in before it is dead-lettered (alarm). */
export const MAX_ATTEMPTS = 8;
/** Tries of one batch within a run, with exponential backoff and jitter. */
const TRIES = 3;
const BASE_DELAY_MS = 200;
/** Statements one run takes on (a run lasts well under its 5-minute timeout). */
const PER_RUN = 20 * MAX_BATCH;

/** The database's refusal of a `puid` it already holds: the statement was submitted before. */
const ALREADY_THERE = /not unique within this platform/i;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Submits the EU statements of reasons to the DSA Transparency Database (Art 24(5)), a scheduled
 * job: pending statements (validated with the database's rules when produced) go in batches of
 * up to 100 to its batch endpoint. Idempotent: a statement leaves the pending partition once the
 * database created it, so it is never sent twice by this job; a `puid` the database says it holds
 * already counts as submitted (a run that died before recording its success). A batch the
 * database cannot take now (429, 5xx, network) is retried with backoff, then left for the next
 * run; a statement it refuses (or that fails MAX_ATTEMPTS runs) is dead-lettered with an alarm.
 */
export async function handler(): Promise<{
  submitted: number;
  failed: number;
  deadLettered: number;
}> {
  const result = { submitted: 0, failed: 0, deadLettered: 0 };
  if (!transparencyDatabaseConfigured) return result;
  const pending = await listPendingStatements(PER_RUN);
  for (let start = 0; start < pending.length; start += MAX_BATCH) {
    const batch = pending.slice(start, start + MAX_BATCH);
    const outcome = await sendWithRetries(batch);
    result.submitted += outcome.submitted;
    result.failed += outcome.failed;
    result.deadLettered += outcome.deadLettered;
  }
  if (result.deadLettered > 0)
    logger.error('statements of reasons dead-lettered', {
      deadLettered: result.deadLettered,
      alarm: 'TransparencyStatementsDeadLettered',
    });
  return result;
}

async function sendWithRetries(
  batch: PendingStatement[],
): Promise<{ submitted: number; failed: number; deadLettered: number }> {
  const at = () => clock.now().toISOString();
  for (let attempt = 1; ; attempt++) {
    const answer = await submitBatch(batch.map((p) => p.statement));
    if (answer.kind === 'created') {
      await markSubmitted(batch, at());
      return { submitted: batch.length, failed: 0, deadLettered: 0 };
    }
    if (answer.kind === 'refused') {
      // Nothing of the batch was created. Statements the database holds already are done;
      // those it refused are dead-lettered at once (retrying cannot fix them); the rest go again.
      const held: PendingStatement[] = [];
      const refused: PendingStatement[] = [];
      const rest: PendingStatement[] = [];
      batch.forEach((item, index) => {
        const errors = answer.errors[`statement_${index}`];
        if (!errors) rest.push(item);
        else if (
          Object.keys(errors).every(
            (f) => f === 'puid' && errors[f]!.every((m) => ALREADY_THERE.test(m)),
          )
        )
          held.push(item);
        else refused.push(item);
      });
      await markSubmitted(held, at());
      const dead = await markFailed(refused, JSON.stringify(answer.errors).slice(0, 1000), 1, at());
      if (rest.length === 0 || (held.length === 0 && refused.length === 0)) {
        const failed = await markFailed(rest, 'batch refused without errors', MAX_ATTEMPTS, at());
        return { submitted: held.length, failed: rest.length, deadLettered: dead + failed };
      }
      const again = await sendWithRetries(rest);
      return {
        submitted: held.length + again.submitted,
        failed: again.failed,
        deadLettered: dead + again.deadLettered,
      };
    }
    if (attempt >= TRIES) {
      logger.warn('Transparency Database unavailable; the batch waits for the next run', {
        status: answer.status,
        statements: batch.length,
      });
      const dead = await markFailed(batch, `unavailable: ${answer.status}`, MAX_ATTEMPTS, at());
      return { submitted: 0, failed: batch.length, deadLettered: dead };
    }
    await sleep(BASE_DELAY_MS * 2 ** (attempt - 1) * (0.5 + Math.random()));
  }
}
