import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TestBuyRecord } from '../domain/test-buy.ts';
import { getItem } from './case-store.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys } from './keys.ts';
import { type Page, queryPartyAll, queryPartyPage } from './party-items.ts';

/**
 * Test buys (keys.ts): attached to a case, the record lives in the case's partition
 * (`CASE#<id>` / `TESTBUY#<id>`), so the case file reads it with the rest of the case; attached
 * to a seller only, in the seller's (`SELLER#<id>` / `TESTBUY#<id>`). Either way gsi1 lists a
 * seller's test buys, newest first (`SELLER#<id>` / `TESTBUY#<at>#<id>`), and a guard item per
 * order (`TESTBUY#<id>` / `ORDER`) says where the record is, so one order is recorded once.
 */
export class TestBuyAlreadyRecorded extends Error {
  override name = 'TestBuyAlreadyRecorded';
  constructor(readonly existing: { testBuyId: string; caseId?: string }) {
    super(`test buy ${existing.testBuyId} is already recorded`);
  }
}

const homeOf = (record: Pick<TestBuyRecord, 'testBuyId' | 'caseId' | 'sellerId'>) =>
  record.caseId
    ? keys.caseTestBuy(record.caseId, record.testBuyId)
    : keys.sellerTestBuy(record.sellerId, record.testBuyId);

/** Where an order's test buy is recorded, if it is. */
export async function findTestBuyOrder(
  testBuyId: string,
): Promise<{ testBuyId: string; caseId?: string; sellerId: string } | null> {
  return getItem(keys.testBuyOrder(testBuyId));
}

/**
 * Records a test buy and, for a case, its timeline entry, in one transaction.
 * @throws TestBuyAlreadyRecorded for an order already recorded
 */
export async function putTestBuy(
  record: TestBuyRecord,
  timelineEvent?: Record<string, unknown>,
): Promise<void> {
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.testBuyOrder(record.testBuyId),
                type: 'TestBuyOrder',
                testBuyId: record.testBuyId,
                sellerId: record.sellerId,
                ...(record.caseId ? { caseId: record.caseId } : {}),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...homeOf(record),
                type: 'TestBuy',
                ...record,
                gsi1pk: `SELLER#${record.sellerId}`,
                gsi1sk: `TESTBUY#${record.recordedAt}#${record.testBuyId}`,
              },
            },
          },
          ...(timelineEvent ? [{ Put: { TableName: tableName, Item: timelineEvent } }] : []),
        ],
      }),
    );
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') {
      const existing = await findTestBuyOrder(record.testBuyId);
      throw new TestBuyAlreadyRecorded(existing ?? { testBuyId: record.testBuyId });
    }
    throw error;
  }
}

const stripKeys = (item: Record<string, unknown>): TestBuyRecord => {
  const { pk, sk, gsi1pk, gsi1sk, type, ...rest } = item;
  return rest as unknown as TestBuyRecord;
};

/** A page of a seller's test buys (on it and on its cases), newest first. */
export async function listSellerTestBuys(
  sellerId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<TestBuyRecord>> {
  const result = await queryPartyPage({
    partition: `SELLER#${sellerId}`,
    skPrefix: 'TESTBUY#',
    limit: page.limit,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  return { items: result.items.map(stripKeys), nextCursor: result.nextCursor };
}

/** Whether a test buy on one of the seller's cases cites the evidence as its report. */
export async function sellerCaseTestBuysCite(
  sellerId: string,
  evidenceId: string,
): Promise<boolean> {
  const items = await queryPartyAll(`SELLER#${sellerId}`, 'TESTBUY#');
  return items.some((item) => item.caseId && item.reportEvidenceId === evidenceId);
}

/** The test buys among a case partition's items (the case file reads them in its one Query). */
export const testBuysOfPartition = (items: readonly Record<string, unknown>[]): TestBuyRecord[] =>
  items
    .filter((item) => String(item.sk).startsWith('TESTBUY#'))
    .map(stripKeys)
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
