import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { type ApiClient, apiClients, idempotencyKey, noticeBody } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';
import { storageSnapshot } from '../support/snapshot.ts';

/** Bodies per route per run for the notice, counter-notice and decision (issue 6 asks for at least 2,000). */
const RUNS = 2000;
/**
 * Bodies per run for the other routes, whose schemas are smaller: 500 each keeps the suite's
 * CPU for tests of their own (2,000 each took about 80 s of a loaded suite).
 */
const OTHER_RUNS = 500;
/** 2,000 requests take tens of seconds on a loaded 2-core machine: each such test may take 4 minutes. */
const FUZZ_TIMEOUT_MS = 240_000;

let cloud: LocalCloud;
let api: Awaited<ReturnType<typeof apiClients>>;
let closedCaseId: string;
let sellerClient: ApiClient;
let sellerId: string;
/** A rights-holder user who registered no rights holder: a body that happens to be valid gets 422, never a write. */
let unregistered: ApiClient;

beforeAll(async () => {
  cloud = await startTestCloud();
  api = await apiClients(cloud);
  unregistered = await api.mint({ sub: 'fuzz-unregistered', groups: ['rights-holder'] });
  const seller = await api.newSellerListing();
  sellerClient = seller.client;
  sellerId = seller.sellerId;
  const filed = await api.rightsHolder.post<{ cases: { caseId: string }[] }>(
    '/v1/notices',
    noticeBody([seller.listingId]),
    { 'idempotency-key': idempotencyKey() },
  );
  closedCaseId = filed.body.cases[0]!.caseId;
  await cloud.settled();
  await api.reviewer.post(`/v1/cases/${closedCaseId}/decision`, {
    decision: 'reject',
    reasonCode: 'no_infringement',
    reasons: 'The evidence does not show that this listing infringes.',
  });
  await cloud.settled();
});
afterAll(async () => {
  await cloud?.stop();
});

/** Strings that break naive code: RTL marks, NUL, lone surrogates, emoji, overlong text. */
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '\u202e\u0000',
    '\ud800',
    '👩‍👩‍👧‍👦'.repeat(50),
    'a'.repeat(70_000),
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '${jndi:ldap://x}',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

/** A valid body with one field mutated, dropped, retyped, or an extra field added; or any JSON at all. */
function mutations(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  const deep = fc.constant(JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`));
  return fc.oneof(
    fc.jsonValue(),
    fc
      .record({
        key: fc.constantFrom(...keys),
        value: fc.oneof(
          fc.jsonValue(),
          nasty,
          deep,
          fc.array(fc.jsonValue(), { minLength: 200, maxLength: 400 }),
        ),
      })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => {
      const { [key]: _dropped, ...rest } = valid;
      return rest;
    }),
    fc
      .record({ extra: nasty, value: fc.jsonValue() })
      .map(({ extra, value }) => ({ ...valid, [`x${extra.slice(0, 20)}`]: value })),
  );
}

async function fuzz(
  label: string,
  send: (body: unknown) => Promise<{ status: number; contentType: string | null }>,
  arbitrary: fc.Arbitrary<unknown>,
  runs = RUNS,
) {
  const before = await storageSnapshot(cloud);
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (body) => {
      const { status, contentType } = await send(body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status, `${label}: ${JSON.stringify(body)?.slice(0, 300)}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(status).toBeLessThan(500);
      expect(contentType).toContain('application/problem+json');
    }),
    { numRuns: runs },
  );
  await cloud.settled();
  expect(await storageSnapshot(cloud)).toBe(before);
  return statuses;
}

