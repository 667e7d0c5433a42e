import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type CaseRecord, getItem } from './case-store.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys } from './keys.ts';

/** A notice as stored (its cases are items of their own). */
export interface NoticeRecord {
  noticeId: string;
  rightsHolderId: string;
  ipRightId: string;
  infringementType: string;
  jurisdiction: string;
  explanation: string;
  evidenceIds: string[];
  testBuy?: { orderId: string; reportEvidenceId: string };
  caseIds: string[];
  /** The listing of each case, in the order of `caseIds`. */
  listingIds?: string[];
  createdAt: string;
}

/** Reads a notice. */
export const getNotice = (noticeId: string) => getItem<NoticeRecord>(keys.notice(noticeId));

/** Cases by id, in one or more BatchGetItem calls (at most 100 keys each). */
export async function getCases(caseIds: readonly string[]): Promise<CaseRecord[]> {
  const found: CaseRecord[] = [];
  for (let i = 0; i < caseIds.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName]: { Keys: caseIds.slice(i, i + 100).map((id) => keys.case(id)) },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await dynamo.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...((result.Responses?.[tableName] ?? []) as unknown as CaseRecord[]));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  const order = new Map(caseIds.map((id, i) => [id, i]));
  return found.sort((a, b) => (order.get(a.caseId) ?? 0) - (order.get(b.caseId) ?? 0));
}

/** A page of a party's items on gsi1, newest first. */
export async function queryOwnItems(
  partition: string,
  prefix: string,
  limit: number,
  startKey?: Record<string, unknown>,
) {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': partition, ':prefix': prefix },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return { items: result.Items ?? [], lastKey: result.LastEvaluatedKey };
}

/** A page of a work queue on gsi2, oldest first. */
export async function queryQueue(
  partition: string,
  limit: number,
  startKey?: Record<string, unknown>,
) {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: true,
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return { items: result.Items ?? [], lastKey: result.LastEvaluatedKey };
}
