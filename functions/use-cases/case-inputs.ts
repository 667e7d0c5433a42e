import {
  applyCaseStep,
  CaseStateConflict,
  getCase,
  getPendingTask,
  type PendingTask,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { tableName } from '../adapters/dynamo-client.ts';
import { keys } from '../adapters/keys.ts';
import type { CaseStatus } from '../domain/case.ts';
import { TERMINAL_STATUSES } from '../domain/case.ts';
import { answerPendingTask, NotAwaitingInput } from './answer-pending-task.ts';

const REVIEW_KINDS = ['review', 'escalated_review'] as const;

/** A reviewer's decision on a review (approve / reject / request_info) or a re-review (restore / uphold). */
export async function decide(
  caseId: string,
  reviewer: { role: 'reviewer' | 'admin'; id: string },
  body: {
    decision: 'approve' | 'reject' | 'request_info' | 'restore' | 'uphold';
    reasonCode: string;
    /** For the parties: quoted in their messages. */
    reasons?: string;
    /** Internal: never sent to a party. */
    note?: string;
  },
): Promise<PendingTask> {
  const reReview = body.decision === 'restore' || body.decision === 'uphold';
  return answerPendingTask({
    caseId,
    kinds: reReview ? ['re_review'] : REVIEW_KINDS,
    actorId: reviewer.id,
    output: () => ({
      type: 'decision',
      decision: body.decision,
      reasonCode: body.reasonCode,
      ...(body.reasons ? { reasons: body.reasons } : {}),
      note: body.note,
      reviewerId: reviewer.id,
      at: clock.now().toISOString(),
    }),
    record: (_task, at) => ({
      set: {
        decision: {
          decision: body.decision,
          reasonCode: body.reasonCode,
          ...(body.reasons ? { reasons: body.reasons } : {}),
          ...(body.note ? { note: body.note } : {}),
          reviewerId: reviewer.id,
          at,
        },
      },
      event: {
        type: 'decided',
        actor: reviewer,
        detail: { decision: body.decision, reasonCode: body.reasonCode, reReview },
      },
    }),
  });
}

/** The rights holder's answer to a request for information. */
export async function provideInfo(
  caseId: string,
  rightsHolderId: string,
  body: { explanation: string; evidenceIds: string[] },
): Promise<PendingTask> {
  return answerPendingTask({
    caseId,
    kinds: ['info'],
    actorId: rightsHolderId,
    output: () => ({ type: 'info', evidenceIds: body.evidenceIds }),
    record: () => ({
      event: {
        type: 'info_received',
        actor: { role: 'rights-holder', id: rightsHolderId },
        detail: { explanation: body.explanation, evidenceIds: body.evidenceIds },
      },
    }),
  });
}

export interface CounterNoticeBody {
  statement: string;
  underPenaltyOfPerjury?: boolean;
  consentToJurisdiction?: boolean;
  contact: { name: string; address: string; phone: string; email: string };
  signature: { fullName: string; signedAt: string };
  evidenceIds: string[];
}

/**
 * The seller's counter-notice. Its contact details are personal data: they go to the case's
 * counter-notice item (forwarded to the rights holder as the law requires), never to the timeline.
 */
export async function counterNotify(
  caseId: string,
  sellerId: string,
  body: CounterNoticeBody,
): Promise<PendingTask> {
  return answerPendingTask({
    caseId,
    kinds: ['counter_notice'],
    actorId: sellerId,
    output: () => ({ type: 'counter_notice' }),
    record: (_task, at) => ({
      event: {
        type: 'counter_notice_received',
        actor: { role: 'seller', id: sellerId },
        detail: { evidenceIds: body.evidenceIds },
      },
      also: [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.counterNotice(caseId),
              type: 'CounterNotice',
              sellerId,
              receivedAt: at,
              ...body,
            },
          },
        },
      ],
    }),
  });
}

/** The rights holder reports a court action (or an authority complaint): the listing stays down. */
export async function reportCourtAction(
  caseId: string,
  rightsHolderId: string,
  body: { filedAt: string; court: string; reference: string; evidenceIds: string[] },
): Promise<PendingTask> {
  return answerPendingTask({
    caseId,
    kinds: ['court_action'],
    actorId: rightsHolderId,
    output: () => ({ type: 'court_action' }),
    record: () => ({
      event: {
        type: 'court_action_reported',
        actor: { role: 'rights-holder', id: rightsHolderId },
        detail: body,
      },
    }),
  });
}

/** A reviewer resumes a case parked in `action_failed`. */
export async function retryCase(
  caseId: string,
  reviewer: { role: 'reviewer' | 'admin'; id: string },
): Promise<PendingTask> {
  return answerPendingTask({
    caseId,
    kinds: ['retry'],
    actorId: reviewer.id,
    output: () => ({ type: 'retry' }),
    record: (task) => ({
      event: { type: 'action_retried', actor: reviewer, detail: { failedStep: task.parkedAt } },
    }),
  });
}

const WITHDRAWABLE_KINDS = [
  'review',
  'escalated_review',
  'info',
  'counter_notice',
  'court_action',
  're_review',
  'retry',
] as const;

/**
 * The rights holder withdraws a case (DOMAIN.md lifecycle step 8). If the case waits on a token,
 * the withdrawal completes that wait. Otherwise it is recorded on the case and the workflow honours
 * it at its next step; a wait opened meanwhile is completed here too. A closed case → 409.
 */
export async function withdrawCase(
  caseId: string,
  rightsHolderId: string,
  attempt = 0,
): Promise<void> {
  const actor = { role: 'rights-holder' as const, id: rightsHolderId };
  const answerWithWithdrawal = () =>
    answerPendingTask({
      caseId,
      kinds: WITHDRAWABLE_KINDS,
      actorId: rightsHolderId,
      output: () => ({ type: 'withdraw', by: 'rights-holder' }),
      record: (_task, at) => ({
        set: { withdrawalRequestedAt: at },
        event: { type: 'withdrawal_requested', actor, detail: {} },
      }),
    });
  const record = await getCase(caseId);
  if (!record || (TERMINAL_STATUSES as readonly CaseStatus[]).includes(record.status))
    throw new NotAwaitingInput(`case ${caseId} is closed`);
  if (record.withdrawalRequestedAt) return;
  if (await getPendingTask(caseId)) {
    try {
      await answerWithWithdrawal();
      return;
    } catch (error) {
      if (!(error instanceof NotAwaitingInput)) throw error;
    }
  }
  const at = clock.now().toISOString();
  try {
    await applyCaseStep(caseId, {
      stepKey: 'withdrawal_requested',
      at,
      from:
        record.status === 'screening' || record.status === 'taking_down'
          ? [record.status]
          : undefined,
      set: { withdrawalRequestedAt: at },
      event: { type: 'withdrawal_requested', actor, detail: {} },
    });
  } catch (error) {
    if (error instanceof CaseStateConflict && attempt < 3) {
      // The case moved meanwhile: into a wait (answer it) or to a close (409).
      return withdrawCase(caseId, rightsHolderId, attempt + 1);
    }
    if ((error as Error).name !== 'StepAlreadyApplied') throw error;
  }
  if (await getPendingTask(caseId)) await answerWithWithdrawal().catch(() => undefined);
}
