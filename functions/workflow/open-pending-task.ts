import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import {
  type CaseRecord,
  epochScoped,
  getCase,
  type PendingTask,
  putPendingTaskItem,
  StepAlreadyApplied,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import { keys, statusPartition } from '../adapters/keys.ts';
import { logger } from '../adapters/logger.ts';
import { getRightsHolder } from '../adapters/registry-store.ts';
import { caseTaskId } from '../adapters/review-claims.ts';
import { completeTask } from '../adapters/task-callback.ts';
import type { CaseStatus, TimelineEventType } from '../domain/case.ts';
import type { DeadlineKey } from '../domain/deadlines.ts';
import { alertReviewers } from './lib/alert-reviewers.ts';
import { loadCase, WORKFLOW_ACTOR, withdrawalRequested } from './lib/context.ts';
import { listingOf, notifyRightsHolder, partyReasons } from './lib/notify.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const KINDS = [
  'review',
  'escalated_review',
  'info',
  'counter_notice',
  'court_action',
  're_review',
  'retry',
  'appeal',
] as const;
type Kind = (typeof KINDS)[number];

const input = taskInput({
  kind: z.enum(KINDS),
  stepKey: z.string().min(1).max(200),
  taskToken: z.string().min(1).max(2048),
  timeoutSeconds: z.number().int().min(1),
  queue: z.string().min(1).max(40).optional(),
  parkedAt: z.string().max(80).optional(),
  failure: z.object({ Error: z.string(), Cause: z.string().optional() }).nullish(),
  /** For an appeal's wait: the appeal to decide. */
  appealId: z.string().min(1).max(200).optional(),
  /** For a request for information: the reviewer's decision that asked for it. */
  decision: z.object({ reasons: z.string().optional() }).loose().nullish(),
});

/**
 * What each wait means for the case: its status, its deadline key, its timeline event. An
 * appeal's wait leaves the case's status as it is (the appeal has its own status).
 */
const WAITS: Record<
  Kind,
  { status?: CaseStatus; deadline?: DeadlineKey; event?: TimelineEventType }
> = {
  review: { status: 'awaiting_review', deadline: 'reviewDueAt', event: 'review_requested' },
  escalated_review: {
    status: 'escalated_review',
    deadline: 'reviewDueAt',
    event: 'review_escalated',
  },
  info: { status: 'awaiting_info', deadline: 'infoDueAt', event: 'info_requested' },
  counter_notice: { status: 'awaiting_counter_notice', deadline: 'counterNoticeDueAt' },
  court_action: { status: 'awaiting_court_action', deadline: 'courtActionDueAt' },
  re_review: {
    status: 'awaiting_re_review',
    deadline: 'reReviewDueAt',
    event: 're_review_requested',
  },
  retry: { status: 'action_failed', event: 'action_failed' },
  appeal: {},
};

/**
 * Opens a wait on people (a `.waitForTaskToken` task): review, escalated review, request for
 * information, counter-notice window, court-action window, re-review, or an operator's retry.
 *
 * 1. Store the task token on the case's pending-task item (server-side only; never returned or
 *    logged), with its queue and due time, and move the case to the wait's status, with the
 *    deadline and a timeline event, in one transaction.
 * 2. If the rights holder already asked to withdraw, complete the wait at once with the withdrawal.
 * 3. Tell whoever must act (e.g. the rights holder, for a request for information).
 * A retry of the same step writes the event once and stores the newest token.
 */
