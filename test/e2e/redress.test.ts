import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { apiClients, idempotencyKey, noticeBody } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';

/**
 * Redress through the HTTP API alone (DOMAIN.md steps 6-9): a late counter-notice that becomes an
 * appeal, an appeal decided by a reviewer who took no part, a late counter-notice under the US
 * statutory timer answered by a lawsuit, and the evidence rule of every body.
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

/** Files a notice on one new listing, approves it, and lets its counter-notice window pass. */
async function upheldCase(notice: Record<string, unknown>) {
  const seller = await api.newSellerListing();
  const filed = await api.rightsHolder.post<{ cases: { caseId: string }[] }>(
    '/v1/notices',
    noticeBody([seller.listingId], notice),
    { 'idempotency-key': idempotencyKey() },
  );
  expect(filed.status).toBe(202);
  const caseId = filed.body.cases[0]!.caseId;
  await cloud.settled();
  const approved = await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
    decision: 'approve',
    reasonCode: notice.infringementType === 'copyright' ? 'copyright_copy' : 'trademark_misuse',
    reasons: 'The listing uses the registered mark for the goods it covers without consent.',
  });
  expect(approved.status).toBe(200);
  await cloud.settled();
  await cloud.advance(15 * DAY_MS);
  const read = await api.reviewer.get<{ status: string }>(`/v1/cases/${caseId}`);
  expect(read.body.status).toBe('upheld');
  return { caseId, ...seller };
}

const listingStatus = async (listingId: string) =>
  (
    (await (await fetch(`${cloud.url}/_local/marketplace/listings/${listingId}`)).json()) as {
      status: string;
    }
  ).status;

