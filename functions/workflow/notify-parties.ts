import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { CaseRecord } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { dynamo } from '../adapters/dynamo-client.ts';
import { getEvidence } from '../adapters/evidence-store.ts';
import { putMessageCopy } from '../adapters/message-copies.ts';
import { getNotice } from '../adapters/notice-store.ts';
import { policy } from '../adapters/policy-source.ts';
import { getIpRight, getRightsHolder } from '../adapters/registry-store.ts';
import { getSeller, listStrikes, putSellerItem, putStrikeItem } from '../adapters/seller-store.ts';
import { puidOf, statementItem } from '../adapters/transparency-statements.ts';
import { counterNoticeDeadline, timeoutSecondsUntil } from '../domain/deadlines.ts';
import {
  type AutomatedDecision,
  buildStatementOfReasons,
  GLOBAL_SCOPE,
  type StatementOfReasons,
} from '../domain/statement-of-reasons.ts';
import { activeWeight, nextLadderStep } from '../domain/strikes.ts';
import { transparencyDatabaseRecord } from '../domain/transparency-database.ts';
import { loadCase, WORKFLOW_ACTOR, withdrawalRequested } from './lib/context.ts';
import { listingOf, notifyRightsHolder, notifySeller, partyReasons } from './lib/notify.ts';
import { once } from './lib/once.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const input = taskInput({
  step: z.literal('notify'),
  /** The reviewer's decision as the workflow received it (the API also records it on the case). */
  decision: z
    .object({
      reasons: z.string().optional(),
      at: z.string().optional(),
      reasonCode: z.string().optional(),
    })
    .loose()
    .nullish(),
});

/**
 * Tells the parties what happened, after the takedown and the strike.
 *
 * 1. Honour a recorded withdrawal.
 * 2. Compute the counter-notice deadline once (from the seller notice) and keep it on the case.
 * 3. Send the seller the statement of reasons (DSA Art 17(3)) in its language, with the measure
 *    applied, the ladder's next step, the counter-notice route and its deadline; keep the copy it
 *    got on the case; and send the rights holder the decision on the listing (DSA Art 16(5)).
 * 4. When the notice carries the DSA Art 23(1) warning, record when the seller was warned.
 * Only the decision's `reasons` reach the parties, never the reviewer's internal note.
 * Returns the seconds until the counter-notice deadline, for the state machine's wait.
 */
