import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { quotaWindow, VolumeQuotaExceeded } from '../domain/bulk-notice.ts';
import { dynamo, tableName } from './dynamo-client.ts';

/** Quota counters and charges are kept two days past their day (DynamoDB TTL deletes them). */
const KEEP_SECONDS = 2 * 86_400;

const counterKey = (rightsHolderId: string, day: string) => ({
  pk: `QUOTA#${rightsHolderId}`,
  sk: `DAY#${day}`,
});
const chargeKey = (rightsHolderId: string, noticeId: string) => ({
  pk: `QUOTA#${rightsHolderId}`,
  sk: `CHARGE#${noticeId}`,
});

/**
 * Charges a notice's listings to its notifier's daily volume quota, once per notice: the charge
 * record and the day's counter are written in one transaction, so a replay of the same notice
 * (the same Idempotency-Key) is not charged twice, and two notices filed at once cannot both pass
 * the last of the quota.
 *
 * @throws VolumeQuotaExceeded when the day's counter would pass `limit` (nothing is charged)
 */
export async function chargeVolumeQuota(input: {
  rightsHolderId: string;
  noticeId: string;
  listings: number;
  limit: number;
  now: Date;
}): Promise<void> {
  const { day, resetsAt } = quotaWindow(input.now);
  const ttl = Math.floor(new Date(resetsAt).getTime() / 1000) + KEEP_SECONDS;
  if (input.listings > input.limit) {
    throw new VolumeQuotaExceeded(input.limit, 0, input.listings, resetsAt);
  }
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...chargeKey(input.rightsHolderId, input.noticeId),
                type: 'QuotaCharge',
                day,
                listings: input.listings,
                ttl,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: counterKey(input.rightsHolderId, day),
              UpdateExpression: 'SET #type = :type, #ttl = :ttl ADD used :n',
              ConditionExpression: 'attribute_not_exists(used) OR used <= :most',
              ExpressionAttributeNames: { '#type': 'type', '#ttl': 'ttl' },
              ExpressionAttributeValues: {
                ':type': 'QuotaCounter',
                ':ttl': ttl,
                ':n': input.listings,
                ':most': input.limit - input.listings,
              },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const [charge, counter] = (error.CancellationReasons ?? []).map((r) => r.Code);
    // Charged already: a replay of this notice.
    if (charge === 'ConditionalCheckFailed') return;
    if (counter === 'ConditionalCheckFailed') {
      const used = await dynamo.send(
        new GetCommand({ TableName: tableName, Key: counterKey(input.rightsHolderId, day) }),
      );
      throw new VolumeQuotaExceeded(
        input.limit,
        Number(used.Item?.used ?? 0),
        input.listings,
        resetsAt,
      );
    }
    throw error;
  }
}
