import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../../local/cloud.ts';
import { type ApiClient, apiClients, idempotencyKey, noticeBody } from '../../support/api.ts';
import { startTestCloud } from '../../support/cloud.ts';

/**
 * A bulk notice on the real engine: a 2,000-row manifest (ids, URLs, bad rows, duplicates) fanned
 * out by the bulk-notice machine's distributed Map from the local S3, with its progress, its one
 * receipt and one summary.
 */

let cloud: LocalCloud;
let rightsHolder: ApiClient;
let reviewer: ApiClient;
let seller: ApiClient;
const SELLER = 'seller-bulk';
const URL_BASE = 'https://demo-marketplace.invalid/listings/';
const listingIds = Array.from({ length: 1600 }, (_, i) => `lst-bulk-${String(i).padStart(4, '0')}`);

beforeAll(async () => {
  cloud = await startTestCloud();
  ({ rightsHolder, reviewer, seller1: seller } = await apiClients(cloud));
  await cloud.marketplace.seed({
    sellers: [{ sellerId: SELLER }],
    listings: listingIds.map((listingId) => ({
      listingId,
      sellerId: SELLER,
      title: 'ACME-style widget',
    })),
  });
}, 120_000);
afterAll(async () => {
  await cloud?.stop();
});

/**
 * Uploads a manifest (purpose "manifest") and answers its evidence id once sealed; as another
 * caller with `as`, or only announced (never uploaded, so never sealed) with `upload: false`.
 */
async function uploadManifest(
  text: string,
  contentType = 'text/csv',
  { as = rightsHolder, upload = true }: { as?: ApiClient; upload?: boolean } = {},
): Promise<string> {
  const bytes = Buffer.from(text);
  const created = await as.post<{
    evidenceId: string;
    upload: { url: string; fields: Record<string, string> };
  }>('/v1/evidence', {
    fileName: 'manifest.csv',
    contentType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    purpose: 'manifest',
  });
  expect(created.status).toBe(201);
  if (!upload) return created.body.evidenceId;
  const form = new FormData();
  for (const [k, v] of Object.entries(created.body.upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: contentType }), 'manifest.csv');
  expect(
    (await fetch(created.body.upload.url, { method: 'POST', body: form })).status,
  ).toBeLessThan(300);
  await cloud.settled();
  return created.body.evidenceId;
}

/** The 2,000 rows: 1,600 distinct listings, 200 duplicates, 200 rejected rows (with their numbers). */
function manifest2000() {
  const lines = ['listingId,url'];
  const rejected: number[] = [];
  const add = (line: string, bad = false) => {
    lines.push(line);
    if (bad) rejected.push(lines.length - 1);
  };
  for (const id of listingIds.slice(0, 1000)) add(`${id},`);
  for (const id of listingIds.slice(1000, 1500)) add(`,${URL_BASE}${id}`);
  for (const id of listingIds.slice(0, 100)) add(`${id},`); // the same id again: folded in the file
  for (const id of listingIds.slice(100, 200)) add(`,${URL_BASE}${id}`); // by URL, named by id before
  for (let i = 0; i < 50; i++) add(`,${URL_BASE}lst-missing-${i}`, true); // unknown to the marketplace
  for (let i = 0; i < 50; i++) add(`,https://elsewhere.example/item/${i}`, true); // not its URL
  for (let i = 0; i < 40; i++) add('not an id!,', true);
  for (let i = 0; i < 30; i++) add(',ftp://example.com/x', true);
  for (let i = 0; i < 30; i++) add(`${listingIds[i]},${URL_BASE}${listingIds[i]}`, true); // both
  for (const id of listingIds.slice(1500, 1600)) add(`${id},`);
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1, rejected };
}

