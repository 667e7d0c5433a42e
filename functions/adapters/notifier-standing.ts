import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type AccuracyBucket,
  accuracyOf,
  dayOf,
  type FastLane,
  fastLane,
  type NotifierOutcome,
  type StandingState,
  windowStartDay,
} from '../domain/standing.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys } from './keys.ts';
import { policy } from './policy-source.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/**
 * A notifier's standing, kept as the work happens (never by scanning its cases):
 * - one accuracy bucket a day (`RH#<id>` / `ACCURACY#<day>`), updated with atomic ADDs;
 * - one marker per counted case (`OUTCOME#<caseId>`: which outcome, on which day), so a retried
 *   step counts once and a later reversal (a restore, an appeal) moves the count;
 * - the standing item (`STANDING`): fast-lane transitions and the misuse steps;
 * - standing events (`STANDING_EVENT#<at>#<type>`): the notifier's timeline of those steps.
 */

/** The standing item of a notifier. */
export interface StandingItem extends StandingState {
  /** Manifestly unfounded notices since the last misuse step (warning or decision). */
  misuseCount?: number;
  misuseWarnedAt?: string;
  misuseReview?: { taskId: string; openedAt: string; dueAt: string };
  misuseReviews?: number;
  suspendedUntil?: string;
}

export async function getStanding(rightsHolderId: string): Promise<StandingItem> {
  const result = await dynamo.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.standing(rightsHolderId),
      ConsistentRead: true,
    }),
  );
  const { pk: _pk, sk: _sk, type: _t, ...item } = result.Item ?? {};
  return item as StandingItem;
}

/** The buckets of the rolling window ending today: at most one item per day of the window. */
export async function windowBuckets(rightsHolderId: string, now: Date): Promise<AccuracyBucket[]> {
  const items: AccuracyBucket[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': keys.standing(rightsHolderId).pk,
          ':from': `ACCURACY#${windowStartDay(now, policy)}`,
          ':to': `ACCURACY#${dayOf(now)}`,
        },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...((result.Items ?? []) as AccuracyBucket[]));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return items;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a transaction again on a conflict (DynamoDB cancels concurrent transactions on one item). */
async function transactWithRetry(
  build: () => Promise<TransactItem[] | undefined>,
  attempts = 12,
): Promise<'written' | 'nothing'> {
  for (let attempt = 0; ; attempt++) {
    const items = await build();
    if (!items) return 'nothing';
    try {
      await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
      return 'written';
    } catch (error) {
      // A conflict (a concurrent transaction on the same bucket) or a marker changed meanwhile:
      // read again and retry with jittered backoff.
      if ((error as Error).name !== 'TransactionCanceledException' || attempt >= attempts)
        throw error;
      await sleep(Math.random() * 20 * 2 ** Math.min(attempt, 5));
    }
  }
}

/**
 * Counts how a decided listing of a notifier ended, on the day it ended, with atomic adds:
 * idempotent per case (a retry counts once), and a later outcome of the same case moves its count
 * (an upheld takedown restored after a counter-notice counts as restored, not as both). `none`
 * removes the case's count (a withdrawn case was never decided). Concurrent outcomes never lose an
 * increment: the adds are atomic, and a conflicting transaction is retried.
 */
export async function recordNotifierOutcome(input: {
  rightsHolderId: string;
  caseId: string;
  outcome: NotifierOutcome | 'none';
  at: string;
}): Promise<FastLane | undefined> {
  const { rightsHolderId, caseId, outcome, at } = input;
  const markerKey = keys.countedOutcome(rightsHolderId, caseId);
  const written = await transactWithRetry(async () => {
    const marker = (
      await dynamo.send(
        new GetCommand({ TableName: tableName, Key: markerKey, ConsistentRead: true }),
      )
    ).Item as { outcome: NotifierOutcome; day: string } | undefined;
    if (marker?.outcome === outcome || (!marker && outcome === 'none')) return undefined;
    const day = dayOf(at);
    const condition = marker
      ? {
          ConditionExpression: 'outcome = :old',
          ExpressionAttributeValues: { ':old': marker.outcome },
        }
      : { ConditionExpression: 'attribute_not_exists(pk)' };
    const items: TransactItem[] = [
      outcome === 'none'
        ? { Delete: { TableName: tableName, Key: markerKey, ...condition } }
        : {
            Put: {
              TableName: tableName,
              Item: { ...markerKey, type: 'CountedOutcome', outcome, day, at },
              ...condition,
            },
          },
    ];
    // One update per bucket item: a transaction may touch an item only once.
    const adds = new Map<string, Record<string, number>>();
    const add = (bucketDay: string, field: string, delta: number) =>
      adds.set(bucketDay, {
        ...adds.get(bucketDay),
        [field]: (adds.get(bucketDay)?.[field] ?? 0) + delta,
      });
    if (outcome !== 'none') add(day, outcome, 1);
    if (marker) add(marker.day, marker.outcome, -1);
    for (const [bucketDay, fields] of adds)
      items.push(bucketUpdate(rightsHolderId, bucketDay, fields));
    return items;
  });
  if (written !== 'written') return undefined;
  return refreshFastLane(rightsHolderId, new Date(at));
}

