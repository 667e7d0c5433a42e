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
  // The figure the local cloud's contention layer produced for this suite (issue 16's note).
  const faults = await setDynamoFaults({});
  console.log(
    `storm suite: ${faults.conflictsInjected} transactions cancelled with TransactionConflict at rate ${faults.transactionConflictRate}`,
  );
  await cloud?.stop();
});

async function setDynamoFaults(body: Record<string, number>) {
  const res = await fetch(`${cloud.url}/_local/dynamodb/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { conflictsInjected: number; transactionConflictRate: number };
}

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
    const decided = view.timeline.filter((e) => e.type === 'decided').length;
    const escalated = view.timeline.filter((e) => e.type === 'review_escalated').length;
    if (decision.status === 200) {
      // The decision won, or arrived just after the escalation and decided the escalated wait.
      expect(view.status).toBe('rejected');
      expect(decided).toBe(1);
      expect(escalated).toBeLessThanOrEqual(1);
    } else {
      // The timeout won: the decision answered a wait that had ended, and nothing was recorded.
      expect(decision.status).toBe(409);
      expect(view.status).toBe('escalated_review');
      expect(decided).toBe(0);
      expect(escalated).toBe(1);
    }
  });
});

describe('Transaction conflicts (DynamoDB contention)', () => {
  it('fails a notice whose writes keep conflicting, starts nothing, and files it on the retry', async () => {
    const seller = await api.newSellerListing();
    const key = idempotencyKey();
    const body = noticeBody([seller.listingId]);
    const before = await setDynamoFaults({ failNextTransactions: 1000 });
    const failed = await api.rightsHolder.post('/v1/notices', body, { 'idempotency-key': key });
    await setDynamoFaults({
      failNextTransactions: 0,
      transactionConflictRate: before.transactionConflictRate,
    });
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toContain('application/problem+json');
    await cloud.settled();

    const filed = await api.rightsHolder.post<{ cases: { caseId: string }[] }>(
      '/v1/notices',
      body,
      {
        'idempotency-key': key,
      },
    );
    expect(filed.status).toBe(202);
    await cloud.settled();
    const caseId = filed.body.cases[0]!.caseId;
    expect((await timeline(caseId)).status).toBe('awaiting_review');
    // One execution for the case, still running: none was started before its case was written.
    const executions = cloud.engine
      .stateMachineArns()
      .flatMap((arn) => cloud.engine.listExecutions(arn))
      .filter((execution) => JSON.stringify(execution).includes(caseId));
    expect(executions.map((execution) => execution.status)).toEqual(['RUNNING']);
  });
});

describe('Idempotency records past their ttl', () => {
  it('treats an expired key as new: a reuse after 48 h files a new notice, even with another body', async () => {
    const seller = await api.newSellerListing();
    const key = idempotencyKey();
    const body = noticeBody([seller.listingId]);
    const first = await api.rightsHolder.post<{ noticeId: string }>('/v1/notices', body, {
      'idempotency-key': key,
    });
    expect(first.status).toBe(202);
    await cloud.settled();
    const replay = await api.rightsHolder.post<{ noticeId: string }>('/v1/notices', body, {
      'idempotency-key': key,
    });
    expect(replay.body.noticeId).toBe(first.body.noticeId);

    await cloud.advance(49 * 3600_000);
    const other = await api.newSellerListing();
    const reused = await api.rightsHolder.post<{ noticeId: string }>(
      '/v1/notices',
      noticeBody([other.listingId]),
      { 'idempotency-key': key },
    );
    expect(reused.status).toBe(202);
    expect(reused.body.noticeId).not.toBe(first.body.noticeId);
  });
});
