import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';

/**
 * The pending-start marker ("outbox") of a case. The API writes it on the case item in the same
 * transaction as the case, calls StartExecution, and then clears it. If the start fails (or the
 * function dies in between), the marker stays and the reconciler starts the case later, so a case
 * written is never lost. Index: gsi2, partition `CASE_START#PENDING`, sort `<createdAt>#<caseId>`.
 */
export const PENDING_START_PARTITION = 'CASE_START#PENDING';

/**
 * Where a started case is counted: the item (a bulk notice's batch) whose `started` goes up by one,
 * in the same transaction that clears the marker, so a case is counted exactly once whoever starts
 * it (the fan-out or the reconciler).
 */
export interface StartCounter {
  pk: string;
  sk: string;
}

/** Attributes that mark a case item as "written, execution maybe not started". */
export function pendingStartMarker(
  caseId: string,
  createdAt: string,
  executionInput: string,
  counter?: StartCounter,
) {
  return {
    gsi2pk: PENDING_START_PARTITION,
    gsi2sk: `${createdAt}#${caseId}`,
    executionInput,
    ...(counter ? { startCounter: counter } : {}),
  };
}

/** The case item key. */
export function caseKey(caseId: string) {
  return { pk: `CASE#${caseId}`, sk: 'CASE' };
}

export interface PendingStart {
  caseId: string;
  createdAt: string;
  executionInput: string;
  counter?: StartCounter;
}

/** Markers older than `before`, oldest first. */
export async function listPendingStarts(before: Date, limit = 100): Promise<PendingStart[]> {
  const items = await queryDue(PENDING_START_PARTITION, before, limit);
  return items.map((item) => ({
    caseId: String(item.caseId),
    createdAt: String(item.gsi2sk).split('#')[0]!,
    executionInput: String(item.executionInput),
    ...(item.startCounter ? { counter: item.startCounter as StartCounter } : {}),
  }));
}

/**
 * Clears a case's marker once its execution exists, and counts the start on `counter` when the
 * case has one (in one transaction). A marker already cleared is fine, and counts nothing.
 * @returns whether this call cleared it
 */
export async function clearPendingStart(caseId: string, counter?: StartCounter): Promise<boolean> {
  if (counter) return (await clearPendingStarts([caseId], counter)).length === 1;
  return dynamo
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: caseKey(caseId),
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk, executionInput',
        ConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': PENDING_START_PARTITION },
      }),
    )
    .then(() => true)
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
      return false;
    });
}

/** Markers cleared per transaction: 99, and the counter's update makes 100 (DynamoDB's limit). */
export const CLEARS_PER_TRANSACTION = 99;

/**
 * Clears the markers of cases whose executions exist, and counts them on `counter`: one
 * transaction per 99 markers, with one `ADD started :n` for the markers it clears, so a batch of
 * the fan-out costs one write instead of one per case (DynamoDB Local runs transactions one at a
 * time). A marker already cleared (by the reconciler) fails its condition: the transaction is
 * written again without it, so each case is still counted exactly once, whoever clears it.
 * @returns the ids of the markers this call cleared
 */
export async function clearPendingStarts(
  caseIds: readonly string[],
  counter: StartCounter,
): Promise<string[]> {
  const cleared: string[] = [];
  for (let i = 0; i < caseIds.length; i += CLEARS_PER_TRANSACTION)
    cleared.push(...(await clearChunk(caseIds.slice(i, i + CLEARS_PER_TRANSACTION), counter)));
  return cleared;
}

async function clearChunk(caseIds: readonly string[], counter: StartCounter): Promise<string[]> {
  let pending = [...caseIds];
  // Each round either writes or drops at least one marker that is already cleared.
  while (pending.length > 0) {
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            ...pending.map((caseId) => ({
              Update: {
                TableName: tableName,
                Key: caseKey(caseId),
                UpdateExpression: 'REMOVE gsi2pk, gsi2sk, executionInput, startCounter',
                ConditionExpression: 'gsi2pk = :pk',
                ExpressionAttributeValues: { ':pk': PENDING_START_PARTITION },
              },
            })),
            {
              Update: {
                TableName: tableName,
                Key: { pk: counter.pk, sk: counter.sk },
                UpdateExpression: 'ADD started :n',
                ExpressionAttributeValues: { ':n': pending.length },
              },
            },
          ],
        }),
      );
      return pending;
    } catch (error) {
      const reasons =
        error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      const failed = new Set(
        reasons.flatMap((reason, i) => (reason.Code === 'ConditionalCheckFailed' ? [i] : [])),
      );
      if (failed.size === 0 || [...failed].some((i) => i >= pending.length)) throw error;
      pending = pending.filter((_, i) => !failed.has(i));
    }
  }
  return [];
}
