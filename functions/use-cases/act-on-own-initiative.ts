import { type CaseRecord, getCase, StepAlreadyApplied } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { queryDue } from '../adapters/due-items.ts';
import { OWN_INITIATIVE_PENDING_PARTITION, PARKED_DUE_PARTITION } from '../adapters/keys.ts';
import { logger } from '../adapters/logger.ts';
import { handler as applySellerMeasure } from '../workflow/apply-seller-measure.ts';
import { applyWorkflowStep } from '../workflow/lib/step.ts';
import { handler as notifyParties } from '../workflow/notify-parties.ts';
import { handler as recordStrike } from '../workflow/record-strike.ts';
import { handler as takeDown } from '../workflow/take-down-listing.ts';
import { handler as withdraw } from '../workflow/withdraw-case.ts';
import { pool } from './pool.ts';

/**
 * The immediate part of own-initiative cases (use-cases/own-initiative.ts opens them): it runs
 * the notice path's own workflow steps, so it lives apart from the opening, which the screening
 * route and the test-buy route call without bundling the takedown, the strike and the mail.
 */

const task = (caseId: string, step: string, extra: Record<string, unknown> = {}) => ({
  v: 1,
  caseId,
  step,
  ...extra,
});

/**
 * The immediate part of an approved own-initiative case, in one function: take the listing down,
 * record the strike (the same ladder), apply the seller's measure, deliver the statement of
 * reasons (marketplace inbox and daily digest), and park the case until its counter-notice window
 * ends. Every step is the notice path's own idempotent task, so a re-run after a crash or a
 * marketplace outage repeats nothing; until it parks, the case stays in the pending partition
 * and the job runs it again.
 */
export async function actOnOwnInitiativeCase(caseId: string): Promise<'parked' | 'not_pending'> {
  const record = await getCase(caseId);
  if (record?.source !== 'own_initiative' || record.status !== 'taking_down') return 'not_pending';
  const taken = await takeDown(task(caseId, 'take_down'));
  if (taken.next === 'withdraw') {
    await withdraw(task(caseId, 'withdraw'));
    return 'not_pending';
  }
  await recordStrike(task(caseId, 'strike'));
  await applySellerMeasure(task(caseId, 'measure'));
  const notified = await notifyParties(task(caseId, 'notify', { decision: record.decision }));
  if (notified.next === 'withdraw') {
    await withdraw(task(caseId, 'withdraw'));
    return 'not_pending';
  }
  const latest = (await getCase(caseId))!;
  const dueAt = latest.deadlines.counterNoticeDueAt!;
  try {
    await applyWorkflowStep(caseId, {
      stepKey: 'parked',
      at: clock.now().toISOString(),
      from: ['taking_down'],
      set: {
        status: 'awaiting_counter_notice',
        gsi2pk: PARKED_DUE_PARTITION,
        gsi2sk: `${dueAt}#${caseId}`,
      } as Partial<CaseRecord>,
    });
  } catch (error) {
    if (!(error instanceof StepAlreadyApplied)) throw error;
  }
  return 'parked';
}

/** Runs the immediate part of every pending own-initiative case (a scheduled job, or a test). */
export async function actOnPendingCases(
  now: Date = clock.now(),
  options: { limit?: number; concurrency?: number } = {},
): Promise<{ parked: number; failed: number }> {
  const due = await queryDue(
    OWN_INITIATIVE_PENDING_PARTITION,
    new Date(now.getTime() + 1),
    options.limit ?? 1000,
  );
  const counts = { parked: 0, failed: 0 };
  await pool(
    due.map((item) => String(item.caseId)),
    options.concurrency ?? 8,
    async (caseId) => {
      try {
        if ((await actOnOwnInitiativeCase(caseId)) === 'parked') counts.parked++;
      } catch (error) {
        // The case stays pending: the next run tries again (the marketplace may be down).
        counts.failed++;
        logger.warn('own-initiative action failed; will retry', {
          caseId,
          error: (error as Error).name,
        });
      }
    },
  );
  return counts;
}
