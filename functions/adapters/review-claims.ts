import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys } from './keys.ts';

import { ClaimedByAnother, NoSuchTask } from './review-claim-errors.ts';

export { ClaimedByAnother, NoSuchTask };

/**
 * What a public task id names. Ids are unique across every queue and over time:
 * - `case:<caseId>:<step>`: a case's wait (review, escalated review, re-review, retry), where
 *   `<step>` is the workflow step key with `#` written as `.`;
 * - `rights-holder:<id>` and `ip-right:<id>`: a verification;
 * - `suspension-review:<sellerId>:<n>`: a seller's n-th suspension review (DSA Art 23(3));
 * - `misuse-review:<rightsHolderId>:<n>`: a notifier's n-th misuse review (DSA Art 23(2));
 * - `audit:<caseId>:<epoch>`: the human audit of a case's automated decision.
 */
export type TaskRef =
  | { type: 'case'; caseId: string; step: string }
  | { type: 'rights-holder'; id: string }
  | { type: 'ip-right'; id: string }
  | { type: 'suspension-review' | 'misuse-review' | 'audit'; id: string; n: string };

/** The public id of a case's wait at a step (e.g. `case:case-1:review.0`). */
export const caseTaskId = (caseId: string, stepKey: string) =>
  `case:${caseId}:${stepKey.replace(/[^A-Za-z0-9_.-]/g, '.')}`;

/** Reads a public task id; undefined for one that cannot exist. */
export function parseTaskId(taskId: string): TaskRef | undefined {
  const [type, id, step, ...rest] = taskId.split(':');
  if (!id || rest.length > 0) return undefined;
  if (type === 'case' && step) return { type, caseId: id, step };
  if ((type === 'rights-holder' || type === 'ip-right') && step === undefined) return { type, id };
  if (
    (type === 'suspension-review' || type === 'misuse-review' || type === 'audit') &&
    step &&
    /^\d+$/.test(step)
  )
    return { type, id, n: step };
  return undefined;
}

const itemKey = (ref: TaskRef) => {
  switch (ref.type) {
    case 'case':
      return keys.pendingTask(ref.caseId);
    case 'rights-holder':
      return keys.rightsHolder(ref.id);
    case 'ip-right':
      return keys.ipRight(ref.id);
    case 'suspension-review':
      return keys.suspensionReview(ref.id);
    case 'misuse-review':
      return keys.misuseReview(ref.id);
    case 'audit':
      return keys.audit(ref.id);
  }
};

/** Review tasks whose item carries its own `taskId` (the open task is the one with that id). */
const carriesTaskId = (ref: TaskRef) => ref.type !== 'rights-holder' && ref.type !== 'ip-right';

/** The condition under which the item is still the open task the id names. */
function openCondition(
  ref: TaskRef,
  taskId: string,
): { expression: string; values: Record<string, string>; names: Record<string, string> } {
  return carriesTaskId(ref)
    ? { expression: 'taskId = :taskId', values: { ':taskId': taskId }, names: {} }
    : {
        expression: '#status = :pending',
        values: { ':pending': 'pending_verification' },
        names: { '#status': 'status' },
      };
}

/** A reviewer's hold on a task, as the queue shows it. */
export interface Claim {
  reviewerId: string;
  until: string;
}

/**
 * Claims a task for a reviewer until `until` (or extends the reviewer's own claim). Another
 * reviewer's claim that has not lapsed at `now` refuses it.
 *
 * @throws NoSuchTask when the task is not open; ClaimedByAnother.
 */
export async function claimTask(
  taskId: string,
  reviewerId: string,
  now: string,
  until: string,
): Promise<Claim> {
  const ref = parseTaskId(taskId);
  if (!ref) throw new NoSuchTask(taskId);
  const open = openCondition(ref, taskId);
  const claim = { reviewerId, until };
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: itemKey(ref),
        UpdateExpression: 'SET reviewClaim = :claim',
        ConditionExpression: `attribute_exists(pk) AND ${open.expression} AND (attribute_not_exists(reviewClaim) OR reviewClaim.reviewerId = :reviewer OR reviewClaim.#until <= :now)`,
        ExpressionAttributeNames: { ...open.names, '#until': 'until' },
        ExpressionAttributeValues: {
          ...open.values,
          ':claim': claim,
          ':reviewer': reviewerId,
          ':now': now,
        },
      }),
    );
    return claim;
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    throw (await isOpen(ref, taskId)) ? new ClaimedByAnother(taskId) : new NoSuchTask(taskId);
  }
}

/**
 * Releases the reviewer's claim on a task; releasing a task nobody holds is a no-op.
 *
 * @throws NoSuchTask when the task is not open; ClaimedByAnother when another reviewer holds it.
 */
export async function releaseTask(taskId: string, reviewerId: string, now: string): Promise<void> {
  const ref = parseTaskId(taskId);
  if (!ref) throw new NoSuchTask(taskId);
  const open = openCondition(ref, taskId);
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: itemKey(ref),
        UpdateExpression: 'REMOVE reviewClaim',
        ConditionExpression: `attribute_exists(pk) AND ${open.expression} AND (attribute_not_exists(reviewClaim) OR reviewClaim.reviewerId = :reviewer OR reviewClaim.#until <= :now)`,
        ExpressionAttributeNames: { ...open.names, '#until': 'until' },
        ExpressionAttributeValues: { ...open.values, ':reviewer': reviewerId, ':now': now },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    throw (await isOpen(ref, taskId)) ? new ClaimedByAnother(taskId) : new NoSuchTask(taskId);
  }
}

async function isOpen(ref: TaskRef, taskId: string): Promise<boolean> {
  const result = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: itemKey(ref), ConsistentRead: true }),
  );
  const item = result.Item;
  if (!item) return false;
  return carriesTaskId(ref) ? item.taskId === taskId : item.status === 'pending_verification';
}
