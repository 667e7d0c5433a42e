import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TimelineEvent } from '../domain/case.ts';
import type { StrikeRecord } from '../domain/strikes.ts';
import type { TestBuyRecord } from '../domain/test-buy.ts';
import type { AppealRecord } from './appeal-store.ts';
import type { AuditTask } from './audit-tasks.ts';
import { type CaseRecord, type PendingTask, stripKeys } from './case-store.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import type { EvidenceRecord } from './evidence-store.ts';
import { keys } from './keys.ts';
import type { MessageCopy } from './message-copies.ts';
import type { NoticeRecord } from './notice-store.ts';
import { batchGetItems } from './party-items.ts';
import type { IpRightProfile, RightsHolderProfile } from './registry-store.ts';
import type { SellerRecord } from './seller-store.ts';
import { testBuysOfPartition } from './test-buy-store.ts';

/** The seller's counter-notice as stored: its contact is personal data, shown as the law allows. */
export interface CounterNoticeRecord {
  sellerId: string;
  receivedAt: string;
  statement: string;
  contact: { name: string; address: string; phone: string; email: string };
  signature?: { fullName: string; signedAt: string };
  evidenceIds: string[];
  [field: string]: unknown;
}

/** A case's other cases of the same seller, newest first. */
export interface PriorCase {
  caseId: string;
  status: string;
  at: string;
}

/** Every record a case file is assembled from. */
export interface CaseFileRecords {
  record: CaseRecord;
  timeline: TimelineEvent[];
  pendingTask: PendingTask | null;
  counterNotice: CounterNoticeRecord | null;
  notice: NoticeRecord | null;
  ipRight: IpRightProfile | null;
  rightsHolder: RightsHolderProfile | null;
  /** The evidence the case cites (notice, test buy, information replies, counter-notice), by id. */
  evidence: Map<string, EvidenceRecord>;
  /** The statement of reasons as the seller received it, if one was sent. */
  statementOfReasons: MessageCopy | null;
  /** The case's appeals, oldest first (each party sees its own). */
  appeals: AppealRecord[];
  /** The open human audit of the case's automated decision, if one was sampled and waits. */
  audit: AuditTask | null;
  /** Test buys attached to the case, oldest first. */
  testBuys: TestBuyRecord[];
  /** Reviewers only: the seller's standing with the service. */
  seller?: { profile: SellerRecord | null; strikes: StrikeRecord[]; priorCases: PriorCase[] };
}

/** How many of the seller's other cases a reviewer sees in the case file. */
const PRIOR_CASES = 10;

/** A case with the records that say what it cites: its notice and its counter-notice. */
export type CaseCore = Omit<CaseFileRecords, 'evidence'>;

/**
 * Reads a case file in three rounds of DynamoDB calls, each round's calls in parallel:
 * 1. the case's partition in one Query (the case, its timeline, its pending task, its
 *    counter-notice, its appeals: they share `CASE#<id>`);
 * 2. the notice, the IP right and the rights holder in one BatchGetItem; for reviewers, the
 *    seller's partition (profile and strikes) and its latest cases (gsi1), in parallel;
 * 3. the cited evidence in one BatchGetItem.
 * Null when the case does not exist.
 */
export async function readCaseFile(
  caseId: string,
  options: { withSeller: boolean },
): Promise<CaseFileRecords | null> {
  const core = await readCaseCore(caseId, options);
  if (!core) return null;
  const evidenceIds = [
    ...new Set([
      ...citedEvidenceIds(core.notice, core.counterNotice, core.timeline, core.testBuys),
      ...core.appeals.flatMap((appeal) => appeal.evidenceIds),
    ]),
  ];
  const evidenceItems = evidenceIds.length
    ? await batchGetItems(
        evidenceIds.map((id) => keys.evidence(id)),
        [],
      )
    : [];
  const evidence = new Map(
    evidenceItems.map((item) => {
      const evidenceRecord = strip(item) as unknown as EvidenceRecord;
      return [evidenceRecord.evidenceId, evidenceRecord];
    }),
  );
  return { ...core, evidence };
}