describe('Fuzzing request bodies: every bad body gets a 4xx problem+json and writes nothing', () => {
  it(
    `POST /v1/notices, ${RUNS} generated bodies`,
    async () => {
      const valid = noticeBody(['lst-x']);
      const statuses = await fuzz(
        'notice',
        async (body) => {
          const res = await unregistered.request('POST', '/v1/notices', JSON.stringify(body), {
            'idempotency-key': idempotencyKey(),
            'content-type': 'application/json',
          });
          return { status: res.status, contentType: res.headers.get('content-type') };
        },
        mutations(valid),
      );
      expect([...statuses.keys()].every((s) => s === 400 || s === 413 || s === 422)).toBe(true);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `POST /v1/cases/{caseId}/counter-notice, ${RUNS} generated bodies`,
    async () => {
      const valid = {
        statement: 'The photos are mine.',
        underPenaltyOfPerjury: true,
        consentToJurisdiction: true,
        district: 'Central District of Illinois',
        acceptServiceOfProcess: true,
        material: {
          description: 'The listing and its photographs',
          location: 'The listing page on the marketplace',
        },
        contact: { name: 'S', address: 'A', phone: '1', email: 's@example.com' },
        signature: { fullName: 'S S', signedAt: new Date().toISOString() },
        evidenceIds: [],
      };
      await fuzz(
        'counter-notice',
        async (body) => {
          const res = await sellerClient.request(
            'POST',
            `/v1/cases/${closedCaseId}/counter-notice`,
            JSON.stringify(body),
          );
          return { status: res.status, contentType: res.headers.get('content-type') };
        },
        mutations(valid),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `POST /v1/cases/{caseId}/decision, ${RUNS} generated bodies`,
    async () => {
      await fuzz(
        'decision',
        async (body) => {
          const res = await api.reviewer.request(
            'POST',
            `/v1/cases/${closedCaseId}/decision`,
            JSON.stringify(body),
          );
          return { status: res.status, contentType: res.headers.get('content-type') };
        },
        mutations({
          decision: 'approve',
          reasonCode: 'counterfeit_goods',
          reasons:
            'The listing sells goods bearing the registered mark that the rights holder did not make.',
          note: 'n',
        }),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `POST /v1/cases/{caseId}/appeals, ${OTHER_RUNS} generated bodies`,
    async () => {
      // The case was rejected: a seller has nothing to appeal on it, so even a valid body writes nothing.
      await fuzz(
        'appeal',
        async (body) => {
          const res = await sellerClient.request(
            'POST',
            `/v1/cases/${closedCaseId}/appeals`,
            JSON.stringify(body),
          );
          return { status: res.status, contentType: res.headers.get('content-type') };
        },
        mutations({
          against: 'takedown',
          grounds: 'The goods are genuine.',
          evidenceIds: ['ev-not-mine'],
        }),
        OTHER_RUNS,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `POST /v1/cases/{caseId}/court-action, ${OTHER_RUNS} generated bodies`,
    async () => {
      await fuzz(
        'court-action',
        async (body) => {
          const res = await api.rightsHolder.request(
            'POST',
            `/v1/cases/${closedCaseId}/court-action`,
            JSON.stringify(body),
          );
          return { status: res.status, contentType: res.headers.get('content-type') };
        },
        mutations({
          filedAt: new Date().toISOString(),
          court: 'U.S. District Court, N.D. Cal.',
          reference: '5:26-cv-01234',
          kind: 'lawsuit',
          evidenceIds: [],
        }),
        OTHER_RUNS,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(`POST /v1/sellers/{sellerId}/suspension-decision, ${OTHER_RUNS} generated bodies`, async () => {
    // The seller has no open suspension review: a body that happens to be valid gets 409.
    await fuzz(
      'suspension-decision',
      async (body) => {
        const res = await api.reviewer.request(
          'POST',
          `/v1/sellers/${sellerId}/suspension-decision`,
          JSON.stringify(body),
        );
        return { status: res.status, contentType: res.headers.get('content-type') };
      },
      mutations({
        decision: 'suspend',
        reasonCode: 'repeated_manifestly_illegal_items',
        reasons: 'Repeated counterfeits after the warning.',
        note: 'n',
      }),
      OTHER_RUNS,
    );
  });

  it(`POST /v1/rights-holders/{rightsHolderId}/misuse-decision, ${OTHER_RUNS} generated bodies`, async () => {
    // No misuse review is open: a body that happens to be valid gets 409.
    await fuzz(
      'misuse-decision',
      async (body) => {
        const res = await api.reviewer.request(
          'POST',
          '/v1/rights-holders/rh-acme/misuse-decision',
          JSON.stringify(body),
        );
        return { status: res.status, contentType: res.headers.get('content-type') };
      },
      mutations({
        decision: 'suspend',
        reasonCode: 'frequent_manifestly_unfounded_notices',
        reasons: 'Six manifestly unfounded notices after the warning.',
        note: 'n',
      }),
      OTHER_RUNS,
    );
  });

  it(`POST /v1/rights-holders/{rightsHolderId}/trusted-flagger, ${OTHER_RUNS} generated bodies`, async () => {
    // A revocation of a status the rights holder does not hold gets 409: nothing is written.
    await fuzz(
      'trusted-flagger',
      async (body) => {
        const res = await api.admin.request(
          'POST',
          '/v1/rights-holders/rh-acme/trusted-flagger',
          JSON.stringify(body),
        );
        return { status: res.status, contentType: res.headers.get('content-type') };
      },
      mutations({
        status: 'revoked',
        coordinator: 'Coimisiún na Meán',
        reference: 'TF-2026-001',
        areas: ['counterfeits'],
      }),
      OTHER_RUNS,
    );
  });

  it('answers malformed JSON, a non-id path, and a huge body with 4xx problem+json', async () => {
    const malformed = await api.reviewer.request(
      'POST',
      `/v1/cases/${closedCaseId}/decision`,
      '{"decision":',
    );
    expect(malformed.status).toBe(400);
    const badId = await api.reviewer.get('/v1/cases/%00%2e%2e');
    expect(badId.status).toBe(404);
    const huge = await api.reviewer.request(
      'POST',
      `/v1/cases/${closedCaseId}/decision`,
      JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
    for (const res of [malformed, badId, huge])
      expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
