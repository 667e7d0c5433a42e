import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { type ApiClient, apiClients, idempotencyKey, noticeBody } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';

/** The unified review queue, claims, reason codes, separation of duties and case search. */
interface Task {
  taskId: string;
  queue: string;
  kind: string;
  caseId?: string;
  subjectId?: string;
  listingTitle?: string;
  rightsHolderName?: string;
  dueAt?: string;
  overdue: boolean;
  claim?: { reviewer: { id: string }; until: string };
}
type Page<T> = { items: T[]; nextCursor: string | null };

let cloud: LocalCloud;
let api: Awaited<ReturnType<typeof apiClients>>;
let reviewerB: ApiClient;

beforeAll(async () => {
  cloud = await startTestCloud();
  api = await apiClients(cloud);
  reviewerB = await api.mint({ sub: 'reviewer-b', groups: ['reviewer'] });
});
afterAll(async () => {
  await cloud?.stop();
});

async function fileCases(count: number, title = 'ACME-style widget', overrides = {}) {
  const listings = await Promise.all(
    Array.from({ length: count }, () => api.newSellerListing(title)),
  );
  const filed = await api.rightsHolder.post<{ cases: { caseId: string }[] }>(
    '/v1/notices',
    noticeBody(
      listings.map((l) => l.listingId),
      overrides,
    ),
    { 'idempotency-key': idempotencyKey() },
  );
  expect(filed.status).toBe(202);
  await cloud.settled();
  return filed.body.cases.map((c, i) => ({ caseId: c.caseId, ...listings[i]! }));
}

async function allTasks(client: ApiClient, query = '', limit = 100): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', String(limit));
    if (cursor) params.set('cursor', cursor);
    const page = await client.get<Page<Task>>(`/v1/review-tasks?${params}`);
    expect(page.status).toBe(200);
    tasks.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return tasks;
}

/** A new rights holder, pending verification, and a client acting for it. */
async function registerBrand(sub: string, legalName: string) {
  const client = await api.mint({ sub, groups: ['rights-holder'] });
  const registered = await client.post<{ rightsHolderId: string }>('/v1/rights-holders', {
    legalName,
    type: 'company',
    country: 'DE',
    address: 'Hauptstr. 1, Berlin',
    email: `ip@${sub}.example`,
    phone: '+49-30-555-0100',
  });
  expect(registered.status).toBe(201);
  return { client, body: registered.body };
}

const taskOf = async (caseId: string) =>
  (await allTasks(api.reviewer)).find((task) => task.caseId === caseId)!;

