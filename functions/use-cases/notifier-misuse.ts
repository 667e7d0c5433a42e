import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import { countOutboxEvent, type OutboxEvent, outboxItem } from '../adapters/event-outbox.ts';
import { keys, queuePartition } from '../adapters/keys.ts';
import {
  appendStandingEvent,
  bucketUpdate,
  getStanding,
  standingEventItem,
} from '../adapters/notifier-standing.ts';
import { policy } from '../adapters/policy-source.ts';
import { getRightsHolder } from '../adapters/registry-store.ts';
import type { MisuseDecision } from '../domain/account-decisions.ts';
import { addDuration } from '../domain/duration.ts';
import { dayOf } from '../domain/standing.ts';
import { tallySuspension } from '../domain/transparency-counts.ts';
import { notifyAccount } from './account-notices.ts';
import { ClaimedByAnother, NotAwaitingInput } from './errors.ts';

/** The public id of a notifier's n-th misuse review (unique across queues and over time). */
export const misuseTaskId = (rightsHolderId: string, n: number) =>
  `misuse-review:${rightsHolderId}:${n}`;

const cancelled = (error: unknown) => (error as Error).name === 'TransactionCanceledException';

/**
 * Counts a notice rejected as manifestly unfounded (DSA Art 23(2)), once per notice, and takes the
 * next misuse step when the count reaches the policy threshold:
 * 1. the first time: a warning to the notifier (Art 23(2) "after having issued a prior warning");
 * 2. after the warning: a `standing` review task, for a reviewer to decide case by case (23(3)).
 * Each step resets the count, and appears on the notifier's standing timeline.
 */
export async function recordUnfoundedNotice(input: {
  rightsHolderId: string;
  noticeId: string;
  caseId: string;
  at: string;
}): Promise<'counted' | 'already_counted' | 'warned' | 'review_opened'> {
  const { rightsHolderId, noticeId, at } = input;
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.unfoundedNotice(rightsHolderId, noticeId),
                type: 'UnfoundedNotice',
                caseId: input.caseId,
                at,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: keys.standing(rightsHolderId),
              UpdateExpression: 'SET #type = :type ADD misuseCount :one',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: { ':type': 'Standing', ':one': 1 },
            },
          },
          bucketUpdate(rightsHolderId, dayOf(at), { unfounded: 1 }),
        ],
      }),
    );
  } catch (error) {
    if (!cancelled(error)) throw error;
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return 'already_counted';
    return recordUnfoundedNotice(input); // a conflict on the standing item: count again
  }
  return nextMisuseStep(rightsHolderId, at);
}

async function nextMisuseStep(
  rightsHolderId: string,
  at: string,
): Promise<'counted' | 'warned' | 'review_opened'> {
  const standing = await getStanding(rightsHolderId);
  const { threshold } = policy.standing.misuse;
  if ((standing.misuseCount ?? 0) < threshold) return 'counted';
  if (!standing.misuseWarnedAt) {
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.standing(rightsHolderId),
          UpdateExpression: 'SET misuseWarnedAt = :at, misuseCount = :zero',
          ConditionExpression: 'misuseCount >= :t AND attribute_not_exists(misuseWarnedAt)',
          ExpressionAttributeValues: { ':at': at, ':zero': 0, ':t': threshold },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return 'counted';
      throw error;
    }
    await appendStandingEvent(rightsHolderId, at, 'misuse_warned', { threshold });
    await notifyAccount({ role: 'rights_holder', rightsHolderId }, `misuse-warning:${at}`, {
      event: 'notifier_warned',
    });
    return 'warned';
  }
  if (standing.misuseReview) return 'counted';
  const n = (standing.misuseReviews ?? 0) + 1;
  const taskId = misuseTaskId(rightsHolderId, n);
  const dueAt = addDuration(new Date(at), policy.standing.misuse.reviewSla).toISOString();
  const profile = await getRightsHolder(rightsHolderId);
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.standing(rightsHolderId),
              UpdateExpression:
                'SET misuseReview = :review, misuseReviews = :n, misuseCount = :zero',
              ConditionExpression: 'misuseCount >= :t AND attribute_not_exists(misuseReview)',
              ExpressionAttributeValues: {
                ':review': { taskId, openedAt: at, dueAt },
                ':n': n,
                ':zero': 0,
                ':t': threshold,
              },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.misuseReview(rightsHolderId),
                type: 'MisuseReview',
                taskId,
                kind: 'misuse_review',
                queue: 'standing',
                rightsHolderId,
                ...(profile ? { rightsHolderName: profile.legalName } : {}),
                createdAt: at,
                dueAt,
                gsi2pk: queuePartition('standing'),
                gsi2sk: `${dueAt}#${rightsHolderId}`,
              },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: standingEventItem(rightsHolderId, {
                at,
                type: 'misuse_review_opened',
                actor: { role: 'system' },
                detail: { taskId, threshold },
              }),
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (cancelled(error)) return 'counted';
    throw error;
  }
  return 'review_opened';
}

