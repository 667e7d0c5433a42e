import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TakedownClient } from '../../clients/typescript/index.ts';
import type { LocalCloud } from '../../local/cloud.ts';
import { apiClients, idempotencyKey } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';

/**
 * The whole lifecycle, every API call through the typed client generated from the OpenAPI document
 * (clients/typescript): a path, body or field the document does not describe fails to compile.
 */

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
  client: TakedownClient,
  text: string,
  declaredSha?: string,
): Promise<{ evidenceId: string; status: string }> {
  const bytes = Buffer.from(text);
  const created = await client.POST('/v1/evidence', {
    body: {
      fileName: 'proof.txt',
      contentType: 'text/plain',
      size: bytes.length,
      sha256: declaredSha ?? createHash('sha256').update(bytes).digest('hex'),
    },
  });
  expect(created.response.status).toBe(201);
  const { evidenceId, upload } = created.data!;
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: 'text/plain' }), 'proof.txt');
  const uploaded = await fetch(upload.url, { method: 'POST', body: form });
  expect(uploaded.status).toBeLessThan(300);
  await cloud.settled();
  const evidence = await client.GET('/v1/evidence/{evidenceId}', {
    params: { path: { evidenceId } },
  });
  return { evidenceId, status: evidence.data!.status };
}

describe('The full lifecycle through the API alone', () => {
  it('register → verify → seal evidence → notice → approve → takedown → counter-notice → clock → restored', async () => {
    const startedAt = performance.now();
    const brand = (await api.mint({ sub: 'lifecycle-brand-user', groups: ['rights-holder'] }))
      .typed;
    const reviewer = api.reviewer.typed;
    const registered = await brand.POST('/v1/rights-holders', {
      body: {
        legalName: 'Initech Photo LLC',
        type: 'company',
        country: 'US',
        address: '4120 Freidrich Lane, Austin, TX 78744, US',
        email: 'legal@initech.example',
        phone: '+1-512-555-0123',
      },
    });
    expect(registered.response.status).toBe(201);
    expect(registered.data?.status).toBe('pending_verification');
    const { rightsHolderId } = registered.data!;
    const queue = await reviewer.GET('/v1/review-tasks', {
      params: { query: { queue: 'rights_holders' } },
    });
    expect(queue.data?.items.map((i) => i.subjectId)).toContain(rightsHolderId);
    const verified = await reviewer.POST('/v1/rights-holders/{rightsHolderId}/verification', {
      params: { path: { rightsHolderId } },
      body: { decision: 'verify', reason: 'Company registry checked' },
    });
    expect(verified.response.status).toBe(200);

    const proof = await uploadEvidence(
      brand,
      'Copyright registration VA 2-345-678 for the Initech product photographs.',
    );
    expect(proof.status).toBe('sealed');
    const ipRight = await brand.POST('/v1/ip-rights', {
      body: {
        kind: 'copyright',
        title: 'Initech product photographs 2026',
        jurisdiction: 'US',
        owner: 'Initech Photo LLC',
        proofEvidenceIds: [proof.evidenceId],
      },
    });
    expect(ipRight.response.status).toBe(201);
    const { ipRightId } = ipRight.data!;
    const ipRightVerified = await reviewer.POST('/v1/ip-rights/{ipRightId}/verification', {
      params: { path: { ipRightId } },
      body: { decision: 'verify', reason: 'Registration certificate matches' },
    });
    expect(ipRightVerified.response.status).toBe(200);

    const comparison = await uploadEvidence(
      brand,
      'Side-by-side comparison: listing photos vs our originals (EXIF attached).',
    );
    const seller = await api.newSellerListing('Stock photos pack (Initech originals)');
    const filed = await brand.POST('/v1/notices', {
      params: { header: { 'Idempotency-Key': idempotencyKey() } },
      body: {
        ipRightId,
        infringementType: 'copyright',
        jurisdiction: 'US',
        listings: [{ listingId: seller.listingId }],
        explanation:
          'The listing sells copies of our registered product photographs without a licence.',
        evidenceIds: [comparison.evidenceId],
        statements: { goodFaith: true, accurate: true, authorizedUnderPenaltyOfPerjury: true },
        signature: { fullName: 'Bill Lumbergh', signedAt: new Date().toISOString() },
      },
    });
    expect(filed.response.status).toBe(202);
    const caseId = filed.data!.cases[0]!.caseId;
    const theCase = { params: { path: { caseId } } };
    await cloud.settled();

    const decided = await reviewer.POST('/v1/cases/{caseId}/decision', {
      ...theCase,
      body: {
        decision: 'approve',
        reasonCode: 'copyright_copy',
        reasons: 'The listing copies the registered work without a licence.',
        note: 'Pixel-identical to the registered work.',
      },
    });
    expect(decided.response.status).toBe(200);
    await cloud.settled();
    const listing = async () =>
      (
        (await (
          await fetch(`${cloud.url}/_local/marketplace/listings/${seller.listingId}`)
        ).json()) as { status: string }
      ).status;
    expect(await listing()).toBe('disabled');
    const sellerView = await seller.client.typed.GET('/v1/cases/{caseId}', theCase);
    expect(sellerView.data?.status).toBe('awaiting_counter_notice');
    expect(sellerView.data?.deadlines.counterNoticeDueAt).toBeDefined();
    const strikes = await seller.client.typed.GET('/v1/sellers/me/strikes');
    expect(strikes.data).toMatchObject({ active: 1, measure: 'warning' });

    const counter = await seller.client.typed.POST('/v1/cases/{caseId}/counter-notice', {
      ...theCase,
      body: {
        statement: 'I licensed these photographs from the photographer; the removal is a mistake.',
        underPenaltyOfPerjury: true,
        consentToJurisdiction: true,
        district: 'Central District of Illinois',
        acceptServiceOfProcess: true,
        material: {
          description: 'The listing and its photographs',
          location: 'The listing page on the marketplace',
        },
        contact: {
          name: 'Milton Waddams',
          address: '1 Basement, Austin, TX 78701, US',
          phone: '+1-512-555-0188',
          email: 'milton@example.com',
        },
        signature: { fullName: 'Milton Waddams', signedAt: new Date().toISOString() },
        evidenceIds: [],
      },
    });
    expect(counter.response.status).toBe(202);
    await cloud.settled();
    const waiting = await brand.GET('/v1/cases/{caseId}', theCase);
    expect(waiting.data?.status).toBe('awaiting_court_action');
    const restoreNotBefore = waiting.data?.deadlines.restoreNotBefore;
    expect(restoreNotBefore).toBeDefined();

    // Until the 10th US business day the listing stays down; then it is restored.
    await cloud.advance(Date.parse(restoreNotBefore!) - cloud.clock.now() - 60_000);
    expect(await listing()).toBe('disabled');
    await cloud.advance(120_000);
    const restored = await brand.GET('/v1/cases/{caseId}', theCase);
    expect(restored.data?.status).toBe('restored');
    expect(await listing()).toBe('active');
    expect((await seller.client.typed.GET('/v1/sellers/me/strikes')).data).toMatchObject({
      active: 0,
      measure: 'none',
    });
    console.log(
      `full e2e lifecycle through the API: ${Math.round(performance.now() - startedAt)} ms`,
    );
  });

  it('rejects an upload whose bytes do not match the declared hash', async () => {
    const wrong = await uploadEvidence(api.rightsHolder.typed, 'these bytes', 'a'.repeat(64));
    expect(wrong.status).toBe('rejected');
  });
});