describe('POST /v1/notices with listingsManifestEvidenceId', () => {
  it('fans out a 2,000-row manifest into one started case per distinct listing, with row errors and one receipt and summary', async () => {
    // Arrange
    const manifest = manifest2000();
    const evidenceId = await uploadManifest(manifest.text);
    const body = noticeBody([], { listings: undefined, listingsManifestEvidenceId: evidenceId });

    // Act
    const filed = await rightsHolder.post('/v1/notices', body, {
      'idempotency-key': idempotencyKey(),
    });
    await cloud.settled();
    const notice = await rightsHolder.get<{
      status: string;
      progress: {
        total: number;
        started: number;
        duplicates: number;
        rejectedRows: { row: number }[];
      };
      cases: unknown[];
    }>(`/v1/notices/${(filed.body as { noticeId: string }).noticeId}`);

    // Assert
    expect(filed.status).toBe(202);
    expect(filed.body).toMatchObject({ status: 'fanning_out', cases: [] });
    expect(manifest.rows).toBe(2000);
    expect(notice.body.progress).toMatchObject({ total: 2000, started: 1600, duplicates: 200 });
    expect(notice.body.progress.rejectedRows.map((r) => r.row)).toEqual(manifest.rejected);
    expect(notice.body.status).toBe('filed');
    expect(notice.body.cases).toHaveLength(100);
    const mail = await (
      await fetch(`${cloud.url}/_local/mailbox?to=${encodeURIComponent('ip@acme.demo.invalid')}`)
    ).json();
    const templates = (mail as { items: { template: string; subject: string }[] }).items
      .filter((m) => m.subject.includes((filed.body as { noticeId: string }).noticeId))
      .map((m) => m.template)
      .sort();
    expect(templates).toEqual(['fan_out_summary', 'notice_receipt']);
  }, 600_000);

  it("lists a bulk notice's cases by notice, though the fan-out wrote them after the notice", async () => {
    // Arrange
    const ids = listingIds.slice(1600 - 3);
    const evidenceId = await uploadManifest(`listingId\n${ids.join('\n')}\n`);
    const body = noticeBody([], { listings: undefined, listingsManifestEvidenceId: evidenceId });
    const filed = await rightsHolder.post<{ noticeId: string }>('/v1/notices', body, {
      'idempotency-key': idempotencyKey(),
    });
    await cloud.settled();

    // Act
    const cases = await rightsHolder.get<{ items: { listingId: string }[] }>(
      `/v1/cases?noticeId=${filed.body.noticeId}`,
    );

    // Assert
    expect(filed.status).toBe(202);
    expect(cases.body.items.map((c) => c.listingId).sort()).toEqual([...ids].sort());
  }, 120_000);

  it('groups a bulk notice’s strikes: one notice naming three listings of one seller is one strike', async () => {
    // Arrange
    const sellerId = `seller-bulk-strikes-${process.pid}`;
    const ids = [0, 1, 2].map((i) => `lst-bulk-strike-${process.pid}-${i}`);
    await cloud.marketplace.seed({
      sellers: [{ sellerId }],
      listings: ids.map((listingId) => ({ listingId, sellerId, title: 'ACME-style widget' })),
    });
    const evidenceId = await uploadManifest(`listingId\n${ids.join('\n')}\n`);
    const filed = await rightsHolder.post<{ noticeId: string }>(
      '/v1/notices',
      noticeBody([], { listings: undefined, listingsManifestEvidenceId: evidenceId }),
      { 'idempotency-key': idempotencyKey() },
    );
    await cloud.settled();
    const cases = await reviewer.get<{ items: { caseId: string }[] }>(
      `/v1/cases?noticeId=${filed.body.noticeId}`,
    );

    // Act
    for (const { caseId } of cases.body.items) {
      const decided = await reviewer.post(`/v1/cases/${caseId}/decision`, {
        decision: 'approve',
        reasonCode: 'counterfeit_goods',
        reasons: 'The listing sells goods bearing the mark that the rights holder did not make.',
      });
      expect(decided.status).toBe(200);
      await cloud.settled();
    }

    // Assert
    const seller = await reviewer.get<{ strikes: { caseIds: string[] }[] }>(
      `/v1/sellers/${sellerId}`,
    );
    expect(cases.body.items).toHaveLength(3);
    expect(seller.body.strikes).toHaveLength(1);
    expect(seller.body.strikes[0]!.caseIds.sort()).toEqual(
      cases.body.items.map((c) => c.caseId).sort(),
    );
  }, 120_000);

  it('starts every case exactly once when StartExecution fails mid-fan-out: the reconciler finishes it', async () => {
    // Arrange
    const ids = listingIds.slice(200, 300);
    const evidenceId = await uploadManifest(`listingId\n${ids.join('\n')}\n`);
    await fetch(`${cloud.url}/_local/stepfunctions/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failNextStarts: 25, stateMachine: 'takedown' }),
    });

    // Act
    const filed = await rightsHolder.post<{ noticeId: string }>(
      '/v1/notices',
      noticeBody([], { listings: undefined, listingsManifestEvidenceId: evidenceId }),
      { 'idempotency-key': idempotencyKey() },
    );
    await cloud.settled();
    await fetch(`${cloud.url}/_local/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'PT10M' }),
    });

    // Assert
    const notice = await rightsHolder.get<{ progress: { total: number; started: number } }>(
      `/v1/notices/${filed.body.noticeId}`,
    );
    expect(notice.body.progress).toMatchObject({ total: 100, started: 100 });
    const cases = await reviewer.get<{ items: { caseId: string }[] }>(
      `/v1/cases?noticeId=${filed.body.noticeId}&limit=100`,
    );
    expect(cases.body.items).toHaveLength(100);
    const executions = cloud.engine
      .stateMachineArns()
      .flatMap((arn) => cloud.engine.listExecutions(arn))
      .map((execution) => execution.name);
    const { executionNameFor } = await import('../../../functions/adapters/case-execution.ts');
    for (const { caseId } of cases.body.items) {
      expect(executions.filter((name) => name === executionNameFor(caseId))).toHaveLength(1);
    }
  }, 300_000);

  /** Seeds `count` listings of the bulk seller that no other test names; answers their ids. */
  async function freshListings(tag: string, count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, i) => `lst-bulk-${tag}-${i}`);
    await cloud.marketplace.seed({
      listings: ids.map((listingId) => ({
        listingId,
        sellerId: SELLER,
        title: 'ACME-style widget',
      })),
    });
    return ids;
  }

  /** Files a bulk notice naming `ids`; answers its id. */
  async function fileBulk(ids: string[]): Promise<string> {
    const evidenceId = await uploadManifest(`listingId\n${ids.join('\n')}\n`);
    const filed = await rightsHolder.post<{ noticeId: string }>(
      '/v1/notices',
      noticeBody([], { listings: undefined, listingsManifestEvidenceId: evidenceId }),
      { 'idempotency-key': idempotencyKey() },
    );
    expect(filed.status).toBe(202);
    return filed.body.noticeId;
  }

  /** The statuses of a bulk notice's cases (at most 100), and its progress. */
  async function bulkOutcome(noticeId: string) {
    const notice = await rightsHolder.get<{ progress: { total: number; started: number } }>(
      `/v1/notices/${noticeId}`,
    );
    const cases = await reviewer.get<{ items: { listingId: string; status: string }[] }>(
      `/v1/cases?noticeId=${noticeId}&limit=100`,
    );
    return { progress: notice.body.progress, cases: cases.body.items };
  }

  it('withdraws a bulk notice withdrawn before its fan-out wrote any case: each case the fan-out starts afterwards ends withdrawn', async () => {
    // Arrange: another notice's cases hold these listings (a duplicate bulk notice, withdrawn
    // before its cases could be screened as duplicates); the fan-out's start fails, so it runs
    // only once the reconciler starts it.
    const ids = await freshListings('w1', 40);
    const earlier = await rightsHolder.post('/v1/notices', noticeBody(ids), {
      'idempotency-key': idempotencyKey(),
    });
    expect(earlier.status).toBe(202);
    await cloud.settled();
    await fetch(`${cloud.url}/_local/stepfunctions/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failNextStarts: 1, stateMachine: 'bulk-notice' }),
    });
    const noticeId = await fileBulk(ids);

    // Act
    const withdrawal = await rightsHolder.post<{ cases: unknown[] }>(
      `/v1/notices/${noticeId}/withdrawal`,
      {},
    );
    await fetch(`${cloud.url}/_local/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'PT10M' }),
    });
    await cloud.settled();

    // Assert
    expect(withdrawal.status).toBe(202);
    expect(withdrawal.body.cases).toEqual([]);
    const outcome = await bulkOutcome(noticeId);
    expect(outcome.progress).toMatchObject({ total: 40, started: 40 });
    expect(outcome.cases.map((c) => c.listingId).sort()).toEqual([...ids].sort());
    expect(new Set(outcome.cases.map((c) => c.status))).toEqual(new Set(['withdrawn']));
  }, 300_000);

  it('withdraws every case of a bulk notice whose fan-out has ended, though the notice itself lists none', async () => {
    // Arrange
    const ids = await freshListings('w2', 30);
    const noticeId = await fileBulk(ids);
    await cloud.settled();
    expect((await bulkOutcome(noticeId)).progress).toMatchObject({ total: 30, started: 30 });

    // Act
    const withdrawal = await rightsHolder.post<{ cases: { listingId: string }[] }>(
      `/v1/notices/${noticeId}/withdrawal`,
      {},
    );
    await cloud.settled();

    // Assert
    expect(withdrawal.status).toBe(202);
    expect(withdrawal.body.cases.map((c) => c.listingId).sort()).toEqual([...ids].sort());
    const outcome = await bulkOutcome(noticeId);
    expect(outcome.cases).toHaveLength(30);
    expect(new Set(outcome.cases.map((c) => c.status))).toEqual(new Set(['withdrawn']));
    const again = await rightsHolder.post(`/v1/notices/${noticeId}/withdrawal`, {});
    expect(again.status).toBe(409);
  }, 300_000);

  it('refuses a manifest with an unknown column with 422, and writes nothing', async () => {
    // Arrange
    const evidenceId = await uploadManifest('listingId,price\nlst-bulk-0001,3\n');

    // Act
    const refused = await rightsHolder.post(
      '/v1/notices',
      noticeBody([], { listings: undefined, listingsManifestEvidenceId: evidenceId }),
      { 'idempotency-key': idempotencyKey() },
    );

    // Assert
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('Unknown column(s): price');
  });

  it.each([
    ['not sealed (announced, never uploaded)', { upload: false }, 'The evidence is not sealed'],
    ["not the caller's own (a seller's upload)", { as: 'seller' }, 'No such evidence of yours'],
  ] as const)('refuses a manifest %s with 422, and starts nothing', async (_what, how, message) => {
    // Arrange
    const ids = await freshListings(`refused-${'upload' in how ? 'unsealed' : 'foreign'}`, 2);
    const evidenceId = await uploadManifest(`listingId\n${ids.join('\n')}\n`, 'text/csv', {
      ...('upload' in how ? { upload: false } : { as: seller }),
    });

    // Act
    const refused = await rightsHolder.post(
      '/v1/notices',
      noticeBody([], { listings: undefined, listingsManifestEvidenceId: evidenceId }),
      { 'idempotency-key': idempotencyKey() },
    );
    await cloud.settled();

    // Assert
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      errors: [{ path: 'listingsManifestEvidenceId', message }],
    });
    for (const listingId of ids) {
      const cases = await reviewer.get<{ items: unknown[] }>(`/v1/cases?listingId=${listingId}`);
      expect(cases.body.items).toEqual([]);
    }
  });

  it('refuses evidence that was not uploaded as a manifest with 422', async () => {
    // Act
    const refused = await rightsHolder.post(
      '/v1/notices',
      noticeBody([], { listings: undefined, listingsManifestEvidenceId: 'ev-acme-certificate' }),
      { 'idempotency-key': idempotencyKey() },
    );

    // Assert
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ errors: [{ path: 'listingsManifestEvidenceId' }] });
  });
});