/**
 * A reviewer decides a notifier's open misuse review (DSA Art 23(2)-(3)): `suspend` stops the
 * processing of its new notices for the policy period (filing answers 422 with `suspendedUntil`);
 * `no_action` closes the review. Recorded on the standing timeline; the notifier is told, with the
 * reasons. 409 (NotAwaitingInput) when no review is open; ClaimedByAnother under another's claim.
 */
export async function decideMisuse(input: {
  rightsHolderId: string;
  reviewer: { role: 'reviewer' | 'admin'; id: string };
  decision: MisuseDecision;
  reasonCode: string;
  reasons: string;
  note?: string;
  now: Date;
}): Promise<{ decision: MisuseDecision; suspendedUntil?: string }> {
  const standing = await getStanding(input.rightsHolderId);
  const review = standing.misuseReview;
  if (!review) throw new NotAwaitingInput(`no misuse review is open for ${input.rightsHolderId}`);
  const at = input.now.toISOString();
  const suspendedUntil =
    input.decision === 'suspend'
      ? addDuration(input.now, policy.standing.misuse.suspension).toISOString()
      : undefined;
  const suspend = suspendedUntil
    ? {
        set: ', suspendedUntil = :until',
        values: { ':until': suspendedUntil } as Record<string, unknown>,
      }
    : { set: '', values: {} };
  // An Art 23(2) suspension, counted for the transparency report from its outbox event.
  const counted: OutboxEvent | null = suspendedUntil
    ? {
        subject: `notifier#${input.rightsHolderId}`,
        stepKey: review.taskId,
        at,
        tally: tallySuspension('notifier', 'suspended', at),
      }
    : null;
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName,
              Key: keys.misuseReview(input.rightsHolderId),
              ConditionExpression:
                'taskId = :taskId AND (attribute_not_exists(reviewClaim) OR reviewClaim.reviewerId = :reviewer OR reviewClaim.#until <= :at)',
              ExpressionAttributeNames: { '#until': 'until' },
              ExpressionAttributeValues: {
                ':taskId': review.taskId,
                ':reviewer': input.reviewer.id,
                ':at': at,
              },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: keys.standing(input.rightsHolderId),
              UpdateExpression: `SET lastMisuseDecisionAt = :at${suspend.set} REMOVE misuseReview`,
              ExpressionAttributeValues: { ':at': at, ...suspend.values },
            },
          },
          ...(suspendedUntil
            ? [
                {
                  // Screening and filing read the profile's `suspendedUntil` (eligibility.ts).
                  Update: {
                    TableName: tableName,
                    Key: keys.rightsHolder(input.rightsHolderId),
                    UpdateExpression: 'SET suspendedUntil = :until',
                    ConditionExpression: 'attribute_exists(pk)',
                    ExpressionAttributeValues: { ':until': suspendedUntil },
                  },
                },
              ]
            : []),
          {
            Put: {
              TableName: tableName,
              Item: standingEventItem(input.rightsHolderId, {
                at,
                type: input.decision === 'suspend' ? 'notices_suspended' : 'misuse_no_action',
                actor: input.reviewer,
                detail: {
                  taskId: review.taskId,
                  reasonCode: input.reasonCode,
                  reasons: input.reasons,
                  ...(input.note ? { note: input.note } : {}),
                  ...(suspendedUntil ? { suspendedUntil } : {}),
                },
              }),
            },
          },
          ...(counted ? [outboxItem(counted)] : []),
        ],
      }),
    );
  } catch (error) {
    if (!cancelled(error)) throw error;
    throw new ClaimedByAnother(`the misuse review of ${input.rightsHolderId} is claimed or closed`);
  }
  if (counted) await countOutboxEvent(counted);
  await notifyAccount(
    { role: 'rights_holder', rightsHolderId: input.rightsHolderId },
    review.taskId,
    {
      event: suspendedUntil ? 'notifier_suspended' : 'notifier_no_action',
      ...(suspendedUntil ? { until: suspendedUntil } : {}),
      reasons: input.reasons,
    },
  );
  return { decision: input.decision, ...(suspendedUntil ? { suspendedUntil } : {}) };
}
