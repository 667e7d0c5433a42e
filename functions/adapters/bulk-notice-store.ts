import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FanOutProgress, FanOutRow } from '../domain/bulk-notice.ts';
import type { RejectedRow } from '../domain/manifest.ts';
import type { StartCounter } from './case-start-outbox.ts';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys } from './keys.ts';
import type { NoticeRecord } from './notice-store.ts';

/**
 * A bulk notice's fan-out, as stored. Its progress is kept as the work happens, in the notice's
 * own partition: one item per batch of the distributed Map (`BATCH#<first row>`) with the rows it
 * took, the cases it owns, its rejected rows and duplicates, and `started`, which goes up by one
 * in the transaction that clears a case's start marker (whoever starts it). The manifest's own
 * problems (malformed rows, rows repeated in the file) are items `BATCH#00000#<n>`.
 *
 * | Item | pk | sk |
 * |---|---|---|
 * | Batch | NOTICE#<noticeId> | BATCH#<first row, 5 digits> |
 * | Manifest rejections | NOTICE#<noticeId> | BATCH#00000#<chunk> |
 */

/** A bulk notice as stored: its manifest and row count. */
export type BulkNoticeRecord = NoticeRecord & {
  bulk: { manifestEvidenceId: string; contentType: string; total: number };
  fanOutEndedAt?: string;
  /** The rights holder withdrew the notice (requestNoticeWithdrawal): every case is withdrawn. */
  withdrawalRequestedAt?: string;
};

/** The bulk notice, if `notice` is one. */
export function asBulkNotice(notice: NoticeRecord): BulkNoticeRecord | undefined {
  return (notice as BulkNoticeRecord).bulk ? (notice as BulkNoticeRecord) : undefined;
}

/** A bulk notice's progress, as GET /v1/notices/{noticeId} shows it. */
export function fanOutProgress(notice: BulkNoticeRecord) {
  return readFanOutProgress(notice.noticeId, notice.bulk.total);
}

/** The fan-out marker ("outbox") of a notice whose fan-out execution may not have started. */
export const PENDING_FAN_OUT_PARTITION = 'FAN_OUT#PENDING';

/** Where a batch's started cases are counted. */
export function batchCounter(noticeId: string, firstRow: number): StartCounter {
  return { pk: keys.notice(noticeId).pk, sk: `BATCH#${String(firstRow).padStart(5, '0')}` };
}

/** Attributes of a bulk notice item that mark its fan-out as not yet started. */
export function pendingFanOutMarker(noticeId: string, at: string) {
  return { gsi2pk: PENDING_FAN_OUT_PARTITION, gsi2sk: `${at}#${noticeId}` };
}

/** Notices whose fan-out was written before `before` and never marked started, oldest first. */
export async function listPendingFanOuts(before: Date, limit = 100): Promise<string[]> {
  const items = await queryDue(PENDING_FAN_OUT_PARTITION, before, limit);
  return items.map((item) => String(item.noticeId));
}

/** Clears a notice's fan-out marker once its execution exists. */
export async function clearPendingFanOut(noticeId: string): Promise<void> {
  await dynamo
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.notice(noticeId),
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': PENDING_FAN_OUT_PARTITION },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** Rejected rows per item: 500 short reasons stay far below DynamoDB's 400 KB. */
const REJECTIONS_PER_ITEM = 500;

/** Records the manifest's own rejected rows and in-file duplicates (idempotent). */
export async function recordManifestProblems(
  noticeId: string,
  rejectedRows: readonly RejectedRow[],
  duplicates: number,
): Promise<void> {
  const chunks = Math.max(1, Math.ceil(rejectedRows.length / REJECTIONS_PER_ITEM));
  for (let i = 0; i < chunks; i++) {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: keys.notice(noticeId).pk,
          sk: `BATCH#00000#${String(i).padStart(3, '0')}`,
          type: 'FanOutBatch',
          rows: 0,
          cases: 0,
          started: 0,
          duplicates: i === 0 ? duplicates : 0,
          rejectedRows: rejectedRows.slice(i * REJECTIONS_PER_ITEM, (i + 1) * REJECTIONS_PER_ITEM),
        },
      }),
    );
  }
}

/**
 * Records what a batch found (idempotent: a batch run again finds the same), leaving `started`
 * as the starts counted it.
 */
export async function recordBatch(
  counter: StartCounter,
  batch: {
    rows: number;
    caseIds: readonly string[];
    rejectedRows: readonly RejectedRow[];
    duplicates: number;
  },
): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { pk: counter.pk, sk: counter.sk },
      UpdateExpression:
        'SET #type = :type, #rows = :rows, cases = :cases, caseIds = :caseIds, rejectedRows = :rejected, duplicates = :duplicates ADD started :zero',
      ExpressionAttributeNames: { '#type': 'type', '#rows': 'rows' },
      ExpressionAttributeValues: {
        ':type': 'FanOutBatch',
        ':rows': batch.rows,
        ':cases': batch.caseIds.length,
        ':caseIds': batch.caseIds,
        ':rejected': batch.rejectedRows,
        ':duplicates': batch.duplicates,
        ':zero': 0,
      },
    }),
  );
}

/** A bulk notice's progress, from its batch items (at most 100 batches and a few more). */
export async function readFanOutProgress(
  noticeId: string,
  total: number,
): Promise<FanOutProgress & { rejectedRows: RejectedRow[]; caseIds: string[] }> {
  const progress = { total, started: 0, duplicates: 0, rejected: 0 };
  const rejectedRows: RejectedRow[] = [];
  const caseIds: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :batch)',
        ExpressionAttributeValues: { ':pk': keys.notice(noticeId).pk, ':batch': 'BATCH#' },
        // A withdrawal reads the cases recorded so far after marking the notice (see
        // requestNoticeWithdrawal): it must see every batch recorded before that mark.
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      progress.started += Number(item.started ?? 0);
      progress.duplicates += Number(item.duplicates ?? 0);
      const rejected = (item.rejectedRows ?? []) as RejectedRow[];
      progress.rejected += rejected.length;
      rejectedRows.push(...rejected);
      caseIds.push(...((item.caseIds ?? []) as string[]));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  rejectedRows.sort((a, b) => a.row - b.row);
  return { ...progress, rejectedRows, caseIds };
}

/** Marks the end of a notice's fan-out (the Map is done; stragglers are the reconciler's). */
export async function markFanOutEnded(noticeId: string, at: string): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.notice(noticeId),
      UpdateExpression: 'SET fanOutEndedAt = if_not_exists(fanOutEndedAt, :at)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
}

/**
 * Marks a bulk notice withdrawn (write-once: a second withdrawal keeps the first instant). The
 * withdrawal then withdraws every case its batches recorded so far, and a batch that records its
 * cases later reads the mark and withdraws them itself before starting them (startBatch): either
 * the withdrawal's read of the batches comes after a batch's record, or the batch's read of the
 * notice comes after the mark, so no case of the notice escapes (both reads are strongly
 * consistent).
 * @returns the instant of the withdrawal
 */
export async function requestNoticeWithdrawal(noticeId: string, at: string): Promise<string> {
  const result = await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.notice(noticeId),
      UpdateExpression: 'SET withdrawalRequestedAt = if_not_exists(withdrawalRequestedAt, :at)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return String(result.Attributes?.withdrawalRequestedAt ?? at);
}