/** Rounds 1 and 2 of `readCaseFile`: the case file without the evidence records. */
export async function readCaseCore(
  caseId: string,
  options: { withSeller: boolean },
): Promise<CaseCore | null> {
  const partition = await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.case(caseId).pk },
    ConsistentRead: true,
  });
  const bySk = (sk: string) => partition.find((item) => item.sk === sk);
  const caseItem = bySk('CASE');
  if (!caseItem) return null;
  const record = strip(caseItem) as unknown as CaseRecord;
  const taskItem = bySk('TASK');
  const auditItem = bySk(keys.audit(caseId).sk);
  const counterItem = bySk('COUNTER_NOTICE');
  const statementItem = bySk(keys.messageCopy(caseId, 'statement_of_reasons', 'seller').sk);
  const timeline = partition
    .filter((item) => String(item.sk).startsWith('EVENT#'))
    .map(
      (item): TimelineEvent => ({
        at: item.at as string,
        actor: item.actor as TimelineEvent['actor'],
        type: item.eventType as TimelineEvent['type'],
        detail: (item.detail as Record<string, unknown>) ?? {},
      }),
    );

  const [related, seller] = await Promise.all([
    batchGetItems(
      [
        keys.notice(record.noticeId),
        keys.ipRight(record.ipRightId),
        keys.rightsHolder(record.rightsHolderId),
      ],
      [],
    ),
    options.withSeller && record.sellerId ? readSeller(record.sellerId, caseId) : undefined,
  ]);
  const find = (pk: string) => related.find((item) => item.pk === pk);
  return {
    record,
    timeline,
    pendingTask: taskItem ? (strip(taskItem) as unknown as PendingTask) : null,
    audit: auditItem ? (strip(auditItem) as unknown as AuditTask) : null,
    counterNotice: counterItem ? (strip(counterItem) as unknown as CounterNoticeRecord) : null,
    appeals: partition
      .filter((item) => String(item.sk).startsWith('APPEAL#'))
      .map((item) => strip(item) as unknown as AppealRecord)
      .sort((a, b) => a.filedAt.localeCompare(b.filedAt)),
    statementOfReasons: statementItem ? (strip(statementItem) as unknown as MessageCopy) : null,
    testBuys: testBuysOfPartition(partition),
    notice: (strip(find(keys.notice(record.noticeId).pk)) ?? null) as NoticeRecord | null,
    ipRight: (strip(find(keys.ipRight(record.ipRightId).pk)) ?? null) as IpRightProfile | null,
    rightsHolder: (strip(find(keys.rightsHolder(record.rightsHolderId).pk)) ??
      null) as RightsHolderProfile | null,
    ...(seller ? { seller } : {}),
  };
}

/**
 * The evidence a case cites, by who cited it: the notice's (and its test buy's report), the
 * rights holder's information replies, the seller's counter-notice, and the reports of the test
 * buys staff attached to the case.
 */
export function citedEvidenceIds(
  notice: Pick<NoticeRecord, 'evidenceIds' | 'testBuy'> | null,
  counterNotice: Pick<CounterNoticeRecord, 'evidenceIds'> | null,
  timeline: readonly TimelineEvent[],
  testBuys: readonly Pick<TestBuyRecord, 'reportEvidenceId'>[] = [],
): string[] {
  const ids = [
    ...(notice?.evidenceIds ?? []),
    ...(notice?.testBuy ? [notice.testBuy.reportEvidenceId] : []),
    ...testBuys.map((testBuy) => testBuy.reportEvidenceId),
    ...timeline
      .filter((event) => event.type === 'info_received')
      .flatMap((event) => (event.detail.evidenceIds as string[] | undefined) ?? []),
    ...(counterNotice?.evidenceIds ?? []),
  ];
  return [...new Set(ids)];
}

async function readSeller(sellerId: string, caseId: string) {
  const [own, cases] = await Promise.all([
    queryAll({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.seller(sellerId).pk },
      ConsistentRead: true,
    }),
    dynamo.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `SELLER#${sellerId}`, ':prefix': 'CASE#' },
        ProjectionExpression: 'caseId, #status, createdAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ScanIndexForward: false,
        Limit: PRIOR_CASES + 1,
      }),
    ),
  ]);
  const profile = own.find((item) => item.sk === 'PROFILE');
  return {
    profile: profile ? (strip(profile) as unknown as SellerRecord) : null,
    strikes: own
      .filter((item) => String(item.sk).startsWith('STRIKE#'))
      .map((item) => strip(item) as unknown as StrikeRecord),
    priorCases: (cases.Items ?? [])
      .filter((item) => item.caseId !== caseId)
      .slice(0, PRIOR_CASES)
      .map((item) => ({
        caseId: item.caseId as string,
        status: item.status as string,
        at: item.createdAt as string,
      })),
  };
}

async function queryAll(
  input: ConstructorParameters<typeof QueryCommand>[0],
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

function strip(item: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return item ? stripKeys(item) : undefined;
}
