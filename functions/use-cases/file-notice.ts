import { createHash } from 'node:crypto';
import { startCaseExecution } from '../adapters/case-execution.ts';
import { clearPendingStart } from '../adapters/case-start-outbox.ts';
import { getItem, putIfAbsent } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { tableName } from '../adapters/dynamo-client.ts';
import { readSealedObject } from '../adapters/evidence-store.ts';
import { keys } from '../adapters/keys.ts';
import { logger } from '../adapters/logger.ts';
import { marketplace } from '../adapters/marketplace.ts';
import { BUSINESS_METRICS, recordMetric } from '../adapters/metrics.ts';
import { getStanding } from '../adapters/notifier-standing.ts';
import { policy } from '../adapters/policy-source.ts';
import type { RightsHolderProfile } from '../adapters/registry-store.ts';
import { getIpRight } from '../adapters/registry-store.ts';
import { chargeVolumeQuota } from '../adapters/volume-quota.ts';
import { dailyListingQuota } from '../domain/bulk-notice.ts';
import { assertNoticeEligible } from '../domain/eligibility.ts';
import { DomainRuleError } from '../domain/errors.ts';
import { parseManifest, type RejectedRow } from '../domain/manifest.ts';
import { assertNoticeElements, type Notice, type NoticeListing } from '../domain/notice.ts';
import { assertOwnSealedEvidence } from './evidence-ownership.ts';
import { type FiledBulkNotice, fileBulkNotice } from './file-bulk-notice.ts';
import { newCaseWrites, noticeItem, type WriteGroup, writeGroups } from './notice-writes.ts';
import { pool } from './pool.ts';

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
 *    IP right, in force, of the notice's jurisdiction; evidence that is the caller's and sealed;
 *    for a bulk notice, a manifest that is the caller's own sealed manifest, with a header naming
 *    only `listingId` and/or `url`, of at most 10,000 rows.
 * 2. Resolve listings named by URL through the marketplace: a URL it does not know is a rejected
 *    row of the answer, not a refused notice (a bulk notice's URLs are resolved by its fan-out).
 * 3. Record the key with a hash of the body: the same key with another body is IdempotencyKeyReused.
 *    A record past its ttl is absent: the key starts a new notice (DynamoDB may not have deleted it
 *    yet), and the notice's ids derive from the key and the record's creation.
 * 4. Charge the listings to the notifier's daily volume quota, once per notice (429 past it).
 * 5. File: a small notice writes its cases and starts them (fileNotice); a bulk notice is written
 *    `fanning_out` and its fan-out started (fileBulkNotice). A replay, even a concurrent one,
 *    writes the same notice and answers the same.
 */
/** A notice naming more listings than this gets its outcomes as a digest (API.md). */
const DIGEST_ABOVE_LISTINGS = 10;

export async function acceptNotice(input: {
  callerSub: string;
  rightsHolder: RightsHolderProfile;
  idempotencyKey: string;
  /** The body as received, for the idempotency hash. */
  body: unknown;
  notice: Notice;
}): Promise<FiledNotice | FiledBulkNotice> {
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
  const owners = [`RH#${rightsHolder.rightsHolderId}`, `SUB#${input.callerSub}`];
  await assertOwnSealedEvidence(owners, [
    ...notice.evidenceIds,
    ...(notice.testBuy ? [notice.testBuy.reportEvidenceId] : []),
  ]);
  const manifest = notice.listingsManifestEvidenceId
    ? await readManifest(owners, notice.listingsManifestEvidenceId)
    : undefined;
  const resolved = manifest ? undefined : await resolveListings(notice.listings);

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
  const idempotencyKey = `${input.callerSub}:${input.idempotencyKey}:${generation}`;
  const noticeId = noticeIdFor(rightsHolder.rightsHolderId, idempotencyKey);
  const standing = await getStanding(rightsHolder.rightsHolderId);
  await chargeVolumeQuota({
    rightsHolderId: rightsHolder.rightsHolderId,
    noticeId,
    listings: manifest ? manifest.parsed.rows.length : resolved!.listingIds.length,
    limit: dailyListingQuota(policy, Boolean(standing.fastLaneSince)),
    now,
  });
  const filed = manifest
    ? await fileBulkNotice({
        rightsHolderId: rightsHolder.rightsHolderId,
        noticeId,
        notice,
        manifest: manifest.record,
        total: manifest.total,
        filedBy: input.callerSub,
      })
    : {
        ...(await fileNotice({
          rightsHolderId: rightsHolder.rightsHolderId,
          idempotencyKey,
          notice: { ...notice, listings: resolved!.listingIds.map((listingId) => ({ listingId })) },
          filedBy: input.callerSub,
        })),
        ...(resolved!.rejectedRows.length > 0 ? { rejectedRows: resolved!.rejectedRows } : {}),
      };
  if (first) recordMetric(BUSINESS_METRICS.noticesFiled, { Jurisdiction: notice.jurisdiction });
  return filed;
}

/** The id of the notice an idempotency key files. */
export function noticeIdFor(rightsHolderId: string, idempotencyKey: string): string {
  return `ntc-${noticeSeed(rightsHolderId, idempotencyKey).slice(0, 20)}`;
}

const noticeSeed = (rightsHolderId: string, idempotencyKey: string) =>
  createHash('sha256').update(`${rightsHolderId}\u0000${idempotencyKey}`).digest('hex');

/**
 * The caller's own sealed manifest, read and checked as a file (422 for no header, an unknown
 * column, more than 10,000 rows); its rows are validated again by the fan-out.
 */
async function readManifest(owners: readonly string[], evidenceId: string) {
  const [record] = await assertOwnSealedEvidence(
    owners,
    [evidenceId],
    'listingsManifestEvidenceId',
    { purpose: 'manifest' },
  );
  const contentType = record!.stored?.contentType ?? record!.contentType;
  const parsed = parseManifest(await readSealedObject(record!), contentType);
  const total = parsed.rows.length + parsed.rejectedRows.length + parsed.duplicates;
  if (total === 0)
    throw new DomainRuleError('manifest_invalid', 'The manifest names no listings.', [
      { path: 'listingsManifestEvidenceId', message: 'The manifest names no listings.' },
    ]);
  return { record: record!, parsed, total };
}

/**
 * The listing ids of a small notice's listings: ids as given, URLs as the marketplace resolves
 * them (in one call), de-duplicated. A URL it does not know is a rejected row (1-based position).
 *
 * @throws DomainRuleError when no listing is left (nothing to file)
 */
async function resolveListings(listings: readonly NoticeListing[]): Promise<{
  listingIds: string[];
  rejectedRows: RejectedRow[];
}> {
  const urls = listings.flatMap((l) => ('url' in l ? [l.url] : []));
  const byUrl =
    urls.length > 0 ? await marketplace().resolveListingUrls(urls) : new Map<string, null>();
  const listingIds: string[] = [];
  const rejectedRows: RejectedRow[] = [];
  listings.forEach((listing, i) => {
    const listingId = 'listingId' in listing ? listing.listingId : byUrl.get(listing.url);
    if (listingId) listingIds.push(listingId);
    else rejectedRows.push({ row: i + 1, reason: 'The marketplace has no listing at this URL' });
  });
  const distinct = [...new Set(listingIds)];
  if (distinct.length === 0)
    throw new DomainRuleError('listings_unresolved', 'None of the listings could be found.', [
      { path: 'listings', message: 'The marketplace has no listing at any of these URLs' },
    ]);
  return { listingIds: distinct, rejectedRows };
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

export interface FiledNotice {
  noticeId: string;
  cases: { caseId: string; listingId: string; status: 'screening' }[];
  /** Listings named by a URL the marketplace does not know (1-based positions in `listings`). */
  rejectedRows?: RejectedRow[];
}

/**
 * Files a notice: one case per listing, each with its own execution.
 *
 * 1. Derive the notice and case ids from the rights holder and the idempotency key, so a retried
 *    request writes the same items and starts the same executions.
 * 2. Write every case (status `screening`, a `notice_received` event, and a pending-start marker),
 *    then the notice, in transactions of at most 100 items; items already written are kept.
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
  const seed = noticeSeed(rightsHolderId, input.idempotencyKey);
  const noticeId = `ntc-${seed.slice(0, 20)}`;
  const at = clock.now().toISOString();
  const listingIds = notice.listings.map((listing) => {
    if (!('listingId' in listing)) throw new Error('fileNotice takes resolved listing ids');
    return listing.listingId;
  });
  const cases = listingIds.map((listingId, i) => ({
    caseId: `case-${createHash('sha256').update(`${seed}:${i}:${listingId}`).digest('hex').slice(0, 20)}`,
    listingId,
    status: 'screening' as const,
  }));
  const writeOnce = { ConditionExpression: 'attribute_not_exists(pk)' };
  const facts = {
    noticeId,
    rightsHolderId,
    ipRightId: notice.ipRightId,
    jurisdiction: notice.jurisdiction,
    infringementType: notice.infringementType,
    ...(cases.length > DIGEST_ABOVE_LISTINGS ? { digestOutcomes: true } : {}),
  };
  const groups: WriteGroup[] = cases.map(({ caseId, listingId }) =>
    newCaseWrites({ caseId, listingId, notice: facts, at }),
  );
  groups.push([
    {
      Put: {
        TableName: tableName,
        Item: noticeItem({
          noticeId,
          rightsHolderId,
          filedBy: input.filedBy,
          notice,
          at,
          listingIds: cases.map((c) => c.listingId),
          caseIds: cases.map((c) => c.caseId),
        }),
        ...writeOnce,
      },
    },
  ]);
  // Each case is written with its event, or not at all; the notice comes last.
  await writeGroups(groups);
  // Every case is written now (by this request or an earlier one with the same key): only then
  // does any execution start, so no execution runs for a case that is not there.
  await startAll(cases.map((c) => c.caseId));
  return { noticeId, cases };
}

async function startAll(caseIds: string[]): Promise<void> {
  await pool(caseIds, START_CONCURRENCY, async (caseId) => {
    try {
      await startCaseExecution(caseId, JSON.stringify({ v: 1, caseId }));
      await clearPendingStart(caseId);
    } catch (error) {
      logger.warn('case start failed; the reconciler will start it', {
        caseId,
        error: (error as Error).name,
      });
    }
  });
}

/**
 * Starts in flight at once for a notice with `listings` (at most 100). StartExecution is a token
 * bucket of 800 refilled at 150/s in the smallest regions: a 100-listing notice spends 100 tokens
 * at once, well inside the bucket; 25 at a time makes its starts four rounds instead of thirteen.
 */
const START_CONCURRENCY = 25;
