import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { addDuration } from '../domain/duration.ts';
import type { MeasureDecision } from '../domain/ladder.ts';
import type { Policy } from '../domain/policy.ts';
import type { StrikeRecord } from '../domain/strikes.ts';
import { tallySuspension } from '../domain/transparency-counts.ts';
import { tableName } from './dynamo-client.ts';
import { outboxItem } from './event-outbox.ts';
import { keys, queuePartition } from './keys.ts';
import { putSellerItem, type SellerRecord } from './seller-store.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** The public id of a seller's n-th suspension review (unique across queues and over time). */
export const suspensionTaskId = (sellerId: string, n: number) =>
  `suspension-review:${sellerId}:${n}`;

/**
 * The writes that put a measure decision into effect, for one transaction with whatever decided
 * it (a strike, a revocation, an expiry): the seller (conditional on the version read), and the
 * suspension review task opened or closed. The marketplace is synced after the commit.
 */
export function measureWrites(
  seller: SellerRecord,
  decision: MeasureDecision,
  context: {
    now: Date;
    policy: Policy;
    strikes: readonly StrikeRecord[];
    /** The version read; null when the seller item does not exist yet. @default seller.version */
    expectedVersion?: number | null;
  },
): { seller: SellerRecord; items: TransactItem[] } {
  const at = context.now.toISOString();
  const next: SellerRecord = { ...seller, measure: decision.measure };
  const items: TransactItem[] = [];
  if (decision.measure === 'terminated' && !seller.terminatedAt) {
    next.terminatedAt = at;
    // Counted for the transparency report from its outbox event (the relay delivers it).
    items.push(
      outboxItem({
        subject: `seller#${seller.sellerId}`,
        stepKey: `terminated#${at}`,
        at,
        tally: tallySuspension('seller', 'terminated', at),
      }),
    );
  }
  if (decision.measure !== 'terminated') delete next.terminatedAt;
  if (decision.closeSuspensionReview && seller.suspensionReview) {
    delete next.suspensionReview;
    items.push({
      Delete: {
        TableName: tableName,
        Key: keys.suspensionReview(seller.sellerId),
        ConditionExpression: 'attribute_not_exists(pk) OR taskId = :taskId',
        ExpressionAttributeValues: { ':taskId': seller.suspensionReview.taskId },
      },
    });
  }
  if (decision.openSuspensionReview && !seller.suspensionReview) {
    const n = (seller.suspensionReviews ?? 0) + 1;
    const dueAt = addDuration(context.now, context.policy.strikes.suspension.reviewSla);
    const taskId = suspensionTaskId(seller.sellerId, n);
    next.suspensionReviews = n;
    next.suspensionReview = { taskId, openedAt: at, dueAt: dueAt.toISOString() };
    const counting = context.strikes.filter((s) => decision.countingStrikeIds.includes(s.strikeId));
    items.push({
      Put: {
        TableName: tableName,
        Item: {
          ...keys.suspensionReview(seller.sellerId),
          type: 'SuspensionReview',
          taskId,
          kind: 'suspension_review',
          queue: 'suspension_review',
          sellerId: seller.sellerId,
          createdAt: at,
          dueAt: dueAt.toISOString(),
          countingStrikes: counting.length,
          countingCases: counting.reduce((n, s) => n + s.caseIds.length, 0),
          gsi2pk: queuePartition('suspension_review'),
          gsi2sk: `${dueAt.toISOString()}#${seller.sellerId}`,
        },
      },
    });
  }
  const expected = context.expectedVersion === undefined ? seller.version : context.expectedVersion;
  return { seller: next, items: [putSellerItem(next, expected), ...items] };
}
