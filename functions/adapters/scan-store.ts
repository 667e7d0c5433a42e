import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ScanStatus } from '../domain/screening-rules.ts';
import { dynamo, tableName } from './dynamo-client.ts';

/**
 * Catalogue scans in the single table:
 *
 * | Item          | pk            | sk              |
 * |---------------|---------------|-----------------|
 * | Scan          | SCAN#<scanId> | SCAN            |
 * | Counted batch | SCAN#<scanId> | BATCH#<batchId> |
 *
 * Counts are added as each batch finishes (never recounted): the batch's guard item and the
 * scan's counters are one transaction, so a retried batch counts once.
 */

export interface ScanCounts {
  screened: number;
  clear: number;
  flag: number;
  takedown: number;
  /** Rows that are not a listing (a missing field, a title over the limit). */
  invalid: number;
  /** Rows read but not screened because the scan was stopped. */
  skipped: number;
  batches: number;
}

export interface ScanRecord {
  scanId: string;
  key: string;
  format: 'jsonl' | 'csv';
  status: ScanStatus;
  startedAt: string;
  startedBy: string;
  finishedAt?: string;
  failure?: string;
  counts: ScanCounts;
}

const scanKey = (scanId: string) => ({ pk: `SCAN#${scanId}`, sk: 'SCAN' });
const ZERO: ScanCounts = {
  screened: 0,
  clear: 0,
  flag: 0,
  takedown: 0,
  invalid: 0,
  skipped: 0,
  batches: 0,
};

export async function createScan(scan: Omit<ScanRecord, 'counts' | 'status'>): Promise<ScanRecord> {
  const record: ScanRecord = { ...scan, status: 'running', counts: { ...ZERO } };
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...scanKey(scan.scanId), type: 'CatalogueScan', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return record;
}

export async function getScan(scanId: string): Promise<ScanRecord | undefined> {
  const result = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: scanKey(scanId), ConsistentRead: true }),
  );
  if (!result.Item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, ...scan } = result.Item;
  return scan as ScanRecord;
}

/** Adds a batch's counts once (a replayed batch id adds nothing). */
export async function addBatchCounts(
  scanId: string,
  batchId: string,
  counts: Omit<ScanCounts, 'batches'>,
): Promise<void> {
  const names = Object.keys(counts) as (keyof typeof counts)[];
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { pk: `SCAN#${scanId}`, sk: `BATCH#${batchId}`, type: 'ScanBatch' },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: scanKey(scanId),
              UpdateExpression: `ADD ${[...names, 'batches'].map((n) => `counts.#${n} :${n}`).join(', ')}`,
              ExpressionAttributeNames: Object.fromEntries(
                [...names, 'batches'].map((n) => [`#${n}`, n]),
              ),
              ExpressionAttributeValues: {
                ...Object.fromEntries(names.map((n) => [`:${n}`, counts[n]])),
                ':batches': 1,
              },
            },
          },
        ],
      }),
    );
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return;
    throw error;
  }
}

/** Asks a running scan to stop: its remaining batches skip their rows. False when not running. */
export async function requestScanStop(scanId: string): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: scanKey(scanId),
        UpdateExpression: 'SET #status = :stopping',
        ConditionExpression: '#status = :running',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':stopping': 'stopping', ':running': 'running' },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Ends a scan: completed, failed, or (when a stop was asked) stopped. Idempotent. */
export async function finishScan(
  scanId: string,
  outcome: 'completed' | 'failed',
  at: string,
  failure?: string,
): Promise<void> {
  const scan = await getScan(scanId);
  if (!scan || scan.finishedAt) return;
  const status: ScanStatus = scan.status === 'stopping' ? 'stopped' : outcome;
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: scanKey(scanId),
        UpdateExpression: `SET #status = :status, finishedAt = :at${failure ? ', failure = :failure' : ''}`,
        // A stop asked meanwhile turns `completed` into `stopped` on the next attempt.
        ConditionExpression: 'attribute_not_exists(finishedAt) AND #status = :seen',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ':at': at,
          ':seen': scan.status,
          ...(failure ? { ':failure': failure } : {}),
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    await finishScan(scanId, outcome, at, failure);
  }
}
