import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { type ApiClient, apiClients, idempotencyKey, noticeBody } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';
import { leaksIn } from '../support/email-leaks.ts';

let cloud: LocalCloud;
let api: Awaited<ReturnType<typeof apiClients>>;
const captured: { where: string; text: string }[] = [];
const restore: (() => void)[] = [];

/** Records every response body of a client. */
function recorded(client: ApiClient, name: string): ApiClient {
  const request = client.request.bind(client);
  client.request = (async (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => {
    const res = await request(method, path, body, headers);
    captured.push({ where: `${name} ${method} ${path} → ${res.status}`, text: res.text });
    return res;
  }) as ApiClient['request'];
  return client;
}

beforeAll(async () => {
  // Capture every log line written by the handlers (they run in this process).
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push({
        where: 'log',
        text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'),
      });
      return write(chunk, ...(rest as []));
    }) as typeof stream.write;
    restore.push(() => {
      stream.write = write;
    });
  }
  cloud = await startTestCloud();
  api = await apiClients(cloud);
});
afterAll(async () => {
  for (const undo of restore) undo();
  await cloud?.stop();
});

const SELLER_CONTACT = {
  name: 'Pat Private',
  address: '742 Evergreen Terrace, Springfield',
  phone: '+1-939-555-0142',
  email: 'pat.private@example.com',
};

describe('No leaked secrets', () => {
  it('a full lifecycle writes no task token or JWT to any response, log line or email, and personal contact details only where they must go', async () => {
    const rightsHolder = recorded(api.rightsHolder, 'rights-holder');
    const reviewer = recorded(api.reviewer, 'reviewer');
    const seller = await api.newSellerListing();
    const sellerClient = recorded(seller.client, 'seller');

    const filed = await rightsHolder.post<{ cases: { caseId: string }[] }>(
      '/v1/notices',
      noticeBody([seller.listingId], {
        ipRightId: 'ipr-acme-cr-us',
        infringementType: 'copyright',
      }),
      { 'idempotency-key': idempotencyKey() },
    );
    const caseId = filed.body.cases[0]!.caseId;
    await cloud.settled();
    await reviewer.get('/v1/review-tasks?queue=standard');
    await reviewer.post(`/v1/cases/${caseId}/decision`, {
      decision: 'approve',
      reasonCode: 'copyright_copy',
      reasons:
        'The listing sells goods bearing the registered mark that the rights holder did not make.',
      note: 'Identical photos.',
    });
    await reviewer.post(`/v1/cases/${caseId}/decision`, {
      decision: 'approve',
      reasonCode: 'copyright_copy',
      reasons:
        'The listing sells goods bearing the registered mark that the rights holder did not make.',
    });
    await cloud.settled();
    await sellerClient.get(`/v1/cases/${caseId}`);
    await sellerClient.post(`/v1/cases/${caseId}/counter-notice`, {
      statement: 'These are my own photos; the removal is a mistake.',
      underPenaltyOfPerjury: true,
      consentToJurisdiction: true,
      district: 'Central District of Illinois',
      acceptServiceOfProcess: true,
      material: {
        description: 'The listing and its photographs',
        location: 'The listing page on the marketplace',
      },
      contact: SELLER_CONTACT,
      signature: { fullName: SELLER_CONTACT.name, signedAt: new Date().toISOString() },
      evidenceIds: [],
    });
    await cloud.settled();
    await rightsHolder.get(`/v1/cases/${caseId}`);
    await reviewer.get(`/v1/cases/${caseId}`);
    await cloud.advance(20 * 86_400_000);
    await rightsHolder.get(`/v1/cases/${caseId}`);
    await sellerClient.get(`/v1/cases/${caseId}`);
    expect((await reviewer.get<{ status: string }>(`/v1/cases/${caseId}`)).body.status).toBe(
      'restored',
    );

    const taskTokens = [...cloud.engine.tokenRecords().keys()];
    expect(taskTokens.length).toBeGreaterThan(2);
    const users = (await (await fetch(`${cloud.url}/_local/users`)).json()) as { token: string }[];
    const jwtPattern = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;
    const mail = (await (
      await fetch(
        `${cloud.url}/_local/mailbox?to=${encodeURIComponent(`${seller.sellerId}@sellers.demo.invalid`)}`,
      )
    ).json()) as { items: { text: string }[] };
    const rhMail = (await (
      await fetch(`${cloud.url}/_local/mailbox?to=ip%40acme.demo.invalid`)
    ).json()) as { items: { text: string }[] };
    const emails = [...mail.items, ...rhMail.items].map((m) => ({ where: 'email', text: m.text }));
    expect(captured.filter((c) => c.where !== 'log').length).toBeGreaterThan(8);

    for (const { where, text } of [...captured, ...emails]) {
      for (const token of taskTokens)
        expect(text.includes(token), `task token in ${where}`).toBe(false);
      expect(jwtPattern.test(text), `JWT in ${where}`).toBe(false);
      for (const user of users)
        expect(text.includes(user.token), `user JWT in ${where}`).toBe(false);
      // The seller's counter-notice contact goes to the rights holder (17 U.S.C. §512(g)(2)(B)):
      // by email, and in the case file's counter-notice; nowhere else, not even elsewhere in it.
      if (where !== 'email') {
        const outside = caseFileResponse.test(where) ? withoutCounterNotice(text) : text;
        expect(outside.includes(SELLER_CONTACT.phone), `seller phone in ${where}`).toBe(false);
        expect(outside.includes(SELLER_CONTACT.address), `seller address in ${where}`).toBe(false);
      }
      // The rights holder's phone and address never leave its own profile.
      expect(text.includes('+1-602-555-0100'), `rights-holder phone in ${where}`).toBe(false);
    }
    expect(rhMail.items.some((m) => m.text.includes(SELLER_CONTACT.phone))).toBe(true);
    // Every email of the run, both parts: no API path, JWT or task token, and never the note.
    const everyEmail = cloud.mailbox.list();
    expect(everyEmail.length).toBeGreaterThan(4);
    for (const email of everyEmail) {
      for (const part of [email.text, email.html ?? '']) {
        expect(leaksIn(part, [...taskTokens, 'Identical photos.']), email.template).toEqual([]);
      }
    }
  });
});

/** A case file read by a party of the case (the only responses that carry a counter-notice). */
const caseFileResponse = /^(rights-holder|reviewer|seller|admin) GET \/v1\/cases\/[^/]+ → 200$/;

function withoutCounterNotice(text: string): string {
  const { counterNotice: _counterNotice, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(rest);
}
