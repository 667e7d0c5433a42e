import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { apiClients, idempotencyKey, noticeBody } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';

/**
 * Proactive screening through the public API on the local cloud: rules written and proposed,
 * the marketplace's screening call with its machine token, hits opening own-initiative cases,
 * and stay-down on a relisting after a notice took the listing down.
 */

type Api = Awaited<ReturnType<typeof apiClients>>;
interface Screened {
  verdict: string;
  ruleSetVersion: number;
  hits: {
    kind: string;
    ruleId?: string;
    caseId?: string;
    term: string;
    start: number;
    end: number;
  }[];
  hitId?: string;
}

let cloud: LocalCloud;
let api: Api;

const listing = (title: string, extra: Record<string, unknown> = {}) => ({
  listingId: `l-${Math.random().toString(36).slice(2)}`,
  sellerId: 'seller-screened',
  title,
  ...extra,
});

beforeAll(async () => {
  cloud = await startTestCloud();
  api = await apiClients(cloud);
});
afterAll(async () => {
  await cloud?.stop();
});

describe('Proactive screening', () => {
  it('catches a reviewer’s rule through the screening API, with the span and the version', async () => {
    const written = await api.reviewer.post<{ ruleId: string; status: string }>(
      '/v1/screening-rules',
      {
        ipRightId: 'ipr-acme-tm-us',
        terms: ['ACME', '爱克米'],
        exclusions: ['compatible'],
        action: 'takedown',
      },
    );
    expect(written.status).toBe(201);
    expect(written.body.status).toBe('active');
    const marketplace = await api.machine();

    const hit = await marketplace.post<Screened>(
      '/v1/screening/listings',
      listing('Ｎｅｗ ＡＣＭＥ sneakers'),
    );
    const chinese = await marketplace.post<Screened>(
      '/v1/screening/listings',
      listing('正品爱克米运动鞋'),
    );
    const excluded = await marketplace.post<Screened>(
      '/v1/screening/listings',
      listing('ACME compatible charger'),
    );

    expect(hit.status).toBe(200);
    expect(hit.body).toMatchObject({
      verdict: 'takedown',
      hits: [{ kind: 'rule', ruleId: written.body.ruleId, term: 'ACME', start: 4, end: 8 }],
    });
    expect(hit.body.ruleSetVersion).toBeGreaterThan(0);
    expect(chinese.body.verdict).toBe('takedown');
    expect(excluded.body).toMatchObject({ verdict: 'clear', hits: [] });
  });

  it('opens an own-initiative case from a takedown hit, which the marketplace sees taken down', async () => {
    const sellerId = 'seller-1';
    const created = await fetch(`${cloud.url}/_local/marketplace/listings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sellerId, title: 'ACME hoodie XL' }),
    });
    const { listingId } = (await created.json()) as { listingId: string };
    const marketplace = await api.machine();
    const screened = await marketplace.post<Screened & { caseIds: string[] }>(
      '/v1/screening/listings',
      { listingId, sellerId, title: 'ACME hoodie XL' },
    );
    expect(screened.body.verdict).toBe('takedown');
    expect(screened.body.caseIds).toHaveLength(1);

    // The own-initiative job acts within a minute of the (virtual) clock.
    await fetch(`${cloud.url}/_local/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'PT2M' }),
    });
    const file = await api.reviewer.get<{ source: string; status: string }>(
      `/v1/cases/${screened.body.caseIds[0]}`,
    );
    expect(file.body).toMatchObject({
      source: 'own_initiative',
      status: 'awaiting_counter_notice',
    });
    const taken = (await (
      await fetch(`${cloud.url}/_local/marketplace/listings/${listingId}`)
    ).json()) as { status: string };
    expect(taken.status).toBe('disabled');
    // A listing the marketplace does not know opens no case.
    const unknown = await marketplace.post<Screened & { caseIds?: string[] }>(
      '/v1/screening/listings',
      listing('ACME hoodie XL'),
    );
    expect(unknown.body.caseIds ?? []).toEqual([]);
  });

  it('activates a rights holder’s proposal, after which the marketplace’s calls catch it', async () => {
    const proposed = await api.rightsHolder.post<{ ruleId: string; status: string }>(
      '/v1/screening-rules',
      {
        ipRightId: 'ipr-acme-tm-us',
        terms: ['Roadrunner Turbo'],
        action: 'flag',
      },
    );
    expect(proposed.body.status).toBe('proposed');
    const marketplace = await api.machine();
    const before = await marketplace.post<Screened>(
      '/v1/screening/listings',
      listing('roadrunner turbo skates'),
    );

    const decided = await api.reviewer.post(
      `/v1/screening-rules/${proposed.body.ruleId}/decision`,
      {
        decision: 'activate',
        reasons: 'The mark is registered and the terms name it.',
      },
    );
    const again = await api.reviewer.post(`/v1/screening-rules/${proposed.body.ruleId}/decision`, {
      decision: 'activate',
      reasons: 'Twice.',
    });
    // The screening function checks the version at most every 30 s of the (virtual) clock.
    await fetch(`${cloud.url}/_local/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'PT1M' }),
    });
    const after = await marketplace.post<Screened>(
      '/v1/screening/listings',
      listing('roadrunner turbo skates'),
    );

    expect(before.body.verdict).toBe('clear');
    expect(decided.status).toBe(200);
    expect(again.status).toBe(409);
    expect(after.body.verdict).toBe('flag');
    expect(after.body.ruleSetVersion).toBeGreaterThan(before.body.ruleSetVersion);
    const own = await api.rightsHolder.get<{ items: { ruleId: string; status: string }[] }>(
      '/v1/screening-rules',
    );
    expect(own.body.items).toContainEqual(
      expect.objectContaining({ ruleId: proposed.body.ruleId, status: 'active' }),
    );
  });

  it('flags a relisting of a listing a notice took down, naming the earlier case', async () => {
    const seller = await api.newSellerListing('Wile E. Coyote rocket skates');
    const filed = await api.rightsHolder.post<{ cases: { caseId: string }[] }>(
      '/v1/notices',
      noticeBody([seller.listingId]),
      { 'idempotency-key': idempotencyKey() },
    );
    await cloud.settled();
    const caseId = filed.body.cases[0]!.caseId;
    const approved = await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons:
        'The listing sells goods bearing the registered mark that the rights holder did not make.',
    });
    expect(approved.status).toBe(200);
    await cloud.settled();
    const marketplace = await api.machine();

    const relisted = await marketplace.post<Screened>('/v1/screening/listings', {
      listingId: 'relisted-1',
      sellerId: seller.sellerId,
      title: 'ROCKET SKATES — Wile E Coyote',
    });
    const otherSeller = await marketplace.post<Screened>('/v1/screening/listings', {
      listingId: 'relisted-2',
      sellerId: 'someone-else',
      title: 'ROCKET SKATES — Wile E Coyote',
    });

    expect(relisted.body.verdict).toBe('flag');
    expect(relisted.body.hits).toContainEqual(
      expect.objectContaining({ kind: 'stay_down', caseId }),
    );
    expect(otherSeller.body.verdict).toBe('clear');
  });

  it.each([
    ['a title over the marketplace’s limit', listing('x'.repeat(501))],
    ['no seller', { listingId: 'l-1', title: 'acme' }],
  ])('answers 400 to %s', async (_what, body) => {
    const res = await (await api.machine()).post('/v1/screening/listings', body);
    expect(res.status).toBe(400);
  });

  it('refuses a person’s token and another scope with 403, and no token with 401', async () => {
    const body = listing('acme');
    expect((await api.reviewer.post('/v1/screening/listings', body)).status).toBe(403);
    expect(
      (await (await api.machine('takedown/other')).post('/v1/screening/listings', body)).status,
    ).toBe(403);
    expect((await api.anonymous.post('/v1/screening/listings', body)).status).toBe(401);
  });

  it.each([
    ['an empty term', { terms: [' '] }],
    ['a term over 200 characters', { terms: ['x'.repeat(201)] }],
    ['more terms than the policy allows', { terms: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
  ])('answers 400 to a rule with %s', async (_what, over) => {
    const rule: Record<string, unknown> = {
      ipRightId: 'ipr-acme-tm-us',
      terms: ['acme'],
      action: 'flag',
    };
    const res = await api.reviewer.post('/v1/screening-rules', { ...rule, ...over });
    expect(res.status).toBe(400);
  });

  it('answers 422 to a rights holder’s rule on an IP right that is not its own', async () => {
    const res = await api.rightsHolder.post('/v1/screening-rules', {
      ipRightId: 'ipr-nobody',
      terms: ['acme'],
      action: 'flag',
    });
    expect(res.status).toBe(422);
  });
});
