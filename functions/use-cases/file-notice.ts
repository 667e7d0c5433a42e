import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startCaseExecution } from '../adapters/case-execution.ts';
import { clearPendingStart, pendingStartMarker } from '../adapters/case-start-outbox.ts';
import { clock } from '../adapters/clock.ts';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import { caseSearchKeys, keys } from '../adapters/keys.ts';
import { logger } from '../adapters/logger.ts';
import type { Notice } from '../domain/notice.ts';

/** Items per DynamoDB transaction (the service limit is 100). */
const TRANSACTION_ITEMS = 96;

export interface FiledNotice {
  noticeId: string;
  cases: { caseId: string; listingId: string; status: 'screening' }[];
}

/**
 * Files a notice: one case per listing, each with its own execution.
 *
 * 1. Derive the notice and case ids from the rights holder and the idempotency key, so a retried
 *    request writes the same items and starts the same executions.
 * 2. Write every case (status `screening`, a `notice_received` event, and a pending-start marker),
 *    then the notice, in transactions of at most 96 items; items already written are kept.
 * 3. Start each case's execution (name derived from the case id) and clear its marker. A start
 *    that fails leaves the marker: the reconciler starts that case later, so none is lost.
 */
export async function fileNotice(input: {
  rightsHolderId: string;
  idempotencyKey: string;
  notice: Notice;
  filedBy: string;
}): Promise<FiledNotice> {
  const { rightsHolderId, notice } = input;
  const seed = createHash('sha256')
    .update(`${rightsHolderId}\u0000${input.idempotencyKey}`)
    .digest('hex');
  const noticeId = `ntc-${seed.slice(0, 20)}`;
  const at = clock.now().toISOString();
  const cases = notice.listings.map(({ listingId }, i) => ({
    caseId: `case-${createHash('sha256').update(`${seed}:${i}:${listingId}`).digest('hex').slice(0, 20)}`,
    listingId,
    status: 'screening' as const,
  }));
  const writeOnce = { ConditionExpression: 'attribute_not_exists(pk)' };
  const items: {
    Put: { TableName: string; Item: Record<string, unknown>; ConditionExpression?: string };
  }[] = cases.flatMap(({ caseId, listingId }) => [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.case(caseId),
          type: 'Case',
          caseId,
          noticeId,
          rightsHolderId,
          ipRightId: notice.ipRightId,
          listingId,
          jurisdiction: notice.jurisdiction,
          infringementType: notice.infringementType,
          status: 'screening',
          source: 'notice',
          createdAt: at,
          updatedAt: at,
          version: 0,
          deadlines: {},
          searchText: listingId.toLowerCase(),
          ...caseSearchKeys({
            caseId,
            rightsHolderId,
            listingId,
            status: 'screening',
            createdAt: at,
          }),
          ...pendingStartMarker(caseId, at, JSON.stringify({ v: 1, caseId })),
        },
        ...writeOnce,
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.event(caseId, at, 'notice_received'),
          type: 'TimelineEvent',
          at,
          actor: { role: 'rights-holder', id: rightsHolderId },
          eventType: 'notice_received',
          detail: {
            noticeId,
            listingId,
            infringementType: notice.infringementType,
            jurisdiction: notice.jurisdiction,
          },
          stepKey: 'notice_received',
        },
      },
    },
  ]);
  items.push({
    Put: {
      TableName: tableName,
      Item: {
        ...keys.notice(noticeId),
        type: 'Notice',
        noticeId,
        rightsHolderId,
        filedBy: input.filedBy,
        ipRightId: notice.ipRightId,
        infringementType: notice.infringementType,
        jurisdiction: notice.jurisdiction,
        explanation: notice.explanation,
        evidenceIds: notice.evidenceIds,
        ...(notice.testBuy ? { testBuy: notice.testBuy } : {}),
        statements: notice.statements,
        signature: notice.signature,
        listingIds: cases.map((c) => c.listingId),
        caseIds: cases.map((c) => c.caseId),
        createdAt: at,
        gsi1pk: `RH#${rightsHolderId}`,
        gsi1sk: `NOTICE#${at}#${noticeId}`,
      },
      ...writeOnce,
    },
  });
  // Each case is written with its event, or not at all: a retried request that finds the case
  // written does not add a second `notice_received`.
  const groups: (typeof items)[] = [];
  for (let i = 0; i < items.length - 1; i += 2) groups.push(items.slice(i, i + 2));
  groups.push(items.slice(-1));
  for (let i = 0; i < groups.length; i += TRANSACTION_ITEMS / 2) {
    await writeBatch(groups.slice(i, i + TRANSACTION_ITEMS / 2));
  }
  // Every case is written now (by this request or an earlier one with the same key): only then
  // does any execution start, so no execution runs for a case that is not there.
  await startAll(cases.map((c) => c.caseId));
  return { noticeId, cases };
}

type WriteGroup = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>;

/**
 * Writes a batch of groups in one transaction. If it is cancelled because some items exist (a
 * retried request wrote them), each group is written on its own, and a group whose items exist is
 * kept as it is. Anything else, contention the client's retries did not outlast included, fails
 * the request (the client retries with the same key; nothing has started).
 */
async function writeBatch(batch: readonly WriteGroup[]): Promise<void> {
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: batch.flat() }));
    return;
  } catch (error) {
    if (!conditionFailedOnly(error)) throw error;
  }
  for (const group of batch) {
    try {
      await dynamo.send(new TransactWriteCommand({ TransactItems: group }));
    } catch (error) {
      if (!conditionFailedOnly(error)) throw error;
    }
  }
}

/** A cancellation because an item already exists (write-once conditions), and nothing else. */
function conditionFailedOnly(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return (
    codes.includes('ConditionalCheckFailed') &&
    codes.every((code) => code === 'ConditionalCheckFailed' || code === 'None')
  );
}

async function startAll(caseIds: string[]): Promise<void> {
  const queue = [...caseIds];
  const worker = async () => {
    for (let caseId = queue.shift(); caseId; caseId = queue.shift()) {
      try {
        await startCaseExecution(caseId, JSON.stringify({ v: 1, caseId }));
        await clearPendingStart(caseId);
      } catch (error) {
        logger.warn('case start failed; the reconciler will start it', {
          caseId,
          error: (error as Error).name,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, caseIds.length) }, worker));
}