/** An atomic ADD of counters to a day's bucket (created on first use). */
export function bucketUpdate(
  rightsHolderId: string,
  day: string,
  fields: Record<string, number>,
): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':day': day };
  const adds = Object.entries(fields).map(([field, delta], i) => {
    names[`#f${i}`] = field;
    values[`:d${i}`] = delta;
    return `#f${i} :d${i}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: keys.accuracyBucket(rightsHolderId, day),
      UpdateExpression: `SET #type = :type, #day = :day ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: { ...names, '#type': 'type', '#day': 'day' },
      ExpressionAttributeValues: { ...values, ':type': 'AccuracyBucket' },
    },
  };
}

/**
 * Reads the window and records a fast-lane transition: opened (the bar is met), or lost (it fell
 * below the bar while open: shut for the lockout period). Conditional, so concurrent evaluations
 * record a transition once.
 */
export async function refreshFastLane(rightsHolderId: string, now: Date): Promise<FastLane> {
  const [buckets, state] = await Promise.all([
    windowBuckets(rightsHolderId, now),
    getStanding(rightsHolderId),
  ]);
  const accuracy = accuracyOf(buckets);
  const lane = fastLane(accuracy, state, now, policy);
  if (!lane.transition) return lane;
  const at = now.toISOString();
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.standing(rightsHolderId),
        ...(lane.transition === 'opened'
          ? {
              UpdateExpression: 'SET #type = :type, fastLaneSince = :at',
              ConditionExpression: 'attribute_not_exists(fastLaneSince)',
              ExpressionAttributeValues: { ':at': at, ':type': 'Standing' },
            }
          : {
              UpdateExpression: 'SET fastLaneLockedUntil = :until REMOVE fastLaneSince',
              ConditionExpression: 'attribute_exists(fastLaneSince)',
              ExpressionAttributeValues: { ':until': lane.lockedUntil },
            }),
        ...(lane.transition === 'opened' ? { ExpressionAttributeNames: { '#type': 'type' } } : {}),
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return lane;
    throw error;
  }
  await appendStandingEvent(
    rightsHolderId,
    at,
    lane.transition === 'opened' ? 'fast_lane_opened' : 'fast_lane_lost',
    {
      accuracy: accuracy.accuracy,
      decided: accuracy.decided,
      ...(lane.lockedUntil ? { lockedUntil: lane.lockedUntil } : {}),
    },
  );
  return lane;
}

/** One step of a notifier's standing, as its timeline shows it. */
export interface StandingEvent {
  at: string;
  type: string;
  actor: { role: 'system' | 'reviewer' | 'admin'; id?: string };
  detail: Record<string, unknown>;
}

/** Appends a step to the notifier's standing timeline (written once per instant and type). */
export async function appendStandingEvent(
  rightsHolderId: string,
  at: string,
  type: string,
  detail: Record<string, unknown>,
  actor: StandingEvent['actor'] = { role: 'system' },
): Promise<void> {
  await dynamo
    .send(
      new PutCommand({
        TableName: tableName,
        Item: { ...standingEventItem(rightsHolderId, { at, type, detail, actor }) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** The item of a standing event, for a transaction. */
export const standingEventItem = (rightsHolderId: string, event: StandingEvent) => ({
  ...keys.standingEvent(rightsHolderId, event.at, event.type),
  type: 'StandingEvent',
  event,
});

/** The notifier's standing timeline, newest first (at most 50 steps). */
export async function listStandingEvents(rightsHolderId: string): Promise<StandingEvent[]> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.standing(rightsHolderId).pk,
        ':prefix': 'STANDING_EVENT#',
      },
      ScanIndexForward: false,
      Limit: 50,
    }),
  );
  return (result.Items ?? []).map((item) => item.event as StandingEvent);
}