export async function handler(event: unknown): Promise<{ waiting: true }> {
  const task = parseTaskInput(input, event);
  const record = await loadCase(task.caseId);
  const now = clock.now();
  const at = now.toISOString();
  const wait = WAITS[task.kind];
  const dueAt = new Date(now.getTime() + task.timeoutSeconds * 1000).toISOString();
  const rightsHolder = task.queue ? await getRightsHolder(record.rightsHolderId) : null;
  const pending: PendingTask = {
    caseId: record.caseId,
    taskId: caseTaskId(record.caseId, epochScoped(record, task.stepKey)),
    kind: task.kind,
    ...(task.queue ? { queue: task.queue } : {}),
    token: task.taskToken,
    stepKey: task.stepKey,
    createdAt: at,
    dueAt,
    noticeId: record.noticeId,
    ...(record.source === 'own_initiative' ? { source: record.source } : {}),
    listingId: record.listingId,
    infringementType: record.infringementType,
    jurisdiction: record.jurisdiction,
    ...(task.parkedAt ? { parkedAt: task.parkedAt } : {}),
    ...(task.appealId ? { appealId: task.appealId } : {}),
    ...(record.listingTitle ? { listingTitle: record.listingTitle } : {}),
    ...(record.sellerId ? { sellerId: record.sellerId } : {}),
    ...(rightsHolder ? { rightsHolderName: rightsHolder.legalName } : {}),
  };
  // The counter-notice, court-action and re-review deadlines were computed by the step before
  // the wait (from the seller notice or the counter-notice's receipt): keep them as computed.
  const computedBefore =
    wait.deadline === 'counterNoticeDueAt' ||
    wait.deadline === 'courtActionDueAt' ||
    wait.deadline === 'reReviewDueAt';
  const deadlines =
    wait.deadline && !(computedBefore && record.deadlines[wait.deadline])
      ? { ...record.deadlines, [wait.deadline]: dueAt }
      : record.deadlines;
  try {
    await applyWorkflowStep(record.caseId, {
      stepKey: task.stepKey,
      at,
      set: {
        ...(wait.status ? { status: wait.status } : {}),
        deadlines,
        // A follow-up's steps leave the status alone: remember what a park replaces.
        ...(task.kind === 'retry' && record.status !== 'action_failed'
          ? { parkedFrom: record.status }
          : {}),
      },
      ...(wait.event
        ? {
            event: {
              type: wait.event,
              actor: WORKFLOW_ACTOR,
              detail: {
                dueAt,
                ...(task.queue ? { queue: task.queue } : {}),
                ...(task.kind === 'retry'
                  ? { failedStep: task.parkedAt, error: task.failure?.Error }
                  : {}),
              },
            },
          }
        : {}),
      also: [putPendingTaskItem(pending)],
    });
  } catch (error) {
    if (!(error instanceof StepAlreadyApplied)) throw error;
    // A retried attempt (or a wait reopened after an operator's retry) has a new token: store it
    // so the API's answer reaches the execution, and show the wait's status again.
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          putPendingTaskItem(pending),
          ...(wait.status ? [statusUpdate(record.caseId, wait.status, at)] : []),
        ],
      }),
    );
  }
  await afterWaitOpened(task, record, dueAt);
  return { waiting: true };
}

/** Shows the wait's status again on the case (a retried wait). */
function statusUpdate(caseId: string, status: CaseStatus, at: string) {
  return {
    Update: {
      TableName: tableName,
      Key: keys.case(caseId),
      UpdateExpression: 'SET #status = :status, #updatedAt = :at, gsi4pk = :statusKey',
      ExpressionAttributeNames: { '#status': 'status', '#updatedAt': 'updatedAt' },
      ExpressionAttributeValues: {
        ':status': status,
        ':at': at,
        ':statusKey': statusPartition(status),
      },
    },
  };
}

/** Alerts, a withdrawal recorded meanwhile, and the rights holder's request for information. */
async function afterWaitOpened(
  task: z.infer<typeof input>,
  record: CaseRecord,
  dueAt: string,
): Promise<void> {
  if (task.kind === 'escalated_review') {
    // Once per task: the step key without its escalation count (`escalated#0#1` → `escalated#0`).
    const taskKey = task.stepKey.replace(/#\d+$/, '');
    await alertReviewers(record, { stepKey: taskKey, alert: 'escalated', dueAt });
  }
  if (task.kind === 'retry')
    logger.error('case parked in action_failed for operators', {
      caseId: record.caseId,
      failedStep: task.parkedAt,
      error: task.failure?.Error,
      alarm: 'ActionFailed',
    });

  // Re-read after the write: a withdrawal recorded meanwhile must not wait until the timeout
  // (the API, for its part, looks for a pending task after it records a withdrawal).
  const latest = (await getCase(record.caseId)) ?? record;
  if (withdrawalRequested(latest)) {
    await completeTask(task.taskToken, { type: 'withdraw', by: 'rights-holder' });
    return;
  }
  if (task.kind === 'info') {
    // What the reviewer asks for is in the decision's `reasons`; its internal note is never sent.
    const reasons = partyReasons(task.decision, latest, ['request_info']);
    await notifyRightsHolder(record, {
      step: task.stepKey,
      template: 'info_requested',
      message: {
        kind: 'info_request',
        facts: {
          caseId: record.caseId,
          listing: listingOf(record),
          dueAt,
          ...(reasons ? { reasons } : {}),
        },
      },
    });
  }
}
