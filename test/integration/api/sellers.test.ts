import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../../local/cloud.ts';
import { startTestCloud } from '../../support/cloud.ts';
import { call, demoToken, uploadEvidence } from './support.ts';

let cloud: LocalCloud;
let acme: string;
let reviewer: string;
let seller1: string;
let seller2: string;
let caseIds: string[];
let evidenceId: string;

/**
 * One notice by the seeded rights holder against two listings of seller-1, both approved: the
 * seller then has two cases, one strike (strikes group by notice) and a warning to acknowledge.
 */
beforeAll(async () => {
  cloud = await startTestCloud();
  acme = await demoToken(cloud, 'acme-brand');
  reviewer = await demoToken(cloud, 'reviewer');
  seller1 = await demoToken(cloud, 'seller-1');
  seller2 = await demoToken(cloud, 'seller-2');
  ({ evidenceId } = await uploadEvidence(
    cloud,
    acme,
    Buffer.from('%PDF-1.4\n% Test-buy report: counterfeit ACME shoes\n%%EOF\n'),
    { contentType: 'application/pdf', fileName: 'test-buy.pdf' },
  ));
  const filed = await call(
    cloud,
    'POST',
    '/v1/notices',
    acme,
    {
      ipRightId: 'ipr-acme-tm-us',
      infringementType: 'counterfeit',
      jurisdiction: 'US',
      listings: [{ listingId: 'lst-s1-001' }, { listingId: 'lst-s1-002' }],
      explanation: 'Counterfeit ACME goods: logo, packaging and name copied.',
      evidenceIds: [evidenceId],
      statements: { goodFaith: true, accurate: true, authorizedUnderPenaltyOfPerjury: true },
      signature: { fullName: 'Ada Acme', signedAt: new Date().toISOString() },
    },
    { 'idempotency-key': 'sellers-test-notice-1' },
  );
  if (filed.status !== 202) throw new Error(`filing the notice failed: ${filed.status}`);
  caseIds = filed.body.cases.map((c: { caseId: string }) => c.caseId);
  await cloud.settled();
});

afterAll(async () => {
  await cloud?.stop();
});

async function approveAll(): Promise<void> {
  for (const caseId of caseIds) {
    const res = await call(cloud, 'POST', `/v1/cases/${caseId}/decision`, reviewer, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons:
        'The listing sells goods bearing the registered mark that the rights holder did not make.',
      note: 'Logo and packaging copied.',
    });
    if (res.status !== 200) throw new Error(`deciding ${caseId} failed: ${res.status}`);
    await cloud.settled();
  }
}

describe('Seller routes over HTTP', () => {
  it("lists the cases against the caller's listings, newest first, page by page", async () => {
    const first = await call(cloud, 'GET', '/v1/sellers/me/cases?limit=1', seller1);
    const second = await call(
      cloud,
      'GET',
      `/v1/sellers/me/cases?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      seller1,
    );

    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const listed = [...first.body.items, ...second.body.items];
    expect(listed.map((c: { caseId: string }) => c.caseId).sort()).toEqual([...caseIds].sort());
    expect(listed[0]).toMatchObject({ status: 'awaiting_review', jurisdiction: 'US' });
    expect(listed[0]).not.toHaveProperty('rightsHolderId');
    expect((await call(cloud, 'GET', '/v1/sellers/me/cases', seller2)).body.items).toEqual([]);
  });

  it('lets the seller of a case download the evidence its notice cites, and no other seller', async () => {
    const mine = await call(cloud, 'GET', `/v1/evidence/${evidenceId}/download`, seller1);
    const theirs = await call(cloud, 'GET', `/v1/evidence/${evidenceId}/download`, seller2);

    expect(mine.status).toBe(302);
    expect(theirs.status).toBe(404);
  });

  it('answers 409 to an education acknowledgement before any warning', async () => {
    const res = await call(cloud, 'POST', '/v1/sellers/me/education-acknowledgement', seller1);

    expect(res.status).toBe(409);
  });

  it('shows one strike for a notice of two listings, a warning, and takes its acknowledgement', async () => {
    // Prepare
    await approveAll();

    // Act
    const strikes = await call(cloud, 'GET', '/v1/sellers/me/strikes', seller1);

    // Assess
    expect(strikes.status).toBe(200);
    expect(strikes.body).toMatchObject({ active: 1, measure: 'warning', educationRequired: true });
    expect(strikes.body.strikes).toHaveLength(1);
    expect([...strikes.body.strikes[0].caseIds].sort()).toEqual([...caseIds].sort());
    expect(strikes.body.strikes[0]).toMatchObject({
      caseId: expect.any(String),
      at: expect.any(String),
      expiresAt: expect.any(String),
    });

    const ack = await fetch(`${cloud.url}/v1/sellers/me/education-acknowledgement`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seller1}` },
    });
    expect(ack.status).toBe(204);
    const after = await call(cloud, 'GET', '/v1/sellers/me/strikes', seller1);
    expect(after.body).toMatchObject({
      educationRequired: false,
      educationAcknowledgedAt: expect.any(String),
    });
  });

  it('answers 403 to a rights holder on the seller routes', async () => {
    expect((await call(cloud, 'GET', '/v1/sellers/me/cases', acme)).status).toBe(403);
    expect((await call(cloud, 'GET', '/v1/sellers/me/strikes', acme)).status).toBe(403);
  });
});
