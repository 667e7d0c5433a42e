import {
  type AppealRecord,
  appealNoteItem,
  getAppeal,
  listAppeals,
  putAppealItem,
} from '../adapters/appeal-store.ts';
import { startCaseExecution } from '../adapters/case-execution.ts';
import { clearPendingStart, pendingStartMarker } from '../adapters/case-start-outbox.ts';
import {
  applyCaseStep,
  type CaseRecord,
  CaseStateConflict,
  epochScoped,
  getCase,
  getItem,
  getPendingTask,
  getTimeline,
  type PendingTask,
  StepAlreadyApplied,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { tableName } from '../adapters/dynamo-client.ts';
import { countOutboxEvent, type OutboxEvent, outboxItem } from '../adapters/event-outbox.ts';
import { openFollowUp, startFollowUp } from '../adapters/follow-ups.ts';
import { keys } from '../adapters/keys.ts';
import { logger } from '../adapters/logger.ts';
import { policy } from '../adapters/policy-source.ts';
import {
  type AppealBody,
  type AppealDecisionBody,
  AppealRefused,
  type AppellantRole,
  appealableDecision,
  appealIdOf,
} from '../domain/appeals.ts';
import type { CounterNotice } from '../domain/counter-notice.ts';
import { durationSeconds } from '../domain/duration.ts';
import { DomainRuleError } from '../domain/errors.ts';
import { counterNoticeMode } from '../domain/policy.ts';
import { tallyAppealDecided, tallyAppealFiled } from '../domain/transparency-counts.ts';
import { answerPendingTask, NotAwaitingInput } from './answer-pending-task.ts';
import { StateRefused } from './errors.ts';

/**
 * Redress after a decision (DOMAIN.md steps 6-9): counter-notices in the window and after it,
 * court actions racing the restore, and appeals. What runs for months never waits inside the
 * case's own execution: a late counter-notice and an appeal each start a follow-up execution.
 */

/**
 * The seller's counter-notice. Its contact details are personal data: they go to the case's
 * counter-notice item (forwarded to the rights holder as the law requires), never to the timeline.
 * - In the window: answers the case's wait; the workflow forwards it and runs its mode.
 * - After the window, while the listing is down (`upheld`): US copyright and CN run the
 *   statutory timer as if it had come in time (a follow-up execution); EU and US non-copyright
 *   handle it as an appeal against the takedown.
 *
 * @throws StateRefused (409) when the listing is not down or a counter-notice is being handled.
 */
export async function counterNotify(
  caseId: string,
  sellerId: string,
  body: CounterNotice,
): Promise<{ status: 'counter_notice_received' | 'appeal_filed'; appealId?: string }> {
  const pending = await getPendingTask(caseId);
  if (pending?.kind === 'counter_notice') {
    try {
      await answerInWindow(caseId, sellerId, body);
      return { status: 'counter_notice_received' };
    } catch (error) {
      // The window closed meanwhile: the counter-notice is late, not refused.
      if (!(error instanceof NotAwaitingInput)) throw error;
    }
  }
  const record = await getCase(caseId);
  if (!record) throw new NotAwaitingInput(`case ${caseId} not found`);
  if (record.source === 'own_initiative' && record.status === 'awaiting_counter_notice') {
    await counterNotifyParked(record, sellerId, body);
    return { status: 'counter_notice_received' };
  }
  if (record.status !== 'upheld') {
    throw new StateRefused(
      record.status === 'upheld_pending_court'
        ? 'A court action was reported: the listing stays down until the court decides.'
        : record.status === 'awaiting_court_action' || record.status === 'awaiting_re_review'
          ? 'A counter-notice is already being handled for this case.'
          : 'The listing is not down under this case.',
    );
  }
  if (await getItem(keys.counterNotice(caseId))) {
    throw new StateRefused(
      'A counter-notice was already handled for this case; you may appeal the decision instead.',
    );
  }
  const at = clock.now().toISOString();
  const counterNoticeItem = counterNoticeItemOf(caseId, sellerId, at, body, { late: true });
  // Own initiative: no notifier to forward it to or to sue; a person re-examines it (DSA Art 20).
  const mode =
    record.source === 'own_initiative'
      ? 're_review'
      : counterNoticeMode(record.jurisdiction, record.infringementType, policy);
  if (mode === 're_review') {
    const appeal = await fileAppeal(
      record,
      { role: 'seller', id: sellerId },
      { against: 'takedown', grounds: body.statement, evidenceIds: body.evidenceIds },
      { fromCounterNotice: true, also: [counterNoticeItem] },
    );
    return { status: 'appeal_filed', appealId: appeal.appealId };
  }
  const { step, start } = openFollowUp(record, 'counter_notice', at);
  await applyOrRefuse(record, {
    stepKey: `counter_notice_late#${start.followUpId}`,
    at,
    from: ['upheld'],
    ...step,
    also: [...(step.also ?? []), counterNoticeItem],
    event: {
      type: 'counter_notice_received',
      actor: { role: 'seller', id: sellerId },
      detail: { evidenceIds: body.evidenceIds, late: true },
    },
  });
  await startFollowUp(start);
  return { status: 'counter_notice_received' };
}

/**
 * A counter-notice in the window of a parked own-initiative case (no execution holds it): there is
 * no notifier to forward it to or to sue, so a person re-examines the decision (re-review, DSA
 * Art 20). The counter-notice is recorded and the case leaves the parked index in one step, which
 * also marks it for its start (the case-start outbox: the reconciler starts what a crash left);
 * then the notice path's machine starts at the counter-notice's resolution, by the case's name,
 * so a retry starts nothing twice. The machine opens the re-review (the status becomes
 * `awaiting_re_review` there, as on the notice path); the reviewer restores or upholds.
 */
async function counterNotifyParked(record: CaseRecord, sellerId: string, body: CounterNotice) {
  const at = clock.now().toISOString();
  const executionInput = JSON.stringify({ v: 1, caseId: record.caseId, entry: 'counter_notice' });
  try {
    await applyCaseStep(record.caseId, {
      stepKey: epochScoped(record, 'counter_notice_received'),
      at,
      from: ['awaiting_counter_notice'],
      unless: ['counterNoticeMode'],
      set: {
        counterNoticeMode: 're_review',
        ...pendingStartMarker(record.caseId, at, executionInput),
      } as Partial<CaseRecord>,
      also: [counterNoticeItemOf(record.caseId, sellerId, at, body)],
      event: {
        type: 'counter_notice_received',
        actor: { role: 'seller', id: sellerId },
        detail: { evidenceIds: body.evidenceIds },
      },
    });
  } catch (error) {
    if (error instanceof StepAlreadyApplied || error instanceof CaseStateConflict)
      throw new StateRefused('A counter-notice is already being handled for this case.');
    throw error;
  }
  try {
    await startCaseExecution(record.caseId, executionInput);
    await clearPendingStart(record.caseId);
  } catch (error) {
    // The marker stays: the reconciler starts it within minutes.
    logger.warn('counter-notice execution not started; the reconciler will start it', {
      caseId: record.caseId,
      error: (error as Error).name,
    });
  }
}

function answerInWindow(caseId: string, sellerId: string, body: CounterNotice) {
  return answerPendingTask({
    caseId,
    kinds: ['counter_notice'],
    actorId: sellerId,
    output: () => ({ type: 'counter_notice' }),
    // Written with the claim, before the workflow resumes: the next step forwards it and counts
    // the statutory clock from its receipt, so it must already be there.
    prepare: (_task, at) => [counterNoticeItemOf(caseId, sellerId, at, body)],
    record: () => ({
      event: {
        type: 'counter_notice_received',
        actor: { role: 'seller', id: sellerId },
        detail: { evidenceIds: body.evidenceIds },
      },
    }),
  });
}

/**
 * The write of the seller's counter-notice: with its contact, personal data kept on its own item
 * (forwarded to the rights holder as the law requires), never on the timeline.
 */
function counterNoticeItemOf(
  caseId: string,
  sellerId: string,
  receivedAt: string,
  body: CounterNotice,
  extra: { late?: true } = {},
) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.counterNotice(caseId),
        type: 'CounterNotice',
        sellerId,
        receivedAt,
        ...extra,
        ...body,
      },
    },
  };
}

