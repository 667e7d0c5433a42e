import * as z from 'zod';
import { CaseStateConflict, TransientError } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { getNotice } from '../adapters/notice-store.ts';
import { recordNotifierOutcome } from '../adapters/notifier-standing.ts';
import { policy } from '../adapters/policy-source.ts';
import { measureWrites } from '../adapters/seller-measure-writes.ts';
import { getSeller, listStrikes, putStrikeItem } from '../adapters/seller-store.ts';
import { nextMeasure } from '../domain/ladder.ts';
import { recordStrike } from '../domain/strikes.ts';
import { loadCase, WORKFLOW_ACTOR, withdrawalRequested } from './lib/context.ts';
import { once } from './lib/once.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const input = taskInput({ step: z.literal('strike') });

/**
 * Records the strike of a taken-down case against its seller, and decides the seller's measure,
 * in one transaction: the strike (created, or the notice's existing strike with this case
 * attached: strikes group by notice), the seller's measure (conditional on the seller's version,
 * so concurrent cases of one seller cannot both win; the loser is retried), and the case.
 */
export async function handler(
  event: unknown,
): Promise<{ next: 'measure' | 'withdraw'; measure: string }> {
  const { caseId } = parseTaskInput(input, event);
  const record = await loadCase(caseId);
  if (withdrawalRequested(record))
    return { next: 'withdraw', measure: record.accountMeasure ?? 'none' };
  if (record.strikeId) return { next: 'measure', measure: record.accountMeasure ?? 'none' };
  const sellerId = record.sellerId!;
  const now = clock.now();
  // The seller first, then its strikes: every strike write bumps the seller's version, so a
  // strike written after this read fails the write's version condition (read in parallel, a
  // concurrent case's new strike could be missed while its version bump was seen: two strikes).
  const [seller, notice] = await Promise.all([getSeller(sellerId), getNotice(record.noticeId)]);
  const strikes = await listStrikes(sellerId);
  const current = seller ?? {
    sellerId,
    measure: 'none' as const,
    appliedMeasure: 'none' as const,
    version: 0,
  };
  const result = recordStrike(strikes, {
    noticeId: record.noticeId,
    caseId,
    now,
    policy,
    testBuyConfirmedCounterfeit:
      record.infringementType === 'counterfeit' &&
      (notice?.testBuy !== undefined || record.testBuy !== undefined),
    ownInitiative: record.source === 'own_initiative',
    ...(record.listingCreatedAt ? { listingCreatedAt: record.listingCreatedAt } : {}),
    noticeReceivedAt: notice?.createdAt ?? record.createdAt,
  });
  const after = strikes.filter((s) => s.strikeId !== result.strike.strikeId).concat(result.strike);
  const decision = nextMeasure(current.measure, after, now, current, policy);
  const writes = measureWrites(current, decision, {
    now,
    policy,
    strikes: after,
    expectedVersion: seller ? seller.version : null,
  });
  try {
    await once(() =>
      applyWorkflowStep(caseId, {
        stepKey: 'strike',
        at: now.toISOString(),
        set: {
          strikeId: result.strike.strikeId,
          accountMeasure: decision.measure,
          carriesWarning: decision.carriesWarning,
        },
        event: {
          type: 'strike_recorded',
          actor: WORKFLOW_ACTOR,
          detail: {
            strikeId: result.strike.strikeId,
            attached: result.kind === 'attached',
            measure: decision.measure,
            ...(decision.heldBack ? { heldBack: decision.heldBack } : {}),
            countsTowardEscalation: decision.countingStrikeIds.includes(result.strike.strikeId),
            ...(decision.openSuspensionReview ? { suspensionReviewOpened: true } : {}),
            expiresAt: result.strike.expiresAt,
          },
        },
        also:
          result.kind === 'already_recorded'
            ? []
            : [putStrikeItem(sellerId, result.strike), ...writes.items],
      }),
    );
  } catch (error) {
    // The seller changed under us (another case of the same seller): read again and retry.
    if (error instanceof CaseStateConflict)
      throw new TransientError(`seller ${sellerId} changed concurrently`);
    throw error;
  }
  // Issue 15: an approved takedown counts as upheld for the notifier's accuracy (idempotent per
  // case; a later restore or overturned appeal moves the count). An own-initiative case has no
  // notifier.
  if (record.source !== 'own_initiative')
    await recordNotifierOutcome({
      rightsHolderId: record.rightsHolderId,
      caseId,
      outcome: 'upheld',
      at: now.toISOString(),
    });
  return { next: 'measure', measure: decision.measure };
}
