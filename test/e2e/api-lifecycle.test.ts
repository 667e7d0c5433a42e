import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { type ApiClient, apiClients, idempotencyKey } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';

let cloud: LocalCloud;
let api: Awaited<ReturnType<typeof apiClients>>;

beforeAll(async () => {
  cloud = await startTestCloud();
  api = await apiClients(cloud);
});
afterAll(async () => {
  await cloud?.stop();
});

/** Uploads a file as evidence through the presigned POST; returns its id once the service sealed it. */
async function uploadEvidence(
  client: ApiClient,
  text: string,
  declaredSha?: string,
): Promise<{ evidenceId: string; status: string }> {
  const bytes = Buffer.from(text);
  const created = await client.post<{
    evidenceId: string;
    upload: { url: string; fields: Record<string, string> };
  }>('/v1/evidence', {
    fileName: 'proof.txt',
    contentType: 'text/plain',
    size: bytes.length,
    sha256: declaredSha ?? createHash('sha256').update(bytes).digest('hex'),
  });
  expect(created.status).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(created.body.upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: 'text/plain' }), 'proof.txt');
  const uploaded = await fetch(created.body.upload.url, { method: 'POST', body: form });
  expect(uploaded.status).toBeLessThan(300);
  await cloud.settled();
  const evidence = await client.get<{ status: string }>(`/v1/evidence/${created.body.evidenceId}`);
  return { evidenceId: created.body.evidenceId, status: evidence.body.status };
}

describe('The full lifecycle through the API alone', () => {
  it('register → verify → seal evidence → notice → approve → takedown → counter-notice → clock → restored', async () => {
    const startedAt = performance.now();
    const brand = await api.mint({ sub: 'lifecycle-brand-user', groups: ['rights-holder'] });
    const registered = await brand.post<{ rightsHolderId: string; status: string }>(
      '/v1/rights-holders',
      {
        legalName: 'Initech Photo LLC',
        type: 'company',
        country: 'US',
        address: '4120 Freidrich Lane, Austin, TX 78744, US',
        email: 'legal@initech.example',
        phone: '+1-512-555-0123',
      },
    );
    expect(registered.status).toBe(201);
    expect(registered.body.status).toBe('pending_verification');
    const { rightsHolderId } = registered.body;
    expect(
      (
        await api.reviewer.get<{ items: { subjectId: string }[] }>(
          '/v1/review-tasks?queue=rights_holders',
        )
      ).body.items.map((i) => i.subjectId),
    ).toContain(rightsHolderId);
    expect(
      (
        await api.reviewer.post(`/v1/rights-holders/${rightsHolderId}/verification`, {
          decision: 'verify',
          reason: 'Company registry checked',
        })
      ).status,
    ).toBe(200);

    const proof = await uploadEvidence(
      brand,
      'Copyright registration VA 2-345-678 for the Initech product photographs.',
    );
    expect(proof.status).toBe('sealed');
    const ipRight = await brand.post<{ ipRightId: string }>('/v1/ip-rights', {
      kind: 'copyright',
      title: 'Initech product photographs 2026',
      jurisdiction: 'US',
      owner: 'Initech Photo LLC',
      proofEvidenceIds: [proof.evidenceId],
    });
    expect(ipRight.status).toBe(201);
    expect(
      (
        await api.reviewer.post(`/v1/ip-rights/${ipRight.body.ipRightId}/verification`, {
          decision: 'verify',
          reason: 'Registration certificate matches',
        })
      ).status,
    ).toBe(200);

    const comparison = await uploadEvidence(
      brand,
      'Side-by-side comparison: listing photos vs our originals (EXIF attached).',
    );
    const seller = await api.newSellerListing('Stock photos pack (Initech originals)');
    const filed = await brand.post<{ noticeId: string; cases: { caseId: string }[] }>(
      '/v1/notices',
      {
        ipRightId: ipRight.body.ipRightId,
        infringementType: 'copyright',
        jurisdiction: 'US',
        listings: [{ listingId: seller.listingId }],
        explanation:
          'The listing sells copies of our registered product photographs without a licence.',
        evidenceIds: [comparison.evidenceId],
        statements: { goodFaith: true, accurate: true, authorizedUnderPenaltyOfPerjury: true },
        signature: { fullName: 'Bill Lumbergh', signedAt: new Date().toISOString() },
      },
      { 'idempotency-key': idempotencyKey() },
    );
    expect(filed.status).toBe(202);
    const caseId = filed.body.cases[0]!.caseId;
    await cloud.settled();

    expect(
      (
        await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
          decision: 'approve',
          reasonCode: 'copyright_copy',
          reasons:
            'The listing sells goods bearing the registered mark that the rights holder did not make.',
          note: 'Pixel-identical to the registered work.',
        })
      ).status,
    ).toBe(200);
    await cloud.settled();
    const listing = async () =>
      (
        (await (
          await fetch(`${cloud.url}/_local/marketplace/listings/${seller.listingId}`)
        ).json()) as { status: string }
      ).status;
    expect(await listing()).toBe('disabled');
    const sellerView = await seller.client.get<{
      status: string;
      deadlines: Record<string, string>;
    }>(`/v1/cases/${caseId}`);
    expect(sellerView.body.status).toBe('awaiting_counter_notice');
    expect(sellerView.body.deadlines.counterNoticeDueAt).toBeDefined();
    const strikes = await seller.client.get<{ active: number; measure: string }>(
      '/v1/sellers/me/strikes',
    );
    expect(strikes.body).toMatchObject({ active: 1, measure: 'warning' });

    const counter = await seller.client.post(`/v1/cases/${caseId}/counter-notice`, {
      statement: 'I licensed these photographs from the photographer; the removal is a mistake.',
      underPenaltyOfPerjury: true,
      consentToJurisdiction: true,
      contact: {
        name: 'Milton Waddams',
        address: '1 Basement, Austin, TX 78701, US',
        phone: '+1-512-555-0188',
        email: 'milton@example.com',
      },
      signature: { fullName: 'Milton Waddams', signedAt: new Date().toISOString() },
      evidenceIds: [],
    });
    expect(counter.status).toBe(202);
    await cloud.settled();
    const waiting = await brand.get<{ status: string; deadlines: { restoreNotBefore: string } }>(
      `/v1/cases/${caseId}`,
    );
    expect(waiting.body.status).toBe('awaiting_court_action');

    // Until the 10th US business day the listing stays down; then it is restored.
    await cloud.advance(
      Date.parse(waiting.body.deadlines.restoreNotBefore) - cloud.clock.now() - 60_000,
    );
    expect(await listing()).toBe('disabled');
    await cloud.advance(120_000);
    const restored = await brand.get<{ status: string; timeline: { type: string }[] }>(
      `/v1/cases/${caseId}`,
    );
    expect(restored.body.status).toBe('restored');
    expect(await listing()).toBe('active');
    expect(
      (await seller.client.get<{ active: number; measure: string }>('/v1/sellers/me/strikes')).body,
    ).toMatchObject({ active: 0, measure: 'none' });
    console.log(
      `full e2e lifecycle through the API: ${Math.round(performance.now() - startedAt)} ms`,
    );
  });

  it('rejects an upload whose bytes do not match the declared hash', async () => {
    const wrong = await uploadEvidence(api.rightsHolder, 'these bytes', 'a'.repeat(64));
    expect(wrong.status).toBe('rejected');
  });
});
