import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';

/**
 * The pending-start marker ("outbox") of a case. The API writes it on the case item in the same
 * transaction as the case, calls StartExecution, and then clears it. If the start fails (or the
 * function dies in between), the marker stays and the reconciler starts the case later, so a case
 * written is never lost. Index: gsi2, partition `CASE_START#PENDING`, sort `<createdAt>#<caseId>`.
 */
export const PENDING_START_PARTITION = 'CASE_START#PENDING';

/** Attributes that mark a case item as "written, execution maybe not started". */
export function pendingStartMarker(caseId: string, createdAt: string, executionInput: string) {
  return { gsi2pk: PENDING_START_PARTITION, gsi2sk: `${createdAt}#${caseId}`, executionInput };
}

/** The case item key. */
export function caseKey(caseId: string) {
  return { pk: `CASE#${caseId}`, sk: 'CASE' };
}

export interface PendingStart {
  caseId: string;
  createdAt: string;
  executionInput: string;
}

/** Markers older than `before`, oldest first. */
export async function listPendingStarts(before: Date, limit = 100): Promise<PendingStart[]> {
  const items = await queryDue(PENDING_START_PARTITION, before, limit);
  return items.map((item) => ({
    caseId: String(item.caseId),
    createdAt: String(item.gsi2sk).split('#')[0]!,
    executionInput: String(item.executionInput),
  }));
}

/** Clears a case's marker once its execution exists. A marker already cleared is fine. */
export async function clearPendingStart(caseId: string): Promise<void> {
  await dynamo
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: caseKey(caseId),
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk, executionInput',
        ConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': PENDING_START_PARTITION },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}
