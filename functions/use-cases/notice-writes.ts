import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { pendingStartMarker, type StartCounter } from '../adapters/case-start-outbox.ts';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import { caseSearchKeys, keys } from '../adapters/keys.ts';
import type { Notice } from '../domain/notice.ts';

/** Items per DynamoDB transaction: the service limit (50 cases of two items each). */
export const TRANSACTION_ITEMS = 100;

export type WriteGroup = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>;

/** What every case of a notice copies from its notice. */
export interface NoticeCaseFacts {
  noticeId: string;
  rightsHolderId: string;
  ipRightId: string;
  jurisdiction: string;
  infringementType: string;
  /** More than 10 listings: outcomes go to the notifier as a digest (API.md, bulk notices). */
  digestOutcomes?: boolean;
}

/**
 * The writes of one new case of a notice: the case (status `screening`, with its pending-start
 * marker: the outbox) written once, and its `notice_received` event. Written together or not at
 * all, so a retried request that finds the case written adds no second event.
 */
export function newCaseWrites(input: {
  caseId: string;
  listingId: string;
  notice: NoticeCaseFacts;
  at: string;
  /** Counts the start on a bulk notice's batch (see StartCounter). */
  startCounter?: StartCounter;
  /** Extra attributes of the case item (e.g. the manifest row it came from). */
  extra?: Record<string, unknown>;
}): WriteGroup {
  const { caseId, listingId, notice, at } = input;
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.case(caseId),
          type: 'Case',
          caseId,
          noticeId: notice.noticeId,
          rightsHolderId: notice.rightsHolderId,
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
          ...(notice.digestOutcomes ? { digestOutcomes: true } : {}),
          ...caseSearchKeys({
            caseId,
            rightsHolderId: notice.rightsHolderId,
            listingId,
            status: 'screening',
            createdAt: at,
          }),
          ...pendingStartMarker(caseId, at, JSON.stringify({ v: 1, caseId }), input.startCounter),
          ...input.extra,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.event(caseId, at, 'notice_received'),
          type: 'TimelineEvent',
          at,
          actor: { role: 'rights-holder', id: notice.rightsHolderId },
          eventType: 'notice_received',
          detail: {
            noticeId: notice.noticeId,
            listingId,
            infringementType: notice.infringementType,
            jurisdiction: notice.jurisdiction,
          },
          stepKey: 'notice_received',
        },
      },
    },
  ];
}

/**
 * Writes groups (each all-or-nothing) in transactions of at most 100 items. A transaction
 * cancelled because some items exist (a retry wrote them) is written again group by group, and a
 * group whose items exist is kept as it is. Anything else, contention the client's retries did not
 * outlast included, throws (the caller retries; nothing has started).
 * @returns per group, whether it was already written (by an earlier call), i.e. not by this one
 */
export async function writeGroups(groups: readonly WriteGroup[]): Promise<boolean[]> {
  const existed: boolean[] = [];
  let batch: WriteGroup[] = [];
  let size = 0;
  for (const group of groups) {
    if (size + group.length > TRANSACTION_ITEMS && batch.length > 0) {
      existed.push(...(await writeBatch(batch)));
      batch = [];
      size = 0;
    }
    batch.push(group);
    size += group.length;
  }
  if (batch.length > 0) existed.push(...(await writeBatch(batch)));
  return existed;
}

async function writeBatch(batch: readonly WriteGroup[]): Promise<boolean[]> {
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: batch.flat() }));
    return batch.map(() => false);
  } catch (error) {
    if (!conditionFailedOnly(error)) throw error;
  }
  const existed: boolean[] = [];
  for (const group of batch) {
    try {
      await dynamo.send(new TransactWriteCommand({ TransactItems: group }));
      existed.push(false);
    } catch (error) {
      if (!conditionFailedOnly(error)) throw error;
      existed.push(true);
    }
  }
  return existed;
}

/** A cancellation because an item already exists (write-once conditions), and nothing else. */
export function conditionFailedOnly(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return (
    codes.includes('ConditionalCheckFailed') &&
    codes.every((code) => code === 'ConditionalCheckFailed' || code === 'None')
  );
}

/**
 * The notice item, as both kinds of notice write it: with its listings and cases (a notice with
 * `listings`), or empty lists that the fan-out's batches account for (a bulk notice).
 */
export function noticeItem(input: {
  noticeId: string;
  rightsHolderId: string;
  filedBy: string;
  notice: Notice;
  at: string;
  listingIds: string[];
  caseIds: string[];
}): Record<string, unknown> {
  const { noticeId, rightsHolderId, notice, at } = input;
  return {
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
    listingIds: input.listingIds,
    caseIds: input.caseIds,
    createdAt: at,
    gsi1pk: `RH#${rightsHolderId}`,
    gsi1sk: `NOTICE#${at}#${noticeId}`,
  };
}
