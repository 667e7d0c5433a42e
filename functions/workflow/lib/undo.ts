import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CaseRecord,
  CaseStateConflict,
  deletePendingTaskItem,
  getOpenCaseLock,
  getPendingTask,
  releaseOpenCaseLockItem,
  TransientError,
} from '../../adapters/case-store.ts';
import { clock } from '../../adapters/clock.ts';
import { marketplace } from '../../adapters/marketplace.ts';
import { recordNotifierOutcome } from '../../adapters/notifier-standing.ts';
import { policy } from '../../adapters/policy-source.ts';
import { getRightsHolder } from '../../adapters/registry-store.ts';
import { measureWrites } from '../../adapters/seller-measure-writes.ts';
import { getSeller, listStrikes, putStrikeItem } from '../../adapters/seller-store.ts';
import { CLOSED_WITH_LISTING_DOWN, isTerminal } from '../../domain/case.ts';
import { releaseCaseFromStrike } from '../../domain/ladder.ts';
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
    const [pending, lockHolder] = await Promise.all([
      getPendingTask(record.caseId),
      getOpenCaseLock(record.listingId, record.ipRightId),
    ]);
    const released = await releaseStrike(record, now);
    const also = [
      // A case withdrawn before its screening claimed the duplicate lock leaves alone the lock
      // another case of the listing and IP right holds (its release would be refused).
      ...(lockHolder === record.caseId
        ? [releaseOpenCaseLockItem(record.listingId, record.ipRightId, record.caseId)]
        : []),
      ...(pending ? [deletePendingTaskItem(record.caseId, pending.taskId)] : []),
      ...released.also,
    ];
    const strikeDetail = released.detail;
    const reversal =
      outcome.status === 'restored' && record.takenDownAt
        ? await wrongfulNoticeRecord(record, at)
        : undefined;
    try {
      await once(() =>
        applyWorkflowStep(record.caseId, {
          stepKey: `close#${outcome.status}`,
          at,
          set: {
            status: outcome.status,
            closedAt: at,
            ...(reversal ? { wrongfulNoticeRecord: reversal } : {}),
          },
          event: {
            type: outcome.event,
            actor: WORKFLOW_ACTOR,
            detail: {
              ...outcome.detail,
              listingRestored: Boolean(record.takenDownAt),
              ...strikeDetail,
            },
          },
          also,
        }),
      );
    } catch (error) {
      if (error instanceof CaseStateConflict)
        throw new TransientError(`case ${record.caseId} or its seller changed concurrently`);
      throw error;
    }
  }
  if (record.sellerId) await syncSellerMeasure(record.sellerId, record.caseId);
  // A restore counts against the notifier's accuracy (after a counter-notice, or overturned on
  // the seller's appeal); a withdrawn case is not decided.
  if ((record.takenDownAt || record.strikeId) && record.source !== 'own_initiative')
    await recordNotifierOutcome({
      rightsHolderId: record.rightsHolderId,
      caseId: record.caseId,
      outcome:
        outcome.status !== 'restored'
          ? 'none'
          : outcome.detail.reason === 'appeal_upheld' || outcome.detail.reason === 'audit_reversed'
            ? 'overturned'
            : 'restored',
      at: clock.now().toISOString(),
    });
}

/**
 * CN E-Commerce Law Art 42: a wrong notice that causes loss makes the notifier liable (a malicious
 * one for double damages). For a takedown reversed by a restore, keep what a seller needs to claim:
 * the notice, the notifier's real identity (by reference to its profile, where the contact lives),
 * and the period the listing was down. Shown to reviewers on the case file.
 */
async function wrongfulNoticeRecord(record: CaseRecord, restoredAt: string) {
  const notifier = await getRightsHolder(record.rightsHolderId);
  return {
    noticeId: record.noticeId,
    notifier: {
      rightsHolderId: record.rightsHolderId,
      ...(notifier ? { legalName: notifier.legalName, country: notifier.country } : {}),
    },
    takenDownAt: record.takenDownAt!,
    restoredAt,
    downSeconds: Math.max(
      0,
      Math.round((Date.parse(restoredAt) - Date.parse(record.takenDownAt!)) / 1000),
    ),
  };
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
  const released = seller
    ? releaseCaseFromStrike({
        strikes,
        strikeId: record.strikeId,
        caseId: record.caseId,
        seller,
        now,
        policy,
      })
    : undefined;
  if (!seller || !released) return { also: [], detail: {} };
  const after = strikes.map((s) => (s.strikeId === released.strike.strikeId ? released.strike : s));
  const writes = measureWrites(seller, released.decision, { now, policy, strikes: after });
  return {
    also: [putStrikeItem(record.sellerId, released.strike), ...writes.items],
    detail: {
      strikeId: released.strike.strikeId,
      strike: released.outcome,
      measure: released.decision.measure,
    },
  };
}