export async function handler(
  event: unknown,
): Promise<{ next: 'counter_notice' | 'withdraw'; counterNoticeSeconds: number }> {
  const { caseId, decision } = parseTaskInput(input, event);
  const record = await loadCase(caseId);
  const now = clock.now();
  if (withdrawalRequested(record)) return { next: 'withdraw', counterNoticeSeconds: 1 };
  const counterNoticeDueAt =
    record.deadlines.counterNoticeDueAt ??
    counterNoticeDeadline(now, record.jurisdiction, policy).counterNoticeDueAt;
  const [rightsHolder, ipRight, seller, strikes, notice] = await Promise.all([
    getRightsHolder(record.rightsHolderId),
    getIpRight(record.ipRightId),
    getSeller(record.sellerId!),
    listStrikes(record.sellerId!),
    getNotice(record.noticeId),
  ]);
  const evidence = await Promise.all((notice?.evidenceIds ?? []).map((id) => getEvidence(id)));
  const strike = strikes.find((s) => s.strikeId === record.strikeId);
  const measure = record.accountMeasure ?? 'none';
  const reasons = partyReasons(decision, record, ['approve']);
  const statement = buildStatementOfReasons({
    caseId,
    listing: {
      listingId: record.listingId,
      title: record.listingTitle ?? record.listingId,
      url: record.listingUrl ?? '',
    },
    jurisdiction: record.jurisdiction,
    infringementType: record.infringementType,
    ipRight: {
      kind: ipRight?.kind ?? 'trademark',
      title: ipRight?.title ?? record.ipRightId,
      ...(ipRight?.registrationNumber ? { registrationNumber: ipRight.registrationNumber } : {}),
    },
    source: record.source,
    ...(rightsHolder
      ? {
          notifier: {
            name: rightsHolder.legalName,
            email: rightsHolder.email,
            trustedFlagger: Boolean(rightsHolder.trustedFlagger),
          },
        }
      : {}),
    accountMeasure: measure,
    ...(strike ? { strikeExpiresAt: strike.expiresAt } : {}),
    ...(seller?.suspensionReview ? { accountContext: { suspensionReviewOpen: true } } : {}),
    carriesWarning: record.carriesWarning ?? false,
    ...withNextStep(nextLadderStep(measure, activeWeight(strikes, now), policy)),
    automated: automatedMeansOf(record),
    considered: {
      ...(notice?.explanation ? { explanation: notice.explanation } : {}),
      evidence: evidence.map((item) => ({
        ...(item?.fileName ? { fileName: item.fileName } : {}),
      })),
      ...(notice?.testBuy || record.testBuy ? { testBuy: true } : {}),
    },
    territorialScope: GLOBAL_SCOPE,
    decidedAt: new Date(decision?.at ?? record.decision?.at ?? now.toISOString()),
    ...(reasons ? { reviewerExplanation: reasons } : {}),
    counterNoticeDueAt,
    policy,
  });
  // DSA Art 24(5): an EU statement is kept for the Transparency Database, validated with its rules.
  const forDatabase =
    record.jurisdiction === 'EU'
      ? [
          statementItem(
            transparencyDatabaseRecord(statement, {
              puid: puidOf(caseId, record.epoch),
              infringementType: record.infringementType,
              trustedFlagger: Boolean(record.trustedFlagger),
              contentDate: record.listingCreatedAt ?? '',
            }),
            now.toISOString(),
          ),
        ]
      : [];
  await once(() =>
    applyWorkflowStep(caseId, {
      stepKey: 'notify',
      at: now.toISOString(),
      set: {
        deadlines: { ...record.deadlines, counterNoticeDueAt },
        statementOfReasons: statement as unknown as Record<string, unknown>,
      },
      ...(forDatabase.length > 0 ? { also: forDatabase } : {}),
      event: {
        type: 'seller_notified',
        actor: WORKFLOW_ACTOR,
        detail: { counterNoticeDueAt, measure, statementOfReasons: true },
      },
    }),
  );
  const sent = await notifySeller(record, {
    step: 'notify',
    template: 'statement_of_reasons',
    message: {
      kind: 'statement_of_reasons',
      facts: {
        statement,
        ...(notice
          ? {
              notice: {
                explanation: notice.explanation,
                evidenceCount: notice.evidenceIds?.length ?? 0,
              },
            }
          : {}),
      },
    },
  });
  if (sent) await keepSellerCopy(statement, sent, now);
  await notifyRightsHolder(record, {
    step: 'notify',
    template: 'takedown_done',
    message: {
      kind: 'listing_decision',
      facts: {
        caseId,
        noticeId: record.noticeId,
        listing: listingOf(record),
        jurisdiction: record.jurisdiction,
        decidedAt: statement.decidedAt,
        outcome: 'taken_down',
        ...(reasons ? { reasons } : {}),
        ...(statement.automatedMeans.decision === 'fully' ? { automatedDecision: true } : {}),
        counterNoticeDueAt,
      },
    },
  });
  if (
    record.carriesWarning &&
    seller &&
    (!seller.warnedAt || seller.warnedAt < (strike?.createdAt ?? ''))
  ) {
    // The warning is kept on the strike too: conduct after it counts toward escalation (ladder.ts).
    const warned =
      strike && !strike.warningSentAt ? { ...strike, warningSentAt: now.toISOString() } : undefined;
    await dynamo
      .send(
        new TransactWriteCommand({
          TransactItems: [
            putSellerItem({ ...seller, warnedAt: now.toISOString() }, seller.version),
            ...(warned ? [putStrikeItem(seller.sellerId, warned)] : []),
          ],
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'TransactionCanceledException') throw error;
        throw Object.assign(new Error('seller changed concurrently'), { name: 'TransientError' });
      });
  }
  return {
    next: 'counter_notice',
    counterNoticeSeconds: timeoutSecondsUntil(counterNoticeDueAt, now),
  };
}

/**
 * How far automated means took the decision, as it happened (DSA Art 17(3)(c)): detection is
 * automated for the platform's own screening, never for a notice; the decision is automated
 * only when no reviewer took it (a policy's automated approval records `automated` on it).
 */
function automatedMeansOf(record: CaseRecord): { detection: boolean; decision: AutomatedDecision } {
  const decision = record.decision as
    | (CaseRecord['decision'] & { automated?: boolean })
    | undefined;
  return {
    // A test buy is detected by a person who ordered the goods, not by automated means.
    detection: record.source === 'own_initiative' && !record.testBuy,
    decision: decision?.automated ? 'fully' : 'not_automated',
  };
}

function withNextStep(step: ReturnType<typeof nextLadderStep>) {
  return step ? { nextStep: step } : {};
}

/** Keeps the statement as the seller got it, so the seller centre can show it again. */
async function keepSellerCopy(
  statement: StatementOfReasons,
  sent: NonNullable<Awaited<ReturnType<typeof notifySeller>>>,
  now: Date,
): Promise<void> {
  await putMessageCopy({
    caseId: statement.caseId,
    template: 'statement_of_reasons',
    role: 'seller',
    locale: sent.audience.locale,
    timeZone: sent.audience.timeZone,
    ...sent.email,
    renderedAt: now.toISOString(),
  });
}
