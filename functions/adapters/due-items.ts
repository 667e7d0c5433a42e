import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './dynamo-client.ts';

/**
 * Items of a gsi2 work partition whose sort key (it starts with an ISO instant) is before `before`,
 * oldest first: the pending starts of the reconciler, the strikes the sweeper expires, the events the
 * relay publishes.
 */
export async function queryDue(
  partition: string,
  before: Date,
  limit = 100,
): Promise<Record<string, unknown>[]> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
      ExpressionAttributeValues: { ':pk': partition, ':before': before.toISOString() },
      Limit: limit,
    }),
  );
  return result.Items ?? [];
}
