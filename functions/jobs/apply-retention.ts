import { clock } from '../adapters/clock.ts';
import { logger } from '../adapters/logger.ts';
import { policy } from '../adapters/policy-source.ts';
import {
  dueParties,
  intakeCursor,
  partiesOfCasesFiledOn,
  scheduleRetention,
  setIntakeCursor,
  unscheduleRetention,
} from '../adapters/retention-store.ts';
import { DEFAULT_RETENTION_POLICY } from '../domain/retention.ts';
import { applyRetention } from '../use-cases/apply-retention.ts';

/** The first filing day the intake reads, on a table that has never run it. */
export const INTAKE_FROM = '2026-01-01';
/**
 * Filing days queued per run (one Query each), and parties judged per run: well inside the job's
 * timeout. A year of days lets a first run, or one after an outage, catch up at once.
 */
const INTAKE_DAYS_PER_RUN = 366;
const PARTIES_PER_RUN = 50;

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Personal-data retention (a scheduled job). No scan: parties come to it through a queue.
 * 1. Intake: queue the parties of the cases filed on each day since the last run (index gsi6, one
 *    partition a day; the cursor is the last day read), up to yesterday.
 * 2. Judge each party that is due (index gsi2, RETENTION_DUE) by the retention rules: erase what no
 *    case needs any more (use case applyRetention), and queue the party again for when its data may
 *    go (the latest known end, or after `recheck` while a case is open or held).
 * Idempotent: judging a party twice pseudonymises nothing twice and deletes nothing twice.
 */
export async function handler(): Promise<{ queued: number; judged: number; erased: number }> {
  const now = clock.now();
  const at = now.toISOString();
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const cursor = await intakeCursor();
  let day = cursor ? nextDay(cursor) : INTAKE_FROM;
  let queued = 0;
  for (let read = 0; read < INTAKE_DAYS_PER_RUN && day <= yesterday; read++, day = nextDay(day)) {
    for (const party of await partiesOfCasesFiledOn(day)) {
      await scheduleRetention(party, at);
      queued++;
    }
    await setIntakeCursor(day);
  }

  let judged = 0;
  let erased = 0;
  for (const party of await dueParties(now, PARTIES_PER_RUN)) {
    const outcome = await applyRetention({
      party,
      policy,
      retention: DEFAULT_RETENTION_POLICY,
      now,
    });
    judged++;
    if (outcome.erased) {
      erased++;
      await unscheduleRetention(party);
    } else await scheduleRetention(party, outcome.recheckAt!);
  }
  logger.info('retention applied', { queued, judged, erased });
  return { queued, judged, erased };
}
