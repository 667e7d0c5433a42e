import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { apiClients } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';
import { uploadTextEvidence } from '../support/evidence.ts';

/**
 * Mystery test buys (issue 19, item 6) through the public API on the local cloud: staff upload the
 * report, record the test buy on a seller or a case, and a confirmed counterfeit backs an
 * own-initiative takedown the reviewer decided, with the same strike, statement and redress.
 */
type Api = Awaited<ReturnType<typeof apiClients>>;
interface TestBuy {
  testBuyId: string;
  caseId?: string;
  ownInitiativeCaseId?: string;
  outcome: string;
  notes?: string;
  recordedBy?: string;
  report: { evidenceId: string; status: string };
}
interface CaseFile {
  source: string;
  status: string;
  decision: { decision: string; automated?: boolean } | null;
  testBuys: TestBuy[];
  timeline: {
    type: string;
    actor: { role: string; id?: string };
    detail: Record<string, unknown>;
  }[];
  statementOfReasons?: { text: string };
}

let cloud: LocalCloud;
let api: Api;
let report: string;

const order = () => `order-${randomBytes(5).toString('hex')}`;
const advance = (by: string) =>
  fetch(`${cloud.url}/_local/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ by }),
  });

beforeAll(async () => {
  cloud = await startTestCloud();
  api = await apiClients(cloud);
  const uploaded = await uploadTextEvidence(
    cloud,
    api.reviewer,
    `Test-buy report ${randomBytes(8).toString('hex')}: the goods are counterfeit.`,
    'test-buy-report.txt',
    'test_buy_report',
  );
  expect(uploaded.status).toBe('sealed');
  report = uploaded.evidenceId;
});
afterAll(async () => {
  await cloud?.stop();
});

describe('Test buys', () => {
  it('takes a listing down on a confirmed counterfeit, decided by the reviewer, with the same redress', async () => {
    const seller = await api.newSellerListing('ACME sneakers, factory outlet');
    const orderId = order();
    const recorded = await api.reviewer.post<TestBuy>('/v1/test-buys', {
      sellerId: seller.sellerId,
      listingId: seller.listingId,
      orderId,
      orderedAt: new Date(cloud.clock.now() - 86_400_000).toISOString(),
      outcome: 'counterfeit_confirmed',
      reportEvidenceId: report,
      ipRightId: 'ipr-acme-tm-us',
      notes: 'Stitching and box label do not match the genuine product.',
      takedown: true,
    });
    expect(recorded.status).toBe(201);
    const caseId = recorded.body.ownInitiativeCaseId!;
    expect(caseId).toBeTruthy();
    expect(recorded.body).toMatchObject({ caseId, outcome: 'counterfeit_confirmed' });
    expect(recorded.body.report).toMatchObject({ evidenceId: report, status: 'sealed' });

    // The own-initiative job acts within a minute of the (virtual) clock.
    await advance('PT2M');
    await cloud.settled();
    const listing = (await (
      await fetch(`${cloud.url}/_local/marketplace/listings/${seller.listingId}`)
    ).json()) as { status: string };
    expect(listing.status).toBe('disabled');

    const staff = await api.reviewer.get<CaseFile>(`/v1/cases/${caseId}`);
    expect(staff.body).toMatchObject({
      source: 'own_initiative',
      status: 'awaiting_counter_notice',
    });
    // A person decided: not automated, and the timeline names the reviewer to staff.
    expect(staff.body.decision).toMatchObject({ decision: 'approve' });
    expect(staff.body.decision?.automated).toBeUndefined();
    const decided = staff.body.timeline.find((event) => event.type === 'decided')!;
    expect(decided.actor.role).toBe('reviewer');
    expect(decided.detail).toMatchObject({ basis: 'test_buy' });
    expect(staff.body.testBuys).toHaveLength(1);
    expect(staff.body.testBuys[0]).toMatchObject({
      notes: 'Stitching and box label do not match the genuine product.',
      recordedBy: expect.any(String),
    });

    // The seller reads the test buy and the statement, never the note or who recorded it.
    const own = await seller.client.get<CaseFile>(`/v1/cases/${caseId}`);
    expect(own.status).toBe(200);
    expect(own.body.testBuys).toHaveLength(1);
    expect(own.body.testBuys[0]).not.toHaveProperty('notes');
    expect(own.body.testBuys[0]).not.toHaveProperty('recordedBy');
    expect(JSON.stringify(own.body.timeline)).not.toContain('"id":"reviewer');
    const text = own.body.statementOfReasons?.text ?? '';
    expect(text).toContain('test buy');
    expect(text).toContain('The listing was not detected by automated means.');
    expect(text).toContain('The decision was taken by a person');
    const download = await seller.client.get(
      `/v1/evidence/${report}/download?caseId=${encodeURIComponent(caseId)}`,
    );
    expect(download.status).toBe(302);

    // The same ladder: one strike, and the redress of any case.
    const strikes = await seller.client.get<{ active: number }>('/v1/sellers/me/strikes');
    expect(strikes.body.active).toBe(1);
    // A counter-notice on the parked case starts its Standard execution.
    const counter = await seller.client.post(`/v1/cases/${caseId}/counter-notice`, {
      statement: 'I bought these from the brand’s own distributor; they are genuine.',
      underPenaltyOfPerjury: true,
      consentToJurisdiction: true,
      district: 'Central District of Illinois',
      acceptServiceOfProcess: true,
      material: { description: 'The sneakers', location: 'The listing page on the marketplace' },
      contact: {
        name: 'Sam Seller',
        address: '1 Main St, Springfield, IL',
        phone: '+1 217 555 0100',
        email: 'sam@example.com',
      },
      signature: { fullName: 'Sam Seller', signedAt: new Date(cloud.clock.now()).toISOString() },
      evidenceIds: [],
    });
    expect(counter.status, counter.text).toBe(202);
    await cloud.settled();
    // Parked cases take a counter-notice as an appeal a person decides (DSA Art 20).
    const contested = await api.reviewer.get<CaseFile>(`/v1/cases/${caseId}`);
    const filed = contested.body.timeline.find((event) => event.type === 'appeal_filed');
    expect(filed?.detail).toMatchObject({ fromCounterNotice: true, against: 'takedown' });
    const appeal = await seller.client.get<{ status: string }>(
      `/v1/appeals/${String(filed?.detail.appealId)}`,
    );
    expect(appeal.body.status).toBe('open');

    // One order, one test buy.
    const again = await api.reviewer.post('/v1/test-buys', {
      sellerId: seller.sellerId,
      orderId,
      orderedAt: new Date(cloud.clock.now()).toISOString(),
      outcome: 'genuine',
      reportEvidenceId: report,
    });
    expect(again.status).toBe(409);
  });

  it('attaches a test buy to an existing case and lists a seller’s test buys, newest first', async () => {
    const seller = await api.newSellerListing('ACME hoodie');
    const first = await api.reviewer.post<TestBuy>('/v1/test-buys', {
      sellerId: seller.sellerId,
      orderId: order(),
      orderedAt: new Date(cloud.clock.now()).toISOString(),
      outcome: 'inconclusive',
      reportEvidenceId: report,
    });
    expect(first.status).toBe(201);
    expect(first.body.caseId).toBeUndefined();
    const opened = await api.reviewer.post<TestBuy>('/v1/test-buys', {
      sellerId: seller.sellerId,
      listingId: seller.listingId,
      orderId: order(),
      orderedAt: new Date(cloud.clock.now()).toISOString(),
      outcome: 'counterfeit_confirmed',
      reportEvidenceId: report,
      ipRightId: 'ipr-acme-tm-us',
      takedown: true,
    });
    const caseId = opened.body.ownInitiativeCaseId!;
    await advance('PT1S');
    const attached = await api.reviewer.post<TestBuy>('/v1/test-buys', {
      sellerId: seller.sellerId,
      caseId,
      orderId: order(),
      orderedAt: new Date(cloud.clock.now()).toISOString(),
      outcome: 'genuine',
      reportEvidenceId: report,
    });
    expect(attached.status).toBe(201);
    expect(attached.body.caseId).toBe(caseId);
    const file = await api.reviewer.get<CaseFile>(`/v1/cases/${caseId}`);
    expect(file.body.testBuys.map((t) => t.outcome)).toEqual(['counterfeit_confirmed', 'genuine']);
    expect(file.body.timeline.map((e) => e.type)).toContain('test_buy_recorded');

    const listed = await api.reviewer.get<{ items: TestBuy[] }>(
      `/v1/test-buys?sellerId=${seller.sellerId}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((t) => t.testBuyId)).toEqual([
      attached.body.testBuyId,
      opened.body.testBuyId,
      first.body.testBuyId,
    ]);
    expect((await seller.client.get(`/v1/test-buys?sellerId=${seller.sellerId}`)).status).toBe(403);
  });

  it('refuses bad test buys with a clear problem and writes nothing', async () => {
    const seller = await api.newSellerListing('ACME cap');
    const other = await api.newSellerListing('ACME scarf');
    const base = {
      sellerId: seller.sellerId,
      listingId: seller.listingId,
      orderedAt: new Date(cloud.clock.now()).toISOString(),
      outcome: 'counterfeit_confirmed',
      reportEvidenceId: report,
      ipRightId: 'ipr-acme-tm-us',
      takedown: true,
    };
    const partyEvidence = await uploadTextEvidence(cloud, seller.client, 'A seller’s own file');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, outcome: 'genuine' }, 400, 'takedown'],
      [{ ...base, listingId: undefined }, 400, 'listingId'],
      [{ ...base, reportEvidenceId: partyEvidence.evidenceId }, 422, 'reportEvidenceId'],
      [{ ...base, listingId: other.listingId }, 422, 'listingId'],
      [{ ...base, ipRightId: 'ipr-unknown' }, 422, 'ipRightId'],
      [{ ...base, takedown: false, caseId: 'case-none' }, 404, ''],
      [{ ...base, extra: true }, 400, ''],
    ];
    for (const [body, status, path] of cases) {
      const answer = await api.reviewer.post<{ errors?: { path: string }[] }>('/v1/test-buys', {
        ...body,
        orderId: order(),
      });
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      if (path) expect(answer.body.errors?.map((e) => e.path)).toContain(path);
    }
    const listed = await api.reviewer.get<{ items: unknown[] }>(
      `/v1/test-buys?sellerId=${seller.sellerId}`,
    );
    expect(listed.body.items).toEqual([]);
    const listing = (await (
      await fetch(`${cloud.url}/_local/marketplace/listings/${seller.listingId}`)
    ).json()) as { status: string };
    expect(listing.status).toBe('active');

    // Only staff upload test-buy reports, and staff upload nothing else.
    expect(
      (
        await seller.client.post('/v1/evidence', {
          fileName: 'r.txt',
          contentType: 'text/plain',
          size: 3,
          sha256: 'a'.repeat(64),
          purpose: 'test_buy_report',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.reviewer.post('/v1/evidence', {
          fileName: 'r.txt',
          contentType: 'text/plain',
          size: 3,
          sha256: 'a'.repeat(64),
        })
      ).status,
    ).toBe(400);
  });
});
