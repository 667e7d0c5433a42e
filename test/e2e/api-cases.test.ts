import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { apiClients, idempotencyKey, noticeBody } from '../support/api.ts';
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

async function fileOne(overrides: Record<string, unknown> = {}) {
  const seller = await api.newSellerListing();
  const res = await api.rightsHolder.post<{ noticeId: string; cases: { caseId: string }[] }>(
    '/v1/notices',
    noticeBody([seller.listingId], overrides),
    { 'idempotency-key': idempotencyKey() },
  );
  expect(res.status).toBe(202);
  await cloud.settled();
  return { ...seller, noticeId: res.body.noticeId, caseId: res.body.cases[0]!.caseId };
}

const status = async (caseId: string) =>
  (await api.reviewer.get<{ status: string }>(`/v1/cases/${caseId}`)).body.status;

describe('API: notices', () => {
  it('answers a replay with the same key and body with the same 202 body, and the same key with another body with 409', async () => {
    const seller = await api.newSellerListing();
    const key = idempotencyKey();
    const body = noticeBody([seller.listingId]);
    const first = await api.rightsHolder.post('/v1/notices', body, { 'idempotency-key': key });
    const replay = await api.rightsHolder.post('/v1/notices', JSON.parse(JSON.stringify(body)), {
      'idempotency-key': key,
    });
    expect(first.status).toBe(202);
    expect(replay.status).toBe(202);
    expect(replay.body).toEqual(first.body);
    const other = await api.rightsHolder.post(
      '/v1/notices',
      { ...body, explanation: `${body.explanation} Also the packaging.` },
      { 'idempotency-key': key },
    );
    expect(other.status).toBe(409);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a notice without an Idempotency-Key, or with a missing statutory element, with 400 and field errors', async () => {
    const seller = await api.newSellerListing();
    const noKey = await api.rightsHolder.post('/v1/notices', noticeBody([seller.listingId]));
    expect(noKey.status).toBe(400);
    const { statements: _s, ...incomplete } = noticeBody([seller.listingId]);
    const missing = await api.rightsHolder.post<{ errors: { path: string }[] }>(
      '/v1/notices',
      incomplete,
      { 'idempotency-key': idempotencyKey() },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e) => e.path)).toContain('statements');
  });

  it('refuses with 422 an IP right of another jurisdiction and evidence that is not sealed', async () => {
    const seller = await api.newSellerListing();
    const wrong = await api.rightsHolder.post(
      '/v1/notices',
      noticeBody([seller.listingId], { jurisdiction: 'EU' }),
      { 'idempotency-key': idempotencyKey() },
    );
    expect(wrong.status).toBe(422);
    const unsealed = await api.rightsHolder.post(
      '/v1/notices',
      noticeBody([seller.listingId], { evidenceIds: ['ev-nope'] }),
      { 'idempotency-key': idempotencyKey() },
    );
    expect(unsealed.status).toBe(422);
  });

  it('shows the notice to its owner and reviewers, and 404 to another rights holder', async () => {
    const { noticeId } = await fileOne();
    expect((await api.rightsHolder.get(`/v1/notices/${noticeId}`)).status).toBe(200);
    expect((await api.reviewer.get(`/v1/notices/${noticeId}`)).status).toBe(200);
    const stranger = await api.mint({ sub: 'stranger', groups: ['rights-holder'] });
    expect((await stranger.get(`/v1/notices/${noticeId}`)).status).toBe(404);
    expect((await api.seller1.get(`/v1/notices/${noticeId}`)).status).toBe(403);
  });
});

