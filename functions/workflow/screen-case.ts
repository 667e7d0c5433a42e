import * as z from 'zod';
import { auditTaskId, putAuditTaskItem } from '../adapters/audit-tasks.ts';
import {
  type CaseRecord,
  CaseStateConflict,
  claimOpenCaseLockItem,
  getCase,
  getOpenCaseLock,
  StepAlreadyApplied,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { logger } from '../adapters/logger.ts';
import { marketplace } from '../adapters/marketplace.ts';
import { getNotice } from '../adapters/notice-store.ts';
import { refreshFastLane } from '../adapters/notifier-standing.ts';
import { policy } from '../adapters/policy-source.ts';
import { getIpRight, getRightsHolder } from '../adapters/registry-store.ts';
import { ensureSellerItem, recordSellerContact } from '../adapters/seller-store.ts';
import { isTerminal } from '../domain/case.ts';
import { addDuration, durationSeconds } from '../domain/duration.ts';
import { screenCase } from '../domain/screening.ts';
import { approvedAutomatically, sampledForAudit } from '../domain/standing.ts';
import { loadCase, WORKFLOW_ACTOR, withdrawalRequested } from './lib/context.ts';
import { notifyRightsHolder } from './lib/notify.ts';
import { once } from './lib/once.ts';
import { sendNoticeReceipt } from './lib/receipt.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';
import { type Windows, windowsFor } from './lib/windows.ts';

const input = taskInput({ step: z.literal('screen') });

export interface ScreenResult {
  /** `approve`: the policy's automated approval decided (fast lane, counterfeit, test buy). */
  next: 'review' | 'approve' | 'closed' | 'withdraw';
  reviewQueue: 'standard' | 'priority';
  windows: Windows & { parkSeconds: number };
  /** The automated decision, as a reviewer's would reach the workflow. */
  decision?: { decision: 'approve'; reasonCode: string; reasons: string; at: string };
}

/**
 * Screens one case automatically (DOMAIN.md lifecycle step 1).
 *
 * 1. Honour a recorded withdrawal.
 * 2. Look up the rights holder, the IP right, the listing on the marketplace, and any open case
 *    for the same listing and IP right.
 * 3. Apply the screening rules: accepted (record the listing's URL, title and seller, claim the
 *    open-case lock), rejected with a reason code, or a duplicate linked to the open case.
 * 4. A rejected or duplicate case is closed here, and the rights holder is told.
 * 5. An accepted case the policy approves without a human (a fast-lane notifier's counterfeit
 *    notice with a test-buy report) records that automated decision, and a sampled share of them
 *    opens a human audit in the `proactive` queue.
 * Idempotent: a retry after the write finds the case screened and answers from it.
 */
export async function handler(event: unknown): Promise<ScreenResult> {
  const { caseId } = parseTaskInput(input, event);
  let record = await loadCase(caseId);
  // A case parked while screening (marketplace down) is `action_failed` until screened.
  const unscreened =
    record.status === 'screening' ||
    (record.status === 'action_failed' && !record.sellerId && !record.closedAt);
  if (unscreened && !withdrawalRequested(record)) {
    await sendNoticeReceipt(record);
    await screenOnce(record);
    record = (await getCase(caseId))!;
  }
  const reviewQueue = record.reviewQueue ?? 'standard';
  const windows = {
    ...windowsFor(record.jurisdiction, policy),
    parkSeconds: 7 * 86_400,
    // The priority queue has its own SLA (policy.standing.fastLane.reviewSla).
    ...(reviewQueue === 'priority'
      ? { reviewSeconds: durationSeconds(policy.standing.fastLane.reviewSla) }
      : {}),
  };
  if (withdrawalRequested(record)) return { next: 'withdraw', reviewQueue, windows };
  if (isTerminal(record.status)) return { next: 'closed', reviewQueue, windows };
  const decision = record.decision as AutomatedDecisionRecord | undefined;
  if (decision?.automated && (record.epoch ?? 0) === 0) {
    const { decision: outcome, reasonCode, reasons, at } = decision;
    return {
      next: 'approve',
      reviewQueue,
      windows,
      decision: { decision: outcome, reasonCode, reasons, at },
    };
  }
  return { next: 'review', reviewQueue, windows };
}

async function screenOnce(record: CaseRecord): Promise<void> {
  const now = clock.now();
  const at = now.toISOString();
  const [rightsHolder, ipRight, listing, lockHolder, notice] = await Promise.all([
    getRightsHolder(record.rightsHolderId),
    getIpRight(record.ipRightId),
    marketplace().getListing(record.listingId),
    getOpenCaseLock(record.listingId, record.ipRightId),
    getNotice(record.noticeId),
  ]);
  const other = lockHolder && lockHolder !== record.caseId ? await getCase(lockHolder) : null;
  const outcome = screenCase({
    caseId: record.caseId,
    jurisdiction: record.jurisdiction,
    infringementType: record.infringementType,
    rightsHolder: rightsHolder ?? { rightsHolderId: record.rightsHolderId, status: 'rejected' },
    ipRight: ipRight ?? {
      ipRightId: record.ipRightId,
      rightsHolderId: '',
      kind: 'trademark',
      jurisdiction: record.jurisdiction,
      status: 'rejected',
    },
    listing,
    casesForListing: other
      ? [{ caseId: other.caseId, ipRightId: other.ipRightId, status: other.status }]
      : [],
    now,
  });
  const fastLaneOpen =
    outcome.outcome === 'accepted' && (await refreshFastLane(record.rightsHolderId, now)).open;
  // How to write to the seller: its address, language and time zone, from the marketplace.
  const account =
    outcome.outcome === 'accepted' ? await marketplace().getSeller(listing!.sellerId) : null;
  try {
    if (outcome.outcome === 'accepted') {
      await applyWorkflowStep(record.caseId, {
        stepKey: 'screen',
        at,
        from: ['screening', 'action_failed'],
        set: {
          sellerId: listing!.sellerId,
          listingUrl: listing!.url,
          listingTitle: listing!.title,
          // What `q` of GET /v1/cases matches: the title and the id, case-folded.
          searchText: `${listing!.title} ${record.listingId}`.toLowerCase(),
          listingCreatedAt: listing!.createdAt,
          // Trusted flaggers (DSA Art 22) and fast-lane notifiers go to the priority queue.
          reviewQueue: rightsHolder?.trustedFlagger || fastLaneOpen ? 'priority' : 'standard',
          ...(rightsHolder?.trustedFlagger ? { trustedFlagger: true } : {}),
          ...(fastLaneOpen ? { fastLane: true } : {}),
          gsi1pk: `SELLER#${listing!.sellerId}`,
          gsi1sk: `CASE#${record.createdAt}#${record.caseId}`,
        } as Partial<CaseRecord>,
        event: {
          type: 'screened',
          actor: WORKFLOW_ACTOR,
          detail: { outcome: 'accepted', automated: true },
        },
        also: [claimOpenCaseLockItem(record.listingId, record.ipRightId, record.caseId)],
      });
      await ensureSellerItem(listing!.sellerId, listing!.sellerEmail);
      if (account) await recordSellerContact(account.sellerId, account);
      const automated = approvedAutomatically({
        policy,
        fastLaneOpen,
        infringementType: record.infringementType,
        testBuy: notice?.testBuy !== undefined,
      });
      if (automated) await decideAutomatically((await getCase(record.caseId))!, now);
      return;
    }
    const closing =
      outcome.outcome === 'rejected'
        ? {
            status: 'rejected' as const,
            reasonCode: outcome.reasonCode,
            detail: {
              outcome: 'rejected',
              reasonCode: outcome.reasonCode,
              explanation: outcome.detail,
            },
            type: 'screening_rejected' as const,
          }
        : {
            status: 'duplicate' as const,
            reasonCode: 'duplicate',
            detail: { outcome: 'duplicate', duplicateOf: outcome.duplicateOf },
            type: 'duplicate_linked' as const,
          };
    await applyWorkflowStep(record.caseId, {
      stepKey: 'screen',
      at,
      from: ['screening', 'action_failed'],
      set: {
        status: closing.status,
        reasonCode: closing.reasonCode,
        closedAt: at,
        ...(outcome.outcome === 'duplicate' ? { duplicateOf: outcome.duplicateOf } : {}),
        ...(listing
          ? {
              listingUrl: listing.url,
              listingTitle: listing.title,
              listingCreatedAt: listing.createdAt,
            }
          : {}),
      },
      event: { type: closing.type, actor: WORKFLOW_ACTOR, detail: closing.detail },
    });
    await notifyRightsHolder(record, {
      step: 'screen',
      template: `case_${closing.status}`,
      message: {
        kind: 'listing_decision',
        facts: {
          caseId: record.caseId,
          noticeId: record.noticeId,
          listing: {
            listingId: record.listingId,
            ...(listing ? { title: listing.title, url: listing.url } : {}),
          },
          jurisdiction: record.jurisdiction,
          decidedAt: at,
          ...(outcome.outcome === 'duplicate'
            ? { outcome: 'duplicate', duplicateOf: outcome.duplicateOf }
            : {
                outcome: 'not_accepted',
                screeningReason: outcome.reasonCode,
                complaintUntil: addDuration(
                  now,
                  policy.profiles[record.jurisdiction].appealWindow,
                ).toISOString(),
              }),
        },
      },
    });
  } catch (error) {
    if (error instanceof StepAlreadyApplied) return;
    if (error instanceof CaseStateConflict && outcome.outcome === 'accepted') {
      // Another case claimed the open-case lock between our read and our write: screen again.
      logger.info('open-case lock taken concurrently; screening again', { caseId: record.caseId });
      const fresh = await getCase(record.caseId);
      if (fresh && !fresh.sellerId && !isTerminal(fresh.status)) return screenOnce(fresh);
      return;
    }
    throw error;
  }
}

/** The decision the policy takes without a human, as the case records it. */
type AutomatedDecisionRecord = NonNullable<CaseRecord['decision']> & {
  decision: 'approve';
  reasons: string;
  automated: true;
  basis: 'fast_lane_test_buy';
};

/**
 * Records the automated approval (DSA Art 17(3)(c): disclosed as an automated decision in the
 * statement of reasons and the Transparency Database), and opens the human audit for a sampled
 * share (policy `standing.fastLane.automatedApproval.auditSampleRate`).
 */
async function decideAutomatically(record: CaseRecord, now: Date): Promise<void> {
  const at = now.toISOString();
  const decision: AutomatedDecisionRecord = {
    decision: 'approve',
    reasonCode: 'counterfeit_goods',
    reasons: AUTOMATED_REASONS,
    reviewerId: WORKFLOW_ACTOR.id,
    automated: true,
    basis: 'fast_lane_test_buy',
    at,
  };
  const rules = policy.standing.fastLane.automatedApproval;
  const audited = sampledForAudit(record.caseId, rules.auditSampleRate);
  await once(() =>
    applyWorkflowStep(record.caseId, {
      stepKey: 'decided#automated',
      at,
      set: { decision },
      event: {
        type: 'decided',
        actor: WORKFLOW_ACTOR,
        detail: {
          decision: 'approve',
          reasonCode: decision.reasonCode,
          automated: true,
          basis: decision.basis,
          audit: audited,
        },
      },
      also: audited
        ? [
            putAuditTaskItem({
              taskId: auditTaskId(record),
              kind: 'audit',
              queue: 'proactive',
              caseId: record.caseId,
              noticeId: record.noticeId,
              listingId: record.listingId,
              ...(record.listingTitle ? { listingTitle: record.listingTitle } : {}),
              ...(record.sellerId ? { sellerId: record.sellerId } : {}),
              jurisdiction: record.jurisdiction,
              infringementType: record.infringementType,
              basis: decision.basis,
              createdAt: at,
              dueAt: addDuration(now, rules.auditSla).toISOString(),
            }),
          ]
        : [],
    }),
  );
}

/** What the parties read as the reasons of an automated approval. */
const AUTOMATED_REASONS =
  'Approved by automated means: the notice is a counterfeit notice backed by a test-buy report, from a notifier whose notices have been accurate (fast lane). A share of such decisions is audited by a person.';
