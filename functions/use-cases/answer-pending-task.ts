import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { InvalidToken, SendTaskSuccessCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import { DeleteCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  applyCaseStep,
  type CaseStep,
  deletePendingTaskItem,
  getPendingTask,
  type PendingTask,
  StepAlreadyApplied,
  TransientError,
} from '../adapters/case-store.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

import { clock } from '../adapters/clock.ts';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import { keys } from '../adapters/keys.ts';
import { sfn } from '../adapters/sfn-client.ts';

import { ClaimedByAnother, NotAwaitingInput } from './errors.ts';

export { ClaimedByAnother, NotAwaitingInput };

export interface Answer {
  caseId: string;
  /** The pending-task kinds this answer fits. */
  kinds: readonly PendingTask['kind'][];
  /** Who answers, for the claim record. */
  actorId: string;
  /**
   * The reviewer answering, when a reviewer answers: another reviewer's claim on the task that
   * has not lapsed refuses the answer (ClaimedByAnother, 409).
   */
  reviewerId?: string;
  /** The task output the workflow receives (always with a `type`). */
  output: (task: PendingTask) => Record<string, unknown>;
  /**
   * Items the workflow's next step reads, written in one transaction with the claim, before the
   * answer is sent (removed again if the wait had already ended).
   */
  prepare?: (task: PendingTask, at: string) => TransactItem[];
  /** What to record on the case once the workflow accepted the answer. */
  record: (task: PendingTask, at: string) => Omit<CaseStep, 'stepKey' | 'at'>;
}

/**
 * Answers a case's pending task (a decision, information, a counter-notice, a court action, a
 * retry, a withdrawal), through the token the backend holds.
 *
 * 1. Find the case's pending task and check it waits for this kind of answer.
 * 2. Claim it with a conditional write: of concurrent answers, exactly one proceeds; the others
 *    get NotAwaitingInput (409).
 * 3. Send the output with SendTaskSuccess and the stored token. If the wait already ended (its
 *    timeout won the race), the token is dead: NotAwaitingInput, and nothing is recorded.
 * 4. Record the answer on the case (timeline event) and remove the pending task, once.
 * The token never leaves this function.
 */
export async function answerPendingTask(answer: Answer): Promise<PendingTask> {
  const task = await getPendingTask(answer.caseId);
  if (
    !task ||
    !answer.kinds.includes(task.kind) ||
    (task as PendingTask & { claimedAt?: string }).claimedAt
  ) {
    throw new NotAwaitingInput(`case ${answer.caseId} does not await this input`);
  }
  const at = clock.now().toISOString();
  if (answer.reviewerId && claimedByAnother(task, answer.reviewerId, at)) {
    throw new ClaimedByAnother(`case ${answer.caseId} is claimed by another reviewer`);
  }
  const prepared = answer.prepare?.(task, at) ?? [];
  await claim(task, answer.actorId, at, answer.reviewerId, prepared);
  try {
    await sfn.send(
      new SendTaskSuccessCommand({
        taskToken: task.token,
        output: JSON.stringify(answer.output(task)),
      }),
    );
  } catch (error) {
    if (error instanceof TaskTimedOut || error instanceof InvalidToken) {
      await discard(prepared);
      throw new NotAwaitingInput(`the wait of case ${answer.caseId} already ended`);
    }
    await unclaim(task);
    await discard(prepared);
    throw error;
  }
  const step = answer.record(task, at);
  try {
    await applyCaseStep(answer.caseId, { stepKey: `answer#${task.taskId}`, at, ...step });
  } catch (error) {
    if (!(error instanceof StepAlreadyApplied)) throw error;
  }
  // The workflow may already have opened its next wait (a new pending task) by now: remove the
  // answered task only if it is still the one there, and never fail the answer over it.
  await dynamo
    .send(
      new TransactWriteCommand({
        TransactItems: [deletePendingTaskItem(answer.caseId, task.taskId)],
      }),
    )
    .catch((error: unknown) => {
      if (!(error instanceof TransactionCanceledException)) throw error;
    });
  return task;
}

/** Whether a reviewer other than `reviewerId` holds a claim on the task that has not lapsed. */
export function claimedByAnother(task: PendingTask, reviewerId: string, at: string): boolean {
  const claim = task.reviewClaim;
  return Boolean(claim && claim.reviewerId !== reviewerId && claim.until > at);
}

async function claim(
  task: PendingTask,
  actorId: string,
  at: string,
  reviewerId: string | undefined,
  prepared: readonly TransactItem[],
): Promise<void> {
  // A reviewer's answer also requires that no other reviewer took the task meanwhile.
  const reviewClaimFree = reviewerId
    ? ' AND (attribute_not_exists(reviewClaim) OR reviewClaim.reviewerId = :reviewer OR reviewClaim.#until <= :at)'
    : '';
  const update = {
    TableName: tableName,
    Key: keys.pendingTask(task.caseId),
    UpdateExpression: 'SET claimedAt = :at, claimedBy = :by',
    ConditionExpression: `taskId = :taskId AND attribute_not_exists(claimedAt)${reviewClaimFree}`,
    ...(reviewerId ? { ExpressionAttributeNames: { '#until': 'until' } } : {}),
    ExpressionAttributeValues: {
      ':at': at,
      ':by': actorId,
      ':taskId': task.taskId,
      ...(reviewerId ? { ':reviewer': reviewerId } : {}),
    },
  };
  try {
    if (prepared.length === 0) await dynamo.send(new UpdateCommand(update));
    else
      await dynamo.send(
        new TransactWriteCommand({ TransactItems: [{ Update: update }, ...prepared] }),
      );
  } catch (error) {
    const name = (error as Error).name;
    const conflict =
      name === 'ConditionalCheckFailedException' ||
      (error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed');
    if (conflict)
      throw new NotAwaitingInput(`case ${task.caseId} was answered or claimed meanwhile`);
    if (error instanceof TransactionCanceledException) throw new TransientError('answer conflict');
    throw error;
  }
}

async function unclaim(task: PendingTask): Promise<void> {
  await dynamo
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.pendingTask(task.caseId),
        UpdateExpression: 'REMOVE claimedAt, claimedBy',
        ConditionExpression: 'taskId = :taskId',
        ExpressionAttributeValues: { ':taskId': task.taskId },
      }),
    )
    .catch(() => undefined);
}

/** Removes what `prepare` wrote, when the answer did not reach the workflow. */
async function discard(prepared: readonly TransactItem[]): Promise<void> {
  for (const item of prepared) {
    if (!item.Put) continue;
    const { pk, sk } = item.Put.Item as { pk: string; sk: string };
    await dynamo
      .send(new DeleteCommand({ TableName: tableName, Key: { pk, sk } }))
      .catch(() => undefined);
  }
}
