import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '../adapters/clock.ts';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import { countOutboxEvent, type OutboxEvent, outboxItem } from '../adapters/event-outbox.ts';
import { keys } from '../adapters/keys.ts';
import { policy } from '../adapters/policy-source.ts';
import { measureWrites } from '../adapters/seller-measure-writes.ts';
import { getSeller, listStrikes, type SellerRecord } from '../adapters/seller-store.ts';
import type { SuspensionDecision } from '../domain/account-decisions.ts';
import { addDuration } from '../domain/duration.ts';
import { nextMeasure } from '../domain/ladder.ts';
import { sellerMeasureText, suspensionFactsText } from '../domain/seller-measure-text.ts';
import { tallySuspension } from '../domain/transparency-counts.ts';
import { notifyAccount } from './account-notices.ts';
import { ClaimedByAnother, NotAwaitingInput } from './errors.ts';
import { suspensionFacts } from './suspension-facts.ts';
import { syncSellerMeasure } from './sync-seller-measure.ts';

/**
 * A reviewer decides a seller's open suspension review (DSA Art 23(3): case by case, weighing the
 * number of items, their share of the seller's listings, gravity and intent).
 *
 * 1. Find the open review; none → NotAwaitingInput (409); another reviewer's claim → 409.
 * 2. `suspend`: the suspension starts now and lasts the policy period; `hold_restricted`: the
 *    seller stays restricted, and only new conduct reopens a review.
 * 3. Close the review task, write the seller and the decision record (with the facts weighed) in
 *    one transaction, conditional on the task still being open and unclaimed by another.
 * 4. Apply the measure on the marketplace (a suspension takes every listing off it).
 * 5. Send the seller its statement of reasons for the account measure, with the reviewer's reasons.
 */
export async function decideSuspension(input: {
  sellerId: string;
  reviewerId: string;
  decision: SuspensionDecision;
  reasonCode: string;
  reasons: string;
  note?: string;
}): Promise<{ measure: SellerRecord['measure']; until?: string }> {
  const seller = await getSeller(input.sellerId);
  const review = seller?.suspensionReview;
  if (!seller || !review) throw new NotAwaitingInput(`seller ${input.sellerId} has no open review`);
  const strikes = await listStrikes(input.sellerId);
  const now = clock.now();
  const at = now.toISOString();
  const facts = await suspensionFacts(seller, strikes, now);
  const until = addDuration(now, policy.strikes.suspension.period).toISOString();
  const decided: SellerRecord = {
    ...seller,
    lastSuspensionDecisionAt: at,
    ...(input.decision === 'suspend'
      ? {
          suspension: {
            startedAt: at,
            until,
            reasonCode: input.reasonCode,
            reasons: input.reasons,
          },
        }
      : {}),
  };
  delete decided.suspensionReview;
  const measure = nextMeasure(seller.measure, strikes, now, decided, policy);
  const writes = measureWrites(decided, measure, {
    now,
    policy,
    strikes,
    expectedVersion: seller.version,
  });
  // An Art 23(1) suspension, counted for the transparency report from its outbox event.
  const counted: OutboxEvent | null =
    measure.measure === 'suspended'
      ? {
          subject: `seller#${input.sellerId}`,
          stepKey: review.taskId,
          at,
          tally: tallySuspension('seller', 'suspended', at),
        }
      : null;
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          ...(counted ? [outboxItem(counted)] : []),
          ...writes.items,
          {
            Delete: {
              TableName: tableName,
              Key: keys.suspensionReview(input.sellerId),
              ConditionExpression:
                'taskId = :taskId AND (attribute_not_exists(reviewClaim) OR reviewClaim.reviewerId = :reviewer OR reviewClaim.#until <= :at)',
              ExpressionAttributeNames: { '#until': 'until' },
              ExpressionAttributeValues: {
                ':taskId': review.taskId,
                ':reviewer': input.reviewerId,
                ':at': at,
              },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.sellerDecision(input.sellerId, at),
                type: 'SellerDecision',
                kind: 'suspension_review',
                taskId: review.taskId,
                decision: input.decision,
                reasonCode: input.reasonCode,
                reasons: input.reasons,
                ...(input.note ? { note: input.note } : {}),
                reviewerId: input.reviewerId,
                at,
                facts,
                measure: measure.measure,
                ...(input.decision === 'suspend' ? { until } : {}),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.at(-2)?.Code === 'ConditionalCheckFailed')
      throw new ClaimedByAnother(`the suspension review of ${input.sellerId} is claimed or closed`);
    throw new NotAwaitingInput(`seller ${input.sellerId} changed meanwhile; decide again`);
  }
  if (counted) await countOutboxEvent(counted);
  await syncSellerMeasure(input.sellerId);
  const suspended = measure.measure === 'suspended';
  await notifyAccount({ role: 'seller', sellerId: input.sellerId }, review.taskId, {
    event: suspended ? 'seller_suspended' : 'seller_held_restricted',
    ...(suspended ? { until } : {}),
    reasons: input.reasons,
    facts: suspensionFactsText(facts),
    measure: sellerMeasureText(measure.measure, {
      ...(suspended ? { suspension: { until, reasons: input.reasons } } : {}),
      heldReasons: input.reasons,
    }),
  });
  return { measure: measure.measure, ...(suspended ? { until } : {}) };
}
