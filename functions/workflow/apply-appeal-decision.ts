import * as z from 'zod';
import { getAppeal, recordAppealDecision } from '../adapters/appeal-store.ts';
import { CaseStateConflict, TransientError } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { remedyOf } from '../domain/appeals.ts';
import { syncSellerMeasure } from '../use-cases/sync-seller-measure.ts';
import { loadCase, WORKFLOW_ACTOR } from './lib/context.ts';
import { listingOf, notifyRightsHolder, notifySeller } from './lib/notify.ts';
import { once } from './lib/once.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';
import { releaseStrike } from './lib/undo.ts';

const input = taskInput({
  step: z.literal('appeal_decision'),
  appealId: z.string().min(1).max(200),
  /** The reviewer's answer, as the workflow received it through the appeal's wait. */
  decision: z
    .object({
      decision: z.enum(['uphold', 'dismiss']),
      reasonCode: z.string(),
      reasons: z.string(),
      reviewerId: z.string(),
      at: z.string(),
    })
    .loose(),
});

/**
 * Carries out a reviewer's decision on an appeal (DSA Art 20(4)):
 * 1. record it on the appeal, once;
 * 2. upheld against a strike or an account measure: revoke the case's strike and recompute the
 *    seller's measure now (the listing stays down);
 * 3. tell the appellant the outcome, the reasons and the redress that remains (Art 20(5), 21);
 * 4. answer what the follow-up does next: restore (upheld against a takedown), re-open the case
 *    for takedown (upheld against a rejection or a restore), or nothing.
 */
export async function handler(event: unknown): Promise<{ next: 'restore' | 'reopen' | 'done' }> {
  const task = parseTaskInput(input, event);
  const appeal = await getAppeal(task.appealId);
  if (!appeal) throw new Error(`appeal ${task.appealId} not found`);
  const record = await loadCase(task.caseId);
  const { decision } = task;
  await recordAppealDecision(appeal, {
    decision: decision.decision,
    reasonCode: decision.reasonCode,
    reasons: decision.reasons,
    deciderId: decision.reviewerId,
    decidedAt: decision.at,
  });
  const upheld = decision.decision === 'uphold';
  const remedy = upheld ? remedyOf(appeal.against) : undefined;
  if (remedy === 'revoke_strike') {
    const now = clock.now();
    const released = await releaseStrike(record, now);
    try {
      await once(() =>
        applyWorkflowStep(record.caseId, {
          stepKey: `appeal_strike_revoked#${appeal.appealId}`,
          at: now.toISOString(),
          event: {
            type: 'strike_revoked',
            actor: WORKFLOW_ACTOR,
            detail: { appealId: appeal.appealId, ...released.detail },
          },
          also: released.also,
        }),
      );
    } catch (error) {
      if (error instanceof CaseStateConflict)
        throw new TransientError(`the seller of case ${record.caseId} changed concurrently`);
      throw error;
    }
    if (record.sellerId) await syncSellerMeasure(record.sellerId, record.caseId);
  }
  const message = {
    kind: 'appeal_decided' as const,
    facts: {
      caseId: record.caseId,
      appealId: appeal.appealId,
      listing: listingOf(record),
      jurisdiction: record.jurisdiction,
      appellant: appeal.appellant.role === 'seller' ? ('seller' as const) : ('notifier' as const),
      against: appeal.against,
      outcome: upheld ? ('upheld' as const) : ('dismissed' as const),
      reasons: decision.reasons,
    },
  };
  const outgoing = { step: `appeal#${appeal.appealId}`, template: 'appeal_decided', message };
  if (appeal.appellant.role === 'seller') await notifySeller(record, outgoing);
  else await notifyRightsHolder(record, outgoing);
  if (remedy === 'restore') return { next: 'restore' };
  if (remedy === 'reopen') return { next: 'reopen' };
  return { next: 'done' };
}