describe('API: decisions through the backend-held token', () => {
  it('lists the case in the standard queue without any token, and a second decision gets 409', async () => {
    const { caseId } = await fileOne();
    const queue = await api.reviewer.get<{ items: { caseId: string }[] }>(
      '/v1/review-tasks?queue=standard&limit=100',
    );
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i) => i.caseId)).toContain(caseId);
    expect(queue.text).not.toMatch(/AQ[A-Za-z0-9_-]{60,}/);
    const first = await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
      decision: 'reject',
      reasonCode: 'no_infringement',
      reasons: 'The evidence does not show that this listing infringes.',
    });
    const second = await api.admin.post(`/v1/cases/${caseId}/decision`, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons:
        'The listing sells goods bearing the registered mark that the rights holder did not make.',
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    await cloud.settled();
    expect(await status(caseId)).toBe('rejected');
  });

  it('runs the request-info loop: info answered by the owner returns the case to review', async () => {
    const { caseId } = await fileOne();
    expect(
      (
        await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
          decision: 'request_info',
          reasonCode: 'need_proof_of_infringement',
          reasons: 'Please send evidence linking this listing to the infringement.',
          note: 'Send the test-buy report.',
        })
      ).status,
    ).toBe(200);
    await cloud.settled();
    expect(await status(caseId)).toBe('awaiting_info');
    expect((await api.seller1.post(`/v1/cases/${caseId}/info`, { explanation: 'x' })).status).toBe(
      403,
    );
    const info = await api.rightsHolder.post(`/v1/cases/${caseId}/info`, {
      explanation: 'Test-buy report attached.',
      evidenceIds: [],
    });
    expect(info.status).toBe(202);
    await cloud.settled();
    expect(await status(caseId)).toBe('awaiting_review');
  });

  it('keeps the listing down when the owner reports a court action after a counter-notice (US copyright)', async () => {
    const { caseId, listingId, client } = await fileOne({
      ipRightId: 'ipr-acme-cr-us',
      infringementType: 'copyright',
    });
    await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
      decision: 'approve',
      reasonCode: 'copyright_copy',
      reasons:
        'The listing sells goods bearing the registered mark that the rights holder did not make.',
    });
    await cloud.settled();
    expect(await status(caseId)).toBe('awaiting_counter_notice');
    const early = await api.rightsHolder.post(`/v1/cases/${caseId}/court-action`, {
      filedAt: new Date().toISOString(),
      court: 'N.D. Cal.',
      reference: '3:26-cv-0001',
      kind: 'lawsuit',
    });
    expect(early.status).toBe(409);
    const counter = await client.post(`/v1/cases/${caseId}/counter-notice`, {
      statement: 'I took these photos myself; the removal is a mistake.',
      underPenaltyOfPerjury: true,
      consentToJurisdiction: true,
      district: 'Central District of Illinois',
      acceptServiceOfProcess: true,
      material: {
        description: 'The listing and its photographs',
        location: 'The listing page on the marketplace',
      },
      contact: {
        name: 'Sam Seller',
        address: '1 Main St, Springfield, IL 62701, US',
        phone: '+1-217-555-0101',
        email: 'sam@example.com',
      },
      signature: { fullName: 'Sam Seller', signedAt: new Date().toISOString() },
      evidenceIds: [],
    });
    expect(counter.status).toBe(202);
    await cloud.settled();
    expect(await status(caseId)).toBe('awaiting_court_action');
    const court = await api.rightsHolder.post(`/v1/cases/${caseId}/court-action`, {
      filedAt: new Date().toISOString(),
      court: 'N.D. Cal.',
      reference: '3:26-cv-0001',
      kind: 'lawsuit',
      evidenceIds: [],
    });
    expect(court.status).toBe(202);
    await cloud.settled();
    expect(await status(caseId)).toBe('upheld_pending_court');
    const listing = (await (
      await fetch(`${cloud.url}/_local/marketplace/listings/${listingId}`)
    ).json()) as { status: string };
    expect(listing.status).toBe('disabled');
    // §512(g)(2)(B): the counter-notice, contact included, is forwarded to the complainant; the
    // contact appears there only, never on the timeline (personal data stays in its own item).
    const view = await api.rightsHolder.get(`/v1/cases/${caseId}`);
    expect(
      (view.body as { counterNotice: { contact: { phone: string } } }).counterNotice.contact.phone,
    ).toBe('+1-217-555-0101');
    expect(JSON.stringify(view.body.timeline)).not.toContain('+1-217-555-0101');
  });

  it('withdraws a taken-down case: the listing is restored and the case ends withdrawn; a second withdrawal gets 409', async () => {
    const { caseId, listingId } = await fileOne();
    await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons:
        'The listing sells goods bearing the registered mark that the rights holder did not make.',
    });
    await cloud.settled();
    expect((await api.rightsHolder.post(`/v1/cases/${caseId}/withdrawal`)).status).toBe(202);
    await cloud.settled();
    expect(await status(caseId)).toBe('withdrawn');
    const listing = (await (
      await fetch(`${cloud.url}/_local/marketplace/listings/${listingId}`)
    ).json()) as { status: string };
    expect(listing.status).toBe('active');
    expect((await api.rightsHolder.post(`/v1/cases/${caseId}/withdrawal`)).status).toBe(409);
  });

  it('parks a case whose takedown keeps failing in action_failed, and a reviewer retry completes it', async () => {
    const { caseId } = await fileOne();
    await fetch(`${cloud.url}/_local/marketplace/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failNext: 100 }),
    });
    await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons:
        'The listing sells goods bearing the registered mark that the rights holder did not make.',
    });
    await cloud.advance(3600_000);
    expect(await status(caseId)).toBe('action_failed');
    expect(
      (
        await api.reviewer.get<{ items: { caseId: string }[] }>(
          '/v1/review-tasks?queue=action_failed',
        )
      ).body.items.map((i) => i.caseId),
    ).toContain(caseId);
    await fetch(`${cloud.url}/_local/marketplace/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failNext: 0, failureRate: 0 }),
    });
    expect((await api.reviewer.post(`/v1/cases/${caseId}/retry`)).status).toBe(202);
    await cloud.settled();
    expect(await status(caseId)).toBe('awaiting_counter_notice');
    expect((await api.reviewer.post(`/v1/cases/${caseId}/retry`)).status).toBe(409);
  });

  it('hides the case from other sellers (404) and shows it to its seller without the notifier contact', async () => {
    const { caseId, client } = await fileOne();
    await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons:
        'The listing sells goods bearing the registered mark that the rights holder did not make.',
    });
    await cloud.settled();
    expect((await api.seller2.get(`/v1/cases/${caseId}`)).status).toBe(404);
    const mine = await client.get<{ status: string; notifier: Record<string, unknown> }>(
      `/v1/cases/${caseId}`,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.notifier.email).toBeUndefined();
    expect(mine.text).not.toContain('ip@acme.demo.invalid');
  });
});