/** A court action or authority complaint, as the rights holder reports it (API.md). */
export interface CourtActionReport {
  filedAt: string;
  court: string;
  reference: string;
  kind: 'lawsuit' | 'authority_complaint';
  evidenceIds: string[];
}

/**
 * The rights holder reports a court action (or, in China, an authority complaint): the listing
 * stays down and the case closes as `upheld_pending_court`. Accepted while the case awaits it, up
 * to the moment the restore starts, also after the deadline passed: the report is recorded on the
 * case on condition that no restore started, and the restore starts on condition that no report
 * is recorded, so of the two exactly one wins, once. The wait, if still open, is answered too.
 *
 * @throws DomainRuleError (422) for an authority complaint outside China: §512(g)(2)(C) keeps
 *   the material down only for "an action seeking a court order".
 * @throws StateRefused (409) when the case does not await it or the restore has started.
 */
export async function reportCourtAction(
  caseId: string,
  rightsHolderId: string,
  report: CourtActionReport,
): Promise<void> {
  const record = await getCase(caseId);
  if (!record) throw new NotAwaitingInput(`case ${caseId} not found`);
  if (report.kind === 'authority_complaint' && record.jurisdiction !== 'CN') {
    throw new DomainRuleError(
      'court_action_required',
      'Only a court action keeps the listing down here: 17 U.S.C. §512(g)(2)(C) names "an action seeking a court order". An authority complaint counts under Chinese law (E-Commerce Law Art 43).',
      [{ path: 'kind', message: 'Must be lawsuit for this case' }],
    );
  }
  if (record.status !== 'awaiting_court_action') {
    throw new StateRefused('The case does not await a court action.');
  }
  const at = clock.now().toISOString();
  const courtAction = { ...report, reportedAt: at };
  try {
    await applyCaseStep(caseId, {
      stepKey: epochScoped(record, 'court_action_reported'),
      at,
      from: ['awaiting_court_action'],
      unless: ['restoreStartedAt', 'courtAction'],
      set: { courtAction },
      event: {
        type: 'court_action_reported',
        actor: { role: 'rights-holder', id: rightsHolderId },
        detail: courtAction,
      },
    });
  } catch (error) {
    if (error instanceof CaseStateConflict || error instanceof StepAlreadyApplied) {
      throw new StateRefused(
        'The restore of the listing has started, or a court action was reported already.',
      );
    }
    throw error;
  }
  // The wait may still be open: end it now rather than at its deadline. If its deadline fired
  // meanwhile, the restore step finds the report and closes the case as upheld pending court.
  await answerPendingTask({
    caseId,
    kinds: ['court_action'],
    actorId: rightsHolderId,
    output: () => ({ type: 'court_action' }),
    record: () => ({}),
  }).catch((error: unknown) => {
    if (!(error instanceof NotAwaitingInput)) throw error;
  });
}

