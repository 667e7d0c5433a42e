import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CaseRecord,
  CaseStateConflict,
  deletePendingTaskItem,
  getPendingTask,
  releaseOpenCaseLockItem,
  TransientError,
} from '../../adapters/case-store.ts';
import { clock } from '../../adapters/clock.ts';
import { marketplace } from '../../adapters/marketplace.ts';
import { policy } from '../../adapters/policy-source.ts';
import {
  getSeller,
  listStrikes,
  putSellerItem,
  putStrikeItem,
} from '../../adapters/seller-store.ts';
import { CLOSED_WITH_LISTING_DOWN, isTerminal } from '../../domain/case.ts';
import { nextMeasure, revokeCase } from '../../domain/strikes.ts';
import { syncSellerMeasure } from '../../use-cases/sync-seller-measure.ts';
import { WORKFLOW_ACTOR } from './context.ts';
import { once } from './once.ts';
import { applyWorkflowStep } from './step.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/**
 * Closes a case as restored or withdrawn, undoing what the takedown did:
 * 1. restore the listing on the marketplace, if it was taken down (idempotent);
 * 2. release the case from its strike (the strike is revoked once every case of its notice is
 *    released), recompute the seller's measure, and close the case, in one transaction;
 * 3. lift the seller's measure on the marketplace if the revocation dropped it below a threshold.
 */
export async function closeUndoingTakedown(
  record: CaseRecord,
  outcome: {
    status: 'restored' | 'withdrawn';
    event: 'restored' | 'withdrawn';
    detail: Record<string, unknown>;
  },
): Promise<void> {
  if (record.takenDownAt) {
    await marketplace().restoreListing(record.listingId, { caseId: record.caseId });
  }
  // An open case, or one whose run closed with the listing down (a withdrawal or an appeal after
  // closure): close it. A case already restored or withdrawn has nothing left to undo.
  const closable =
    !isTerminal(record.status) ||
    (CLOSED_WITH_LISTING_DOWN as readonly string[]).includes(record.status);
  if (closable) {
    const now = clock.now();
    const at = now.toISOString();
    const pending = await getPendingTask(record.caseId);
    const released = await releaseStrike(record, now);
    try {
      await once(() =>
        applyWorkflowStep(record.caseId, {
          stepKey: `close#${outcome.status}`,
          at,
          set: { status: outcome.status, closedAt: at },
          event: {
            type: outcome.event,
            actor: WORKFLOW_ACTOR,
            detail: {
              ...outcome.detail,
              listingRestored: Boolean(record.takenDownAt),
              ...released.detail,
            },
          },
          also: [
            releaseOpenCaseLockItem(record.listingId, record.ipRightId, record.caseId),
            ...(pending ? [deletePendingTaskItem(record.caseId, pending.taskId)] : []),
            ...released.also,
          ],
        }),
      );
    } catch (error) {
      if (error instanceof CaseStateConflict)
        throw new TransientError(`case ${record.caseId} or its seller changed concurrently`);
      throw error;
    }
  }
  if (record.sellerId) await syncSellerMeasure(record.sellerId, record.caseId);
}

/**
 * The writes that release a case from its strike (the strike is revoked once every case of its
 * notice is released) and recompute the seller's measure, for the transaction of the step that
 * restores the case or upholds an appeal against the strike. The seller is read first, then its
 * strikes, so the write's condition on the seller's version catches a concurrent strike update
 * (see record-strike.ts).
 */
export async function releaseStrike(
  record: CaseRecord,
  now: Date,
): Promise<{ also: TransactItem[]; detail: Record<string, unknown> }> {
  if (!record.strikeId || !record.sellerId) return { also: [], detail: {} };
  const seller = await getSeller(record.sellerId);
  const strikes = await listStrikes(record.sellerId);
  const strike = strikes.find((s) => s.strikeId === record.strikeId);
  if (!strike || !seller) return { also: [], detail: {} };
  const revoked = revokeCase(strike, record.caseId, now);
  if (revoked.outcome !== 'case_released' && revoked.outcome !== 'strike_revoked')
    return { also: [], detail: {} };
  const after = strikes.map((s) => (s.strikeId === strike.strikeId ? revoked.strike : s));
  const decision = nextMeasure(seller.measure, after, now, seller, policy);
  return {
    also: [
      putStrikeItem(record.sellerId, revoked.strike),
      putSellerItem({ ...seller, measure: decision.measure }, seller.version),
    ],
    detail: { strikeId: strike.strikeId, strike: revoked.outcome, measure: decision.measure },
  };
}
