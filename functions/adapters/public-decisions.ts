import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PublicDecision } from '../domain/public-decisions.ts';
import { dynamo, tableName } from './dynamo-client.ts';

/**
 * The CN E-Commerce Law Art 44 publication feed (GET /v1/public/decisions): one item per published
 * entry, written in the transaction of the status change it reports.
 *
 * | Item          | pk           | sk                          |
 * |---------------|--------------|-----------------------------|
 * | Public entry  | PUBLIC#CN    | <at>#<caseId>#<stepKey>     |
 *
 * CN notices run at hundreds of thousands a year (a few entries a minute), well within one
 * partition's write rate.
 */
export const PUBLIC_PARTITION = 'PUBLIC#CN';

export function publicDecisionItem(entry: PublicDecision, stepKey: string) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: PUBLIC_PARTITION,
        sk: `${entry.at}#${entry.caseId}#${stepKey}`,
        type: 'PublicDecision',
        entry,
      },
    },
  };
}

/** A page of entries published in [from, to] (UTC days), oldest first. */
export async function listPublicDecisions(
  from: string,
  to: string,
  limit: number,
  startKey: Record<string, unknown> | undefined,
): Promise<{ items: PublicDecision[]; lastKey: Record<string, unknown> | undefined }> {
  const page = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': PUBLIC_PARTITION, ':from': from, ':to': `${to}T~` },
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return {
    items: (page.Items ?? []).map((item) => item.entry as PublicDecision),
    lastKey: page.LastEvaluatedKey,
  };
}