/** The appeal's options beyond the filing: a counter-notice handled as one, and more writes. */
interface FileOptions {
  fromCounterNotice?: boolean;
  also?: NonNullable<Parameters<typeof applyCaseStep>[1]['also']>;
}

/**
 * Files an appeal (DSA Art 20): the seller against a takedown, strike or account measure, the
 * notifier against a rejection or a restore, within `appealWindow` of that decision. The appeal
 * is recorded with its case's follow-up, whose execution waits for a reviewer in the `appeals`
 * queue (within the re-review SLA, then overdue alarms).
 *
 * @throws StateRefused (409) outside the window, for a decision the case did not take, while a
 *   follow-up of the case is open, or when this decision was appealed before.
 */
export async function fileAppeal(
  record: CaseRecord,
  appellant: { role: AppellantRole; id: string },
  body: AppealBody,
  options: FileOptions = {},
): Promise<AppealRecord> {
  const now = clock.now();
  let decision: ReturnType<typeof appealableDecision>;
  try {
    decision = appealableDecision(record, appellant.role, body.against, now, policy);
  } catch (error) {
    if (error instanceof AppealRefused) throw new StateRefused(error.message);
    throw error;
  }
  const earlier = (await listAppeals(record.caseId)).find(
    (appeal) =>
      appeal.appellant.role === appellant.role &&
      appeal.against === body.against &&
      appeal.decisionUnderAppeal.decidedAt === decision.decidedAt,
  );
  if (earlier) {
    throw new StateRefused(
      earlier.status === 'open'
        ? 'An appeal of yours against this decision is open.'
        : 'Your appeal against this decision was decided; out-of-court settlement and the courts remain open.',
    );
  }
  const at = now.toISOString();
  const n = (record.followUps ?? 0) + 1;
  const appealId = appealIdOf(record.caseId, n);
  const slaSeconds = durationSeconds(policy.profiles[record.jurisdiction].reReviewSla);
  const { step, start } = openFollowUp(record, 'appeal', at, { appealId, slaSeconds }, appealId);
  const appeal: AppealRecord = {
    appealId,
    caseId: record.caseId,
    followUpId: start.followUpId,
    appellant,
    against: body.against,
    grounds: body.grounds,
    evidenceIds: body.evidenceIds,
    status: 'open',
    filedAt: at,
    decisionUnderAppeal: decision,
    ...(options.fromCounterNotice ? { fromCounterNotice: true } : {}),
  };
  // Counted for the transparency report (DSA Art 24(1)(a)) from its outbox event.
  const counted: OutboxEvent = {
    subject: record.caseId,
    stepKey: `appeal_filed#${appealId}`,
    at,
    tally: tallyAppealFiled(appellant.role, at),
  };
  await applyOrRefuse(record, {
    stepKey: `appeal_filed#${appealId}`,
    at,
    from: [record.status],
    ...step,
    also: [
      ...(step.also ?? []),
      putAppealItem(appeal),
      outboxItem(counted),
      ...(options.also ?? []),
    ],
    event: {
      type: 'appeal_filed',
      actor: appellant,
      detail: {
        appealId,
        against: body.against,
        evidenceIds: body.evidenceIds,
        ...(options.fromCounterNotice ? { fromCounterNotice: true } : {}),
      },
    },
  });
  await startFollowUp(start);
  await countOutboxEvent(counted);
  return appeal;
}

