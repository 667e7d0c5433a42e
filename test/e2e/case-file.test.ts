import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { type ApiClient, apiClients, idempotencyKey, noticeBody } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';
import { uploadTextEvidence } from '../support/evidence.ts';

/**
 * The case file per party (API.md, "The case file"): a US copyright case taken down, counter-
 * notified with the seller's own evidence, and forwarded under §512(g); then each party reads it.
 */
type CaseFile = Record<string, unknown> & {
  timeline: {
    actor: { role: string; id?: string };
    type: string;
    detail: Record<string, unknown>;
  }[];
  counterNotice?: { contact?: { phone: string }; evidence: { evidenceId: string }[] };
};

const NOTE = 'INTERNAL-NOTE-do-not-forward';
const REASONS = 'The listing copies the brand’s product photographs without a licence.';
const PHONE = '+1-217-555-0142';

let cloud: LocalCloud;
let api: Awaited<ReturnType<typeof apiClients>>;
let seller: { sellerId: string; listingId: string; client: ApiClient };
let caseId: string;
let sellerEvidenceId: string;
const views: Record<'reviewer' | 'rightsHolder' | 'seller', CaseFile> = {} as never;

beforeAll(async () => {
  cloud = await startTestCloud();
  api = await apiClients(cloud);
  seller = await api.newSellerListing('Roadrunner photo print');
  const filed = await api.rightsHolder.post<{ cases: { caseId: string }[] }>(
    '/v1/notices',
    noticeBody([seller.listingId], { ipRightId: 'ipr-acme-cr-us', infringementType: 'copyright' }),
    { 'idempotency-key': idempotencyKey() },
  );
  caseId = filed.body.cases[0]!.caseId;
  await cloud.settled();
  const decided = await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
    decision: 'approve',
    reasonCode: 'copyright_copy',
    reasons: REASONS,
    note: NOTE,
  });
  expect(decided.status).toBe(200);
  await cloud.settled();
  sellerEvidenceId = (await uploadTextEvidence(cloud, seller.client, 'my own photo shoot, 2024'))
    .evidenceId;
  const counter = await seller.client.post(`/v1/cases/${caseId}/counter-notice`, {
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
      address: '1 Main St, Springfield, IL',
      phone: PHONE,
      email: 'sam@example.com',
    },
    signature: { fullName: 'Sam Seller', signedAt: new Date().toISOString() },
    evidenceIds: [sellerEvidenceId],
  });
  expect(counter.status).toBe(202);
  await cloud.settled();
  for (const [name, client] of [
    ['reviewer', api.reviewer],
    ['rightsHolder', api.rightsHolder],
    ['seller', seller.client],
  ] as const) {
    const res = await client.get<CaseFile>(`/v1/cases/${caseId}`);
    expect(res.status).toBe(200);
    views[name] = res.body;
  }
});
afterAll(async () => {
  await cloud?.stop();
});

const COMMON = [
  'appeals',
  'caseId',
  'counterNotice',
  'counterNoticeMode',
  'createdAt',
  'deadlines',
  'decision',
  'infringementType',
  'ipRight',
  'jurisdiction',
  'listing',
  'listingId',
  'notice',
  'noticeId',
  'notifier',
  'reasons',
  'sellerId',
  'source',
  'status',
  'testBuys',
  'timeline',
];
const REVIEWER_ONLY = ['infoReplies', 'note', 'pendingTask', 'rightsHolder', 'seller'];