describe('The review queue', () => {
  it('lists every queue by default, most urgent first, with what a reviewer needs', async () => {
    const [escalated] = await fileCases(1, 'Escalated widget');
    await cloud.advance(24 * 3600_000 + 60_000);
    const [fresh] = await fileCases(1, 'Fresh widget');
    const registered = await registerBrand('queue-brand', 'Queue Brand GmbH');

    const tasks = await allTasks(api.reviewer);
    const byCase = (caseId: string) => tasks.find((task) => task.caseId === caseId);
    expect(byCase(escalated!.caseId)).toMatchObject({
      queue: 'escalated',
      kind: 'escalated_review',
      listingTitle: 'Escalated widget',
      rightsHolderName: expect.any(String),
    });
    expect(byCase(fresh!.caseId)).toMatchObject({ queue: 'standard', overdue: false });
    expect(tasks.find((task) => task.subjectId === registered.body.rightsHolderId)).toMatchObject({
      queue: 'rights_holders',
      kind: 'rights_holder_verification',
      taskId: `rights-holder:${registered.body.rightsHolderId}`,
    });
    const dues = tasks.map((task) => task.dueAt ?? '');
    expect(dues).toEqual([...dues].sort());
    expect(JSON.stringify(tasks)).not.toMatch(/token/i);
  });

  it('gives 200 tasks unique ids, and pages across queues in exactly the order of one page', async () => {
    await fileCases(100);
    await fileCases(100);
    const whole = await allTasks(api.reviewer, '', 100);
    expect(whole.length).toBeGreaterThanOrEqual(200);
    expect(new Set(whole.map((task) => task.taskId)).size).toBe(whole.length);
    const paged = await allTasks(api.reviewer, '', 7);
    expect(paged.map((task) => task.taskId)).toEqual(whole.map((task) => task.taskId));
    // Filing and screening 200 cases takes tens of seconds on a loaded 2-core machine.
  }, 240_000);

  it('narrows by queue, kind and jurisdiction', async () => {
    const escalatedOnly = await allTasks(api.reviewer, 'queue=escalated');
    expect(escalatedOnly.length).toBeGreaterThan(0);
    expect(new Set(escalatedOnly.map((task) => task.queue))).toEqual(new Set(['escalated']));
    const verifications = await allTasks(api.reviewer, 'kind=rights_holder_verification');
    expect(verifications.every((task) => task.queue === 'rights_holders')).toBe(true);
    expect(await allTasks(api.reviewer, 'jurisdiction=CN')).toEqual([]);
  });

  it('refuses unknown filters, a limit out of range and a forged cursor with 400', async () => {
    for (const query of ['queue=all', 'kind=nap', 'limit=0', 'limit=101', 'cursor=bm9wZQ']) {
      const res = await api.reviewer.get(`/v1/review-tasks?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const forged = Buffer.from(
      JSON.stringify({
        standard: { pk: 'RH#x', sk: 'PROFILE', gsi2pk: 'QUEUE#rights_holders', gsi2sk: 'x' },
      }),
    ).toString('base64url');
    expect((await api.reviewer.get(`/v1/review-tasks?cursor=${forged}`)).status).toBe(400);
  });
});

describe('Claims', () => {
  it('lets one reviewer hold a task: others see the claim, cannot take or decide it until it is released', async () => {
    const [one] = await fileCases(1);
    const task = await taskOf(one!.caseId);
    const claimed = await api.reviewer.post<{ claim: { until: string } }>(
      `/v1/review-tasks/${task.taskId}/claim`,
    );
    expect(claimed.status).toBe(200);
    const seenByB = (await allTasks(reviewerB)).find((t) => t.taskId === task.taskId)!;
    expect(seenByB.claim).toEqual({
      reviewer: { id: expect.any(String) },
      until: claimed.body.claim.until,
    });
    expect((await reviewerB.post(`/v1/review-tasks/${task.taskId}/claim`)).status).toBe(409);
    const decision = {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons: 'Counterfeit goods bearing the mark.',
    };
    expect((await reviewerB.post(`/v1/cases/${one!.caseId}/decision`, decision)).status).toBe(409);
    expect(
      (await reviewerB.request('DELETE', `/v1/review-tasks/${task.taskId}/claim`)).status,
    ).toBe(409);
    expect(
      (await api.reviewer.request('DELETE', `/v1/review-tasks/${task.taskId}/claim`)).status,
    ).toBe(204);
    expect((await reviewerB.post(`/v1/review-tasks/${task.taskId}/claim`)).status).toBe(200);
    expect((await reviewerB.post(`/v1/cases/${one!.caseId}/decision`, decision)).status).toBe(200);
    expect((await reviewerB.post(`/v1/review-tasks/${task.taskId}/claim`)).status).toBe(404);
  });

  it('lets a claim lapse after the policy’s 30 minutes', async () => {
    const [one] = await fileCases(1);
    const task = await taskOf(one!.caseId);
    expect((await api.reviewer.post(`/v1/review-tasks/${task.taskId}/claim`)).status).toBe(200);
    await cloud.advance(31 * 60_000);
    expect((await reviewerB.post(`/v1/review-tasks/${task.taskId}/claim`)).status).toBe(200);
  });

  it('holds verification tasks too', async () => {
    const registered = await registerBrand('claim-brand', 'Claim Brand Ltd');
    const taskId = `rights-holder:${registered.body.rightsHolderId}`;
    expect((await api.reviewer.post(`/v1/review-tasks/${taskId}/claim`)).status).toBe(200);
    const verify = await reviewerB.post(
      `/v1/rights-holders/${registered.body.rightsHolderId}/verification`,
      { decision: 'verify', reason: 'Registry extract matches.' },
    );
    expect(verify.status).toBe(409);
  });
});

describe('Verifications, decided from what the API returns', () => {
  it('shows the reviewer the applicant, and the applicant never learns who verified it', async () => {
    const { client, body } = await registerBrand('verify-brand', 'Verify Brand SA');
    const task = (await allTasks(api.reviewer, 'kind=rights_holder_verification')).find(
      (t) => t.subjectId === body.rightsHolderId,
    )!;
    expect(task.rightsHolderName).toBe('Verify Brand SA');
    const applicant = await api.reviewer.get<Record<string, unknown>>(
      `/v1/rights-holders/${body.rightsHolderId}`,
    );
    expect(applicant.status).toBe(200);
    expect(applicant.body).toMatchObject({
      legalName: 'Verify Brand SA',
      address: expect.any(String),
      email: 'ip@verify-brand.example',
      status: 'pending_verification',
      standing: { accuracy: null, decided: 0 },
      ipRights: [],
      recentNotices: [],
    });
    const verified = await api.reviewer.post<{ verification: { reviewerId?: string } }>(
      `/v1/rights-holders/${body.rightsHolderId}/verification`,
      { decision: 'verify', reason: 'Company register extract matches.' },
    );
    expect(verified.body.verification.reviewerId).toBeDefined();
    const own = await client.get<{ verification: Record<string, unknown> }>(
      '/v1/rights-holders/me',
    );
    expect(own.body.verification).toMatchObject({ decision: 'verify' });
    expect(own.body.verification).not.toHaveProperty('reviewerId');
  });

  it('shows an IP right’s proof to the reviewer, and 404 to another rights holder', async () => {
    const ipRight = await api.reviewer.get<{ proof: unknown[]; rightsHolderName: string }>(
      '/v1/ip-rights/ipr-acme-tm-us',
    );
    expect(ipRight.status).toBe(200);
    expect(ipRight.body.rightsHolderName).toEqual(expect.any(String));
    expect(Array.isArray(ipRight.body.proof)).toBe(true);
    const { client: stranger } = await registerBrand('ipr-stranger', 'Stranger GmbH');
    expect((await stranger.get('/v1/ip-rights/ipr-acme-tm-us')).status).toBe(404);
    expect((await api.rightsHolder.get('/v1/ip-rights/ipr-acme-tm-us')).status).toBe(200);
  });
});

describe('Reason codes and separation of duties', () => {
  it('serves the catalogue to every party, labelled in English and Chinese', async () => {
    const res = await api.seller1.get<{
      items: { code: string; decisions: string[]; label: Record<string, string>; class: string }[];
    }>('/v1/reason-codes');
    expect(res.status).toBe(200);
    for (const decision of ['approve', 'reject', 'request_info', 'restore', 'uphold']) {
      expect(res.body.items.some((item) => item.decisions.includes(decision))).toBe(true);
    }
    expect(res.body.items.find((item) => item.code === 'manifestly_unfounded')?.class).toBe(
      'manifestly_unfounded',
    );
    for (const item of res.body.items) expect(item.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a code the catalogue does not list for the decision, and writes nothing', async () => {
    const [one] = await fileCases(1);
    for (const body of [
      { decision: 'approve', reasonCode: 'made_up', reasons: 'x' },
      { decision: 'approve', reasonCode: 'no_infringement', reasons: 'x' },
      { decision: 'approve', reasonCode: 'counterfeit_goods' },
    ]) {
      const res = await api.reviewer.post(`/v1/cases/${one!.caseId}/decision`, body);
      expect(res.status).toBe(400);
    }
    const view = await api.reviewer.get<{ status: string; decision: unknown }>(
      `/v1/cases/${one!.caseId}`,
    );
    expect(view.body).toMatchObject({ status: 'awaiting_review', decision: null });
  });

  it('refuses (422) a reviewer who is the case’s seller', async () => {
    const [one] = await fileCases(1);
    const conflicted = await api.mint({
      sub: 'reviewer-who-sells',
      groups: ['reviewer', 'seller'],
      sellerId: one!.sellerId,
    });
    const res = await conflicted.post(`/v1/cases/${one!.caseId}/decision`, {
      decision: 'reject',
      reasonCode: 'no_infringement',
      reasons: 'Not infringing.',
    });
    expect(res.status).toBe(422);
  });
});

describe('Case search', () => {
  it('finds cases by listing, title, status and notice, newest first', async () => {
    const [a, b] = await fileCases(2, 'Zebra-striped umbrella');
    const caseView = await api.reviewer.get<{ noticeId: string }>(`/v1/cases/${a!.caseId}`);
    const byNotice = await api.reviewer.get<Page<{ caseId: string }>>(
      `/v1/cases?noticeId=${caseView.body.noticeId}`,
    );
    expect(byNotice.body.items.map((c) => c.caseId).sort()).toEqual([a!.caseId, b!.caseId].sort());
    const byListing = await api.reviewer.get<Page<{ caseId: string }>>(
      `/v1/cases?listingId=${a!.listingId}`,
    );
    expect(byListing.body.items.map((c) => c.caseId)).toEqual([a!.caseId]);
    const byTitle = await api.reviewer.get<Page<{ caseId: string }>>('/v1/cases?q=zebra-STRIPED');
    expect(byTitle.body.items.map((c) => c.caseId).sort()).toEqual([a!.caseId, b!.caseId].sort());
    const byStatus = await api.reviewer.get<Page<{ caseId: string; status: string }>>(
      '/v1/cases?status=awaiting_review&limit=100',
    );
    expect(byStatus.body.items.every((c) => c.status === 'awaiting_review')).toBe(true);
    expect(byStatus.body.items.map((c) => c.caseId)).toContain(a!.caseId);
    const all = await api.reviewer.get<Page<{ createdAt: string }>>('/v1/cases?limit=50');
    const created = all.body.items.map((c) => c.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('limits a rights holder to its own cases', async () => {
    const [a] = await fileCases(1, 'Own-case widget');
    const own = await api.rightsHolder.get<Page<{ caseId: string; rightsHolderId: string }>>(
      `/v1/cases?listingId=${a!.listingId}`,
    );
    expect(own.body.items.map((c) => c.caseId)).toEqual([a!.caseId]);
    const { client: stranger } = await registerBrand('search-stranger', 'Stranger Inc');
    const theirs = await stranger.get<Page<unknown>>(`/v1/cases?listingId=${a!.listingId}`);
    expect(theirs.body.items).toEqual([]);
    expect((await stranger.get('/v1/cases?rightsHolderId=rh-acme')).status).toBe(404);
  });

  it('pages with a cursor, and refuses a forged one', async () => {
    const first = await api.reviewer.get<Page<{ caseId: string }>>('/v1/cases?limit=3');
    expect(first.body.nextCursor).toBeTruthy();
    const second = await api.reviewer.get<Page<{ caseId: string }>>(
      `/v1/cases?limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items[0]?.caseId).not.toBe(first.body.items[0]?.caseId);
    const forged = Buffer.from(JSON.stringify({ key: { gsi5pk: 'x' } })).toString('base64url');
    expect((await api.reviewer.get(`/v1/cases?cursor=${forged}`)).status).toBe(400);
    expect((await api.reviewer.get('/v1/cases?status=nope')).status).toBe(400);
  });
});

describe('Alerts', () => {
  it('emails the reviewers’ address once when a review escalates, with no API path', async () => {
    const res = await fetch(
      `${cloud.url}/_local/mailbox?to=${encodeURIComponent('ip-reviewers@takedown.local.invalid')}`,
    );
    const { items } = (await res.json()) as {
      items: { subject: string; text: string; caseId?: string }[];
    };
    const escalations = items.filter((mail) => mail.subject.startsWith('Escalated'));
    expect(escalations.length).toBeGreaterThan(0);
    expect(new Set(escalations.map((mail) => mail.caseId)).size).toBe(escalations.length);
    for (const mail of escalations) expect(mail.text).not.toContain('/v1/');
  });
});
