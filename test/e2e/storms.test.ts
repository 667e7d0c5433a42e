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

async function timeline(caseId: string) {
  return (
    await api.reviewer.get<{ status: string; timeline: { type: string }[] }>(`/v1/cases/${caseId}`)
  ).body;
}

async function fileOne() {
  const seller = await api.newSellerListing();
  const res = await api.rightsHolder.post<{ cases: { caseId: string }[] }>(
    '/v1/notices',
    noticeBody([seller.listingId]),
    { 'idempotency-key': idempotencyKey() },
  );
  await cloud.settled();
  return { ...seller, caseId: res.body.cases[0]!.caseId };
}

describe('Duplicate storms and races', () => {
  it('20 concurrent identical notices with one key make one notice, and all 20 get the same 202 body', async () => {
    const seller = await api.newSellerListing();
    const key = idempotencyKey();
    const body = noticeBody([seller.listingId]);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.rightsHolder.post('/v1/notices', body, { 'idempotency-key': key }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(202));
    for (const r of responses) expect(r.body).toEqual(responses[0]!.body);
    await cloud.settled();
    const notices = await api.rightsHolder.get<{ items: { noticeId: string }[] }>(
      '/v1/notices?limit=100',
    );
    expect(
      notices.body.items.filter(
        (n) => n.noticeId === (responses[0]!.body as { noticeId: string }).noticeId,
      ),
    ).toHaveLength(1);
    const caseId = (responses[0]!.body as { cases: { caseId: string }[] }).cases[0]!.caseId;
    expect(
      (await timeline(caseId)).timeline.filter((e) => e.type === 'notice_received'),
    ).toHaveLength(1);
  });

  it('10 concurrent decisions on one case: exactly one 200, the rest 409, one decided event', async () => {
    const { caseId } = await fileOne();
    const decisions = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.reviewer.post(`/v1/cases/${caseId}/decision`, {
          decision: i % 2 ? 'approve' : 'reject',
          reasonCode: i % 2 ? 'counterfeit_goods' : 'no_infringement',
          reasons: 'Decided in a storm.',
        }),
      ),
    );
    const statuses = decisions.map((d) => d.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    await cloud.settled();
    expect((await timeline(caseId)).timeline.filter((e) => e.type === 'decided')).toHaveLength(1);
  });

  it('a decision racing the review timeout has one outcome, recorded once', async () => {
    const { caseId } = await fileOne();
    // Move to one second before the 24 h review SLA ends, then race the timeout and a decision.
    await cloud.advance(24 * 3600_000 - 1000);
    const [decision] = await Promise.all([
      api.reviewer.post(`/v1/cases/${caseId}/decision`, {
        decision: 'reject',
        reasonCode: 'insufficient_evidence',
        reasons: 'The evidence does not show that this listing infringes.',
      }),
      cloud.advance(2000),
    ]);
    await cloud.settled();
    const view = await timeline(caseId);
    if (decision.status === 200) {
      expect(view.status).toBe('rejected');
      expect(view.timeline.filter((e) => e.type === 'review_escalated')).toHaveLength(0);
    } else {
      expect(decision.status).toBe(409);
      expect(view.status).toBe('escalated_review');
      expect(view.timeline.filter((e) => e.type === 'decided')).toHaveLength(0);
    }
    expect(
      view.timeline.filter((e) => e.type === 'decided').length +
        view.timeline.filter((e) => e.type === 'review_escalated').length,
    ).toBe(1);
  });
});
