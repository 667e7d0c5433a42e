import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startCaseExecution } from '../adapters/case-execution.ts';
import { clearPendingStart, pendingStartMarker } from '../adapters/case-start-outbox.ts';
import { getItem, putIfAbsent } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import { caseSearchKeys, keys } from '../adapters/keys.ts';
import { logger } from '../adapters/logger.ts';
import { BUSINESS_METRICS, recordMetric } from '../adapters/metrics.ts';
import { policy } from '../adapters/policy-source.ts';
import type { RightsHolderProfile } from '../adapters/registry-store.ts';
import { getIpRight } from '../adapters/registry-store.ts';
import { assertNoticeEligible } from '../domain/eligibility.ts';
import { DomainRuleError } from '../domain/errors.ts';
import { assertNoticeElements, type Notice } from '../domain/notice.ts';

/** Idempotency records are kept at least 24 h (API.md); DynamoDB's TTL deletes them after. */
const IDEMPOTENCY_TTL_SECONDS = 48 * 3600;

/** The Idempotency-Key was used before with another body (→ 409). */
export class IdempotencyKeyReused extends Error {
  override name = 'IdempotencyKeyReused';
}

/**
 * Accepts a rights holder's notice under an `Idempotency-Key`.
 *
 * 1. Check the statutory elements against the rights holder's profile and the IP right (400 for a
 *    missing element), then the rules (422): a verified rights holder; the caller's own verified
 *    IP right, in force, of the notice's jurisdiction; evidence that is the caller's and sealed.
 * 2. Record the key with a hash of the body: the same key with another body is IdempotencyKeyReused.
 *    A record past its ttl is absent: the key starts a new notice (DynamoDB may not have deleted it
 *    yet), and the notice's ids derive from the key and the record's creation.
 * 3. File (fileNotice): a replay, even a concurrent one, writes the same notice and answers the same.
 */
export async function acceptNotice(input: {
  callerSub: string;
  rightsHolder: RightsHolderProfile;
  idempotencyKey: string;
  /** The body as received, for the idempotency hash. */
  body: unknown;
  notice: Notice;
}): Promise<FiledNotice> {
  const { rightsHolder, notice } = input;
  const ipRight = await getIpRight(notice.ipRightId);
  const now = clock.now();
  if (ipRight && ipRight.rightsHolderId === rightsHolder.rightsHolderId) {
    assertNoticeElements(notice, {
      rightsHolder: {
        legalName: rightsHolder.legalName,
        address: rightsHolder.address,
        phone: rightsHolder.phone,
        email: rightsHolder.email,
      },
      ipRight: { title: ipRight.title, kind: ipRight.kind },
      now,
      policy,
    });
  }
  assertNoticeEligible({
    rightsHolder,
    ipRight: ipRight ?? {
      ipRightId: notice.ipRightId,
      rightsHolderId: '',
      kind: 'trademark',
      jurisdiction: notice.jurisdiction,
      status: 'rejected',
    },
    jurisdiction: notice.jurisdiction,
    infringementType: notice.infringementType,
    now,
  });
  await assertOwnSealedEvidence(rightsHolder.rightsHolderId, [
    ...notice.evidenceIds,
    ...(notice.testBuy ? [notice.testBuy.reportEvidenceId] : []),
  ]);

  const scope = `notice#${input.callerSub}`;
  const requestHash = createHash('sha256').update(canonicalJson(input.body)).digest('hex');
  const record = {
    ...keys.idempotency(scope, input.idempotencyKey),
    type: 'Idempotency',
    requestHash,
    createdAt: now.toISOString(),
    ttl: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
  let generation = record.createdAt;
  const first = await putIfAbsent(record, { now: Math.floor(now.getTime() / 1000) });
  if (!first) {
    const existing = await getItem<{ requestHash: string; createdAt: string }>(
      keys.idempotency(scope, input.idempotencyKey),
    );
    if (existing && existing.requestHash !== requestHash)
      throw new IdempotencyKeyReused('This Idempotency-Key was used with another body.');
    if (existing) generation = existing.createdAt;
  }
  const filed = await fileNotice({
    rightsHolderId: rightsHolder.rightsHolderId,
    idempotencyKey: `${input.callerSub}:${input.idempotencyKey}:${generation}`,
    notice,
    filedBy: input.callerSub,
  });
  if (first) recordMetric(BUSINESS_METRICS.noticesFiled, { Jurisdiction: notice.jurisdiction });
  return filed;
}

async function assertOwnSealedEvidence(
  rightsHolderId: string,
  evidenceIds: readonly string[],
): Promise<void> {
  const problems: { path: string; message: string }[] = [];
  for (const [i, evidenceId] of evidenceIds.entries()) {
    const evidence = await getItem<{
      ownerType?: string;
      ownerId?: string;
      owner?: string;
      status?: string;
    }>(keys.evidence(evidenceId));
    const owned =
      evidence &&
      (evidence.owner === `RH#${rightsHolderId}` ||
        (evidence.ownerType === 'rights-holder' && evidence.ownerId === rightsHolderId));
    if (!owned) problems.push({ path: `evidenceIds.${i}`, message: 'No such evidence of yours' });
    else if (evidence.status !== 'sealed')
      problems.push({ path: `evidenceIds.${i}`, message: 'The evidence is not sealed yet' });
  }
  if (problems.length > 0)
    throw new DomainRuleError(
      'evidence_not_sealed',
      'A notice may cite only your own sealed evidence',
      problems,
    );
}

/** JSON with sorted keys, so bodies that parse to the same JSON hash the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

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