/** Applies a follow-up's opening step; a case that moved, or has a follow-up open, → 409. */
async function applyOrRefuse(
  record: CaseRecord,
  step: Parameters<typeof applyCaseStep>[1],
): Promise<void> {
  try {
    await applyCaseStep(record.caseId, step);
  } catch (error) {
    if (error instanceof CaseStateConflict || error instanceof StepAlreadyApplied) {
      throw new StateRefused(
        'The case changed meanwhile, or a counter-notice, appeal or withdrawal of it is being handled.',
      );
    }
    throw error;
  }
}

/** The reviewers who took a decision on the case: none of them may decide an appeal of it. */
async function decidersOf(caseId: string): Promise<Set<string>> {
  const timeline = await getTimeline(caseId);
  return new Set(
    timeline
      .filter((event) => event.type === 'decided' || event.type === 'appeal_decided')
      .map((event) => event.actor.id),
  );
}

/**
 * A reviewer decides an appeal through the follow-up's wait (the backend holds the token). Never
 * a reviewer who took a decision on the case (422).
 *
 * @throws StateRefused (409) when the appeal is not open or its wait is not open yet.
 */
export async function decideAppeal(
  appealId: string,
  reviewer: { role: 'reviewer' | 'admin'; id: string },
  body: AppealDecisionBody,
): Promise<PendingTask> {
  const appeal = await getAppeal(appealId);
  if (!appeal) throw new NotAwaitingInput(`appeal ${appealId} not found`);
  if (appeal.status !== 'open') throw new StateRefused('The appeal was decided already.');
  if ((await decidersOf(appeal.caseId)).has(reviewer.id)) {
    throw new DomainRuleError(
      'decider_of_appealed_decision',
      'An appeal is decided by a reviewer who took no decision on the case (DSA Art 20(4)).',
    );
  }
  const task = await getPendingTask(appeal.caseId);
  if (task?.kind !== 'appeal' || task.appealId !== appealId) {
    throw new StateRefused('The appeal is not in the review queue yet; try again shortly.');
  }
  let counted: OutboxEvent | undefined;
  const answered = await answerPendingTask({
    caseId: appeal.caseId,
    kinds: ['appeal'],
    actorId: reviewer.id,
    reviewerId: reviewer.id,
    output: () => ({
      type: 'appeal_decision',
      appealId,
      decision: body.decision,
      reasonCode: body.reasonCode,
      reasons: body.reasons,
      reviewerId: reviewer.id,
      at: clock.now().toISOString(),
    }),
    record: (_, at) => {
      // Counted with its handling time (DSA Art 24(1)(a)) from its outbox event.
      counted = {
        subject: appeal.caseId,
        stepKey: `appeal_decided#${appealId}`,
        at,
        tally: tallyAppealDecided(body.decision, appeal.filedAt, at),
      };
      return {
        event: {
          type: 'appeal_decided',
          actor: reviewer,
          detail: { appealId, decision: body.decision, reasonCode: body.reasonCode },
        },
        also: [outboxItem(counted), ...(body.note ? [appealNoteItem(appeal, body.note)] : [])],
      };
    },
  });
  if (counted) await countOutboxEvent(counted);
  return answered;
}