describe('Case file: what each party sees', () => {
  it('gives the reviewer every fact, the internal note and both parties’ standing', () => {
    const view = views.reviewer;
    expect(Object.keys(view).sort()).toEqual(
      [...COMMON, ...REVIEWER_ONLY, 'statementOfReasons'].sort(),
    );
    expect(view.note).toBe(NOTE);
    expect(view.reasons).toBe(REASONS);
    expect(view.rightsHolder).toMatchObject({
      rightsHolderId: 'rh-acme',
      legalName: expect.any(String),
    });
    expect((view.rightsHolder as { standing: object }).standing).toMatchObject({ fastLane: false });
    expect(view.seller).toMatchObject({ sellerId: seller.sellerId, measure: 'warning' });
    expect((view.seller as { activeStrikes: unknown[] }).activeStrikes).toHaveLength(1);
    expect(view.counterNotice?.contact?.phone).toBe(PHONE);
    expect(view.decision).toMatchObject({ decision: 'approve', reviewerId: expect.any(String) });
    const decided = view.timeline.find((event) => event.type === 'decided')!;
    expect(decided.actor.id).toBeDefined();
  });

  it('gives the rights holder the facts and the forwarded counter-notice, never staff ids or the note', () => {
    const view = views.rightsHolder;
    expect(Object.keys(view).sort()).toEqual(COMMON);
    expect(JSON.stringify(view)).not.toContain(NOTE);
    // §512(g)(2)(B): the counter-notice goes to the complainant with the seller's contact.
    expect(view.counterNotice?.contact?.phone).toBe(PHONE);
    expect(view.counterNotice?.evidence.map((e) => e.evidenceId)).toEqual([sellerEvidenceId]);
    for (const event of view.timeline) {
      if (event.actor.role === 'reviewer') expect(event.actor).toEqual({ role: 'reviewer' });
      expect(event.detail).not.toHaveProperty('reviewerId');
    }
    expect(view.timeline.some((event) => event.type === 'decided')).toBe(true);
  });

  it('gives the seller the listing, the right, the notice’s evidence and reasons; the notifier by name only', () => {
    const view = views.seller;
    expect(Object.keys(view).sort()).toEqual([...COMMON, 'statementOfReasons'].sort());
    // The statement of reasons as it was sent, readable again in the seller centre.
    expect((view.statementOfReasons as { text: string }).text).toContain(REASONS);
    expect(view.reasons).toBe(REASONS);
    expect(view.notifier).toEqual({ rightsHolderId: 'rh-acme', name: expect.any(String) });
    expect(JSON.stringify(view)).not.toContain('ip@acme.demo.invalid');
    expect(JSON.stringify(view)).not.toContain(NOTE);
    expect(view.listing).toMatchObject({
      listingId: seller.listingId,
      title: 'Roadrunner photo print',
      status: 'disabled',
    });
    expect(view.ipRight).toMatchObject({ kind: 'copyright', jurisdiction: 'US' });
    expect(view.ipRight).not.toHaveProperty('proof');
    const evidence = (view.notice as { evidence: Record<string, unknown>[] }).evidence;
    expect(evidence[0]).toMatchObject({
      evidenceId: 'ev-acme-certificate',
      fileName: expect.any(String),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      status: 'sealed',
    });
    const reviewerIds = views.reviewer.timeline.flatMap((e) =>
      e.actor.role === 'reviewer' && e.actor.id ? [e.actor.id] : [],
    );
    for (const id of reviewerIds) expect(JSON.stringify(view)).not.toContain(id);
  });

  it('keeps the seller’s contact from the rights holder where the law does not forward it (EU re-review)', async () => {
    const other = await api.newSellerListing('EU widget');
    const filed = await api.rightsHolder.post<{ cases: { caseId: string }[] }>(
      '/v1/notices',
      noticeBody([other.listingId], { ipRightId: 'ipr-acme-tm-eu', jurisdiction: 'EU' }),
      { 'idempotency-key': idempotencyKey() },
    );
    const euCase = filed.body.cases[0]!.caseId;
    await cloud.settled();
    await api.reviewer.post(`/v1/cases/${euCase}/decision`, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons: REASONS,
    });
    await cloud.settled();
    const counter = await other.client.post(`/v1/cases/${euCase}/counter-notice`, {
      statement: 'These are genuine goods bought from the brand’s distributor.',
      contact: {
        name: 'Eve Seller',
        address: '2 Rue X, Paris',
        phone: PHONE,
        email: 'eve@example.com',
      },
      signature: { fullName: 'Eve Seller', signedAt: new Date().toISOString() },
      evidenceIds: [],
    });
    expect(counter.status).toBe(202);
    await cloud.settled();
    const view = (await api.rightsHolder.get<CaseFile>(`/v1/cases/${euCase}`)).body;
    expect(view.counterNotice).toBeDefined();
    expect(view.counterNotice).not.toHaveProperty('contact');
    expect(JSON.stringify(view)).not.toContain(PHONE);
  });
});

describe('Evidence of a case, for its parties', () => {
  it('shows the notice’s evidence inline to the case’s seller, and its download', async () => {
    const view = await seller.client.get(`/v1/evidence/ev-acme-certificate/view?caseId=${caseId}`);
    expect(view.status).toBe(302);
    expect(decodeURIComponent(view.headers.get('location')!)).toContain('inline');
    const download = await seller.client.get(
      `/v1/evidence/ev-acme-certificate/download?caseId=${caseId}`,
    );
    expect(download.status).toBe(302);
    expect(decodeURIComponent(download.headers.get('location')!)).toContain('attachment');
  });

  it('lets the rights holder fetch the seller’s counter-evidence through the case', async () => {
    const res = await api.rightsHolder.get(
      `/v1/evidence/${sellerEvidenceId}/view?caseId=${caseId}`,
    );
    expect(res.status).toBe(302);
    const inline = await fetch(res.headers.get('location')!);
    expect(await inline.text()).toBe('my own photo shoot, 2024');
  });

  it('answers 404 to another seller, even naming the case, and to evidence the case does not cite', async () => {
    const stranger = await api.newSellerListing();
    const res = await stranger.client.get(`/v1/evidence/ev-acme-certificate/view?caseId=${caseId}`);
    expect(res.status).toBe(404);
    const notCited = await api.rightsHolder.get(
      `/v1/evidence/${sellerEvidenceId}/view?caseId=case-nope`,
    );
    expect(notCited.status).toBe(404);
  });

  it('answers 400 to a malformed case id', async () => {
    const res = await seller.client.get('/v1/evidence/ev-acme-certificate/view?caseId=%20bad%20');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
