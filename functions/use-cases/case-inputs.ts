import {
  applyCaseStep,
  type CaseRecord,
  CaseStateConflict,
  epochScoped,
  getCase,
  getPendingTask,
  type PendingTask,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { openFollowUp, startFollowUp } from '../adapters/follow-ups.ts';
import type { CaseStatus, TimelineActor, TimelineEventType } from '../domain/case.ts';
import { CLOSED_WITH_LISTING_DOWN, TERMINAL_STATUSES } from '../domain/case.ts';
import type { CaseDecision } from '../domain/reason-codes.ts';
import { answerPendingTask, NotAwaitingInput } from './answer-pending-task.ts';
import { StateRefused } from './errors.ts';

const REVIEW_KINDS = ['review', 'escalated_review'] as const;

/** A reviewer's decision on a review (approve / reject / request_info) or a re-review (restore / uphold). */
export async function decide(
  caseId: string,
  reviewer: { role: 'reviewer' | 'admin'; id: string },
  body: {
    decision: CaseDecision;
    reasonCode: string;
    /** For the parties. */
    reasons: string;
    /** Internal: stays on the case record, never in the workflow's messages. */
    note?: string;
  },
): Promise<PendingTask> {
  const reReview = body.decision === 'restore' || body.decision === 'uphold';
  return answerPendingTask({
    caseId,
    kinds: reReview ? ['re_review'] : REVIEW_KINDS,
    actorId: reviewer.id,
    reviewerId: reviewer.id,
    // The workflow gets what the parties may read; the internal note is not part of it.
    output: () => ({
      type: 'decision',
      decision: body.decision,
      reasonCode: body.reasonCode,
      reasons: body.reasons,
      reviewerId: reviewer.id,
      at: clock.now().toISOString(),
    }),
    record: (_task, at) => ({
      set: {
        decision: {
          decision: body.decision,
          reasonCode: body.reasonCode,
          reasons: body.reasons,
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
  'appeal',
] as const;

/**
 * The rights holder withdraws a case (DOMAIN.md lifecycle step 8), at any time while the case is
 * open or its listing is down, also after it closed as `upheld` or `upheld_pending_court` (a
 * settlement). 409 once it is `withdrawn`, `restored`, `rejected`, `duplicate` or `abandoned`.
 */
export async function withdrawCase(caseId: string, rightsHolderId: string): Promise<void> {
  await requestUndo(caseId, {
    actor: { role: 'rights-holder', id: rightsHolderId },
    by: 'rights-holder',
    event: { type: 'withdrawal_requested', detail: {} },
  });
}

/** Who asks for a takedown to be undone before its time, and what the case records. */
export interface UndoRequest {
  actor: TimelineActor;
  /** What the workflow's wait receives as `by`. */
  by: 'rights-holder' | 'audit';
  /** Recorded with the request (e.g. the audit's reversal, which closes the case `restored`). */
  set?: Partial<CaseRecord>;
  event: { type: TimelineEventType; detail: Record<string, unknown> };
}

/**
 * Undoes a case's takedown before its time: a withdrawal, or an audit's reversal of an automated
 * decision. If the case waits on a token (its own run, or a follow-up's appeal or court-action
 * wait), the request completes that wait. Otherwise it is recorded on the case and the workflow
 * honours it at its next step; a closed case gets a follow-up execution that restores.
 * Idempotent: a request already recorded is not recorded again.
 *
 * @throws StateRefused (409) when the case is closed and its listing is not down.
 */
export async function requestUndo(
  caseId: string,
  request: UndoRequest,
  attempt = 0,
): Promise<void> {
  const answerWithUndo = () =>
    answerPendingTask({
      caseId,
      kinds: WITHDRAWABLE_KINDS,
      actorId: request.actor.id,
      output: () => ({ type: 'withdraw', by: request.by }),
      record: (_task, at) => ({
        set: { withdrawalRequestedAt: at, ...request.set },
        event: { type: request.event.type, actor: request.actor, detail: request.event.detail },
      }),
    });
  const record = await getCase(caseId);
  // A parked own-initiative case has no execution either: like a closed one, a follow-up restores.
  const closedDown =
    (CLOSED_WITH_LISTING_DOWN as readonly CaseStatus[]).includes(record?.status ?? 'withdrawn') ||
    (record?.source === 'own_initiative' && record.status === 'awaiting_counter_notice');
  if (
    !record ||
    ((TERMINAL_STATUSES as readonly CaseStatus[]).includes(record.status) && !closedDown)
  )
    throw new StateRefused('The case is closed and its listing is not down: nothing to withdraw.');
  if (record.withdrawalRequestedAt) return;
  if (await getPendingTask(caseId)) {
    try {
      await answerWithUndo();
      return;
    } catch (error) {
      if (!(error instanceof NotAwaitingInput)) throw error;
    }
  }
  const at = clock.now().toISOString();
  // A closed case with its listing down gets a follow-up that restores, unless one is open
  // (it honours the recorded withdrawal at its next step).
  const followUp =
    closedDown && !record.openFollowUp ? openFollowUp(record, 'withdrawal', at) : undefined;
  try {
    await applyCaseStep(caseId, {
      stepKey: epochScoped(record, 'withdrawal_requested'),
      at,
      from:
        record.status === 'screening' || record.status === 'taking_down' || closedDown
          ? [record.status]
          : undefined,
      set: { withdrawalRequestedAt: at, ...request.set, ...followUp?.step.set },
      ...(followUp ? { unless: followUp.step.unless, also: followUp.step.also } : {}),
      event: { type: request.event.type, actor: request.actor, detail: request.event.detail },
    });
  } catch (error) {
    if (error instanceof CaseStateConflict && attempt < 3) {
      // The case moved meanwhile: into a wait (answer it) or to a close (409).
      return requestUndo(caseId, request, attempt + 1);
    }
    if ((error as Error).name !== 'StepAlreadyApplied') throw error;
  }
  if (followUp) await startFollowUp(followUp.start);
  else if (await getPendingTask(caseId)) await answerWithUndo().catch(() => undefined);
}
