import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchErrors } from '../../functions/domain/transparency-database-rules.ts';
import type { LocalCloud } from '../../local/cloud.ts';
import { apiClients, idempotencyKey, noticeBody } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';

/**
 * The transparency routes through the HTTP API: the report (JSON and CSV) of cases decided
 * through the API, the EU statements in the Transparency Database's batch shape (valid under its
 * documented rules), and the public CN Art 44 feed, scanned for the seeded names, emails and phones.
 */

let cloud: LocalCloud;
let api: Awaited<ReturnType<typeof apiClients>>;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  cloud = await startTestCloud();
  api = await apiClients(cloud);
});
afterAll(async () => {
  await cloud?.stop();
});

/** Files a notice on `n` new listings of one seller (named like a person) and approves each. */
async function approvedCases(n: number, notice: Record<string, unknown>) {
  const listings: string[] = [];
  for (let i = 0; i < n; i++)
    listings.push(
      (await api.newSellerListing('Zhang Wei 138-0013-8000 zhang.wei@example.cn')).listingId,
    );
  const filed = await api.rightsHolder.post<{ cases: { caseId: string }[] }>(
    '/v1/notices',
    noticeBody(listings, {
      ...notice,
      explanation:
        'Sold by Zhang Wei (zhang.wei@example.cn, +86 138 0013 8000) under the ACME mark.',
    }),
    { 'idempotency-key': idempotencyKey() },
  );
  expect(filed.status).toBe(202);
  await cloud.settled();
  for (const { caseId } of filed.body.cases) {
    const decided = await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
      decision: 'approve',
      reasonCode: 'trademark_misuse',
      reasons: 'The listing uses the registered mark for the goods it covers without consent.',
    });
    expect(decided.status).toBe(200);
  }
  await cloud.settled();
  return filed.body.cases.map((c) => c.caseId);
}

const today = () => new Date(cloud.clock.now()).toISOString().slice(0, 10);

describe('Transparency through the API', () => {
  it('reports, lists the EU statements valid for the database, and publishes CN outcomes without personal data', async () => {
    // Arrange: EU and CN takedowns, and a CN case's counter-notice window run out.
    const eu = await approvedCases(2, { ipRightId: 'ipr-acme-tm-eu', jurisdiction: 'EU' });
    const cn = await approvedCases(2, { ipRightId: 'ipr-acme-tm-cn', jurisdiction: 'CN' });
    const from = today();
    await cloud.advance(15 * DAY_MS);
    const to = today();

    // Act
    const report = await api.admin.get<{
      actions: { listingsDisabled: number; byJurisdiction: Record<string, number> };
      notices: { listingsReceived: number };
    }>(`/v1/transparency/report?from=${from}&to=${to}`);
    const csv = await api.admin.get(`/v1/transparency/report?from=${from}&to=${to}&format=csv`);
    const statements = await api.admin.get<{ statements: { puid: string }[] }>(
      `/v1/transparency/statements?from=${from}&to=${to}`,
    );
    const feed = await api.anonymous.get<{ items: { caseId: string; kind: string }[] }>(
      `/v1/public/decisions?from=${from}&to=${to}`,
    );

    // Assert
    expect(report.status).toBe(200);
    expect(report.body.notices.listingsReceived).toBe(4);
    expect(report.body.actions.byJurisdiction).toMatchObject({ EU: 2, CN: 2 });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text).toMatch(/^actions,listingsDisabled,4\r$/m);

    expect(statements.status).toBe(200);
    expect(statements.body.statements.map((s) => s.puid).sort()).toEqual(
      eu.map((caseId) => `${caseId}-e0`).sort(),
    );
    expect(batchErrors(statements.body.statements)).toEqual({});

    expect(feed.status).toBe(200);
    const cnEntries = feed.body.items.filter((e) => cn.includes(e.caseId));
    expect(new Set(cnEntries.map((e) => e.kind))).toEqual(
      new Set(['notice', 'measure', 'outcome']),
    );
    expect(feed.body.items.some((e) => eu.includes(e.caseId))).toBe(false);
    const published = JSON.stringify(feed.body) + JSON.stringify(statements.body);
    for (const personal of [
      'Zhang Wei',
      'zhang.wei@example.cn',
      '138',
      'ACME Brands Ltd',
      'ip@acme.demo.invalid',
      'Road Runner',
      '@',
    ])
      expect(published).not.toContain(personal);
  });

  it('answers 400 without a period, and to a period past a year', async () => {
    expect((await api.admin.get('/v1/transparency/report')).status).toBe(400);
    expect(
      (await api.admin.get('/v1/transparency/report?from=2025-01-01&to=2026-06-01')).status,
    ).toBe(400);
    expect(
      (await api.anonymous.get('/v1/public/decisions?from=2026-01-02&to=2026-01-01')).status,
    ).toBe(400);
  });
});