describe('Redress through the API', () => {
  it('EU: a counter-notice after the window becomes an appeal; another reviewer upholds it and the listing comes back', async () => {
    const {
      caseId,
      listingId,
      client: seller,
    } = await upheldCase({
      ipRightId: 'ipr-acme-tm-eu',
      jurisdiction: 'EU',
      explanation:
        'The listing sells goods bearing the ACME mark that ACME never made; see the registration certificate.',
    });
    const texts = await seller.get<{ items: { key: string; text: string }[] }>(
      '/v1/legal-texts?jurisdiction=EU&document=appeal&locale=zh-CN',
    );
    expect(texts.status).toBe(200);
    expect(texts.body.items.map((item) => item.key)).toContain('internalComplaint');

    const late = await seller.post<{ status: string; appealId: string }>(
      `/v1/cases/${caseId}/counter-notice`,
      { statement: 'These are genuine ACME goods bought from the brand’s distributor.' },
    );
    expect(late.status).toBe(202);
    expect(late.body.status).toBe('appeal_filed');
    await cloud.settled();
    const queue = await api.reviewer.get<{ items: { kind: string; appealId?: string }[] }>(
      '/v1/review-tasks?queue=appeals',
    );
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ kind: 'appeal', appealId: late.body.appealId }),
    );

    const decision = {
      decision: 'uphold',
      reasonCode: 'lawful_use',
      reasons: 'The invoices show genuine goods from the authorised distributor.',
      note: 'Distributor confirmed by phone.',
    };
    // The reviewer who approved the takedown may not decide the appeal.
    const own = await api.reviewer.post(`/v1/appeals/${late.body.appealId}/decision`, decision);
    expect(own.status).toBe(422);
    const decided = await api.admin.post<{ status: string }>(
      `/v1/appeals/${late.body.appealId}/decision`,
      decision,
    );
    expect(decided.status).toBe(200);
    await cloud.settled();

    const file = await seller.get<{
      status: string;
      appeals: { status: string; reasons?: string; note?: string }[];
    }>(`/v1/cases/${caseId}`);
    expect(file.body.status).toBe('restored');
    expect(file.body.appeals).toEqual([
      expect.objectContaining({ status: 'upheld', reasons: decision.reasons }),
    ]);
    expect(JSON.stringify(file.body)).not.toContain(decision.note);
    expect(await listingStatus(listingId)).toBe('active');
    const appeal = await seller.get<{ status: string }>(`/v1/appeals/${late.body.appealId}`);
    expect(appeal.body.status).toBe('upheld');
    // Only the appellant and reviewers see an appeal.
    expect((await api.rightsHolder.get(`/v1/appeals/${late.body.appealId}`)).status).toBe(404);
    // A second decision, or an appeal of a restored listing's takedown, is a conflict.
    expect(
      (await api.admin.post(`/v1/appeals/${late.body.appealId}/decision`, decision)).status,
    ).toBe(409);
    const again = await seller.post(`/v1/cases/${caseId}/appeals`, {
      against: 'takedown',
      grounds: 'Again.',
    });
    expect(again.status).toBe(409);
    expect((again.body as { detail: string }).detail).toMatch(/not down|still open/);
    // The transparency report counts the appeal, its outcome and its handling time, once.
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const now = cloud.clock.now();
    const report = await api.admin.get<{
      appeals: { filed: number; upheld: number; medianHandlingSeconds: number | null };
    }>(`/v1/transparency/report?from=${day(now - 90 * DAY_MS)}&to=${day(now)}`);
    expect(report.body.appeals).toMatchObject({ filed: 1, upheld: 1 });
    expect(report.body.appeals.medianHandlingSeconds).not.toBeNull();
  });

  it('US copyright: a counter-notice after the window runs the statutory timer; a lawsuit reported keeps the listing down', async () => {
    const {
      caseId,
      listingId,
      client: seller,
    } = await upheldCase({
      ipRightId: 'ipr-acme-cr-us',
      infringementType: 'copyright',
    });
    const counter = await seller.post<{ status: string }>(`/v1/cases/${caseId}/counter-notice`, {
      statement: 'I took these photos myself; the removal is a mistake.',
      underPenaltyOfPerjury: true,
      consentToJurisdiction: true,
      district: 'Central District of Illinois',
      acceptServiceOfProcess: true,
      material: { description: 'My product photos', location: `listing ${listingId}` },
      contact: {
        name: 'Sam Seller',
        address: '1 Main St, Springfield, IL 62701, US',
        phone: '+1-217-555-0101',
      },
      signature: { fullName: 'Sam Seller', signedAt: new Date().toISOString() },
    });
    expect(counter.status).toBe(202);
    expect(counter.body.status).toBe('counter_notice_received');
    await cloud.settled();
    const waiting = await api.rightsHolder.get<{
      status: string;
      deadlines: { restoreNotBefore?: string; restoreBy?: string };
    }>(`/v1/cases/${caseId}`);
    expect(waiting.body.status).toBe('awaiting_court_action');
    expect(waiting.body.deadlines.restoreNotBefore).toBeDefined();
    expect(waiting.body.deadlines.restoreBy).toBeDefined();

    const report = {
      filedAt: new Date().toISOString(),
      court: 'U.S. District Court, N.D. Ill.',
      reference: '1:26-cv-00042',
      evidenceIds: [],
    };
    const complaint = await api.rightsHolder.post(`/v1/cases/${caseId}/court-action`, {
      ...report,
      kind: 'authority_complaint',
    });
    expect(complaint.status).toBe(422);
    const lawsuit = await api.rightsHolder.post(`/v1/cases/${caseId}/court-action`, {
      ...report,
      kind: 'lawsuit',
    });
    expect(lawsuit.status).toBe(202);
    await cloud.settled();
    const closed = await api.rightsHolder.get<{ status: string }>(`/v1/cases/${caseId}`);
    expect(closed.body.status).toBe('upheld_pending_court');
    expect(await listingStatus(listingId)).toBe('disabled');
    // Settled out of court: the withdrawal after closure restores the listing.
    const withdrawn = await api.rightsHolder.post(`/v1/cases/${caseId}/withdrawal`, {});
    expect(withdrawn.status).toBe(202);
    await cloud.settled();
    expect(await listingStatus(listingId)).toBe('active');
  });

  it('refuses evidence that is not the caller’s own sealed evidence, naming the index (422)', async () => {
    const { caseId, client: seller } = await upheldCase({
      ipRightId: 'ipr-acme-tm-eu',
      jurisdiction: 'EU',
      explanation:
        'The listing sells goods bearing the ACME mark that ACME never made; see the registration certificate.',
    });
    const res = await seller.post<{ errors: { path: string }[] }>(`/v1/cases/${caseId}/appeals`, {
      against: 'takedown',
      grounds: 'Genuine.',
      evidenceIds: ['ev-acme-certificate'],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'evidenceIds.0' })]);
  });
});
