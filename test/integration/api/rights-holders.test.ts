import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../../local/cloud.ts';
import { startTestCloud } from '../../support/cloud.ts';
import { call, demoToken, tokenFor, uploadEvidence } from './support.ts';

let cloud: LocalCloud;
let reviewer: string;

beforeAll(async () => {
  cloud = await startTestCloud();
  reviewer = await demoToken(cloud, 'reviewer');
});

afterAll(async () => {
  await cloud?.stop();
});

const registration = {
  legalName: 'Wile E. Coyote Industries',
  type: 'company',
  country: 'US',
  address: '2 Mesa Drive, Flagstaff, AZ 86001',
  email: 'legal@coyote.example',
  phone: '+1-928-555-0199',
};

describe('Rights holders and IP rights over HTTP', () => {
  it('registers, is verified, proves an IP right with sealed evidence, and has it verified', async () => {
    // Register
    const owner = await tokenFor(cloud, { sub: 'sub-coyote', groups: ['rights-holder'] });
    const registered = await call(cloud, 'POST', '/v1/rights-holders', owner, registration);
    expect(registered.status).toBe(201);
    expect(registered.body.status).toBe('pending_verification');
    const { rightsHolderId } = registered.body;

    // Queued for reviewers while pending
    const queue = await call(cloud, 'GET', '/v1/review-tasks?queue=rights_holders', reviewer);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((t: { subjectId?: string }) => t.subjectId)).toContain(
      rightsHolderId,
    );

    // A second registration by the same user
    expect((await call(cloud, 'POST', '/v1/rights-holders', owner, registration)).status).toBe(409);

    // Verified by a reviewer, once
    const decision = { decision: 'verify', reason: 'State registry record matches.' };
    const verified = await call(
      cloud,
      'POST',
      `/v1/rights-holders/${rightsHolderId}/verification`,
      reviewer,
      decision,
    );
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('verified');
    expect(
      (
        await call(
          cloud,
          'POST',
          `/v1/rights-holders/${rightsHolderId}/verification`,
          reviewer,
          decision,
        )
      ).status,
    ).toBe(409);

    // The profile, resolved from the caller's sub (the token carries no rightsHolderId)
    const me = await call(cloud, 'GET', '/v1/rights-holders/me', owner);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      rightsHolderId,
      status: 'verified',
      legalName: registration.legalName,
      standing: { accuracy: null, decided: 0, fastLane: false, window: 'P90D' },
    });

    // Proof: sealed evidence of the caller
    const { evidenceId } = await uploadEvidence(
      cloud,
      owner,
      new TextEncoder().encode('USPTO registration certificate no. 5550777\n'),
    );
    expect((await call(cloud, 'GET', `/v1/evidence/${evidenceId}`, owner)).body.status).toBe(
      'sealed',
    );

    // An IP right, pending, then verified
    const ipRight = await call(cloud, 'POST', '/v1/ip-rights', owner, {
      kind: 'trademark',
      title: 'COYOTE',
      registrationNumber: 'US-5550777',
      jurisdiction: 'US',
      owner: 'Wile E. Coyote Industries',
      validUntil: '2033-06-30',
      proofEvidenceIds: [evidenceId],
    });
    expect(ipRight.status).toBe(201);
    expect(ipRight.body.status).toBe('pending_verification');
    const ipQueue = await call(cloud, 'GET', '/v1/review-tasks?queue=ip_rights', reviewer);
    expect(ipQueue.body.items.map((t: { subjectId?: string }) => t.subjectId)).toContain(
      ipRight.body.ipRightId,
    );
    const ipVerified = await call(
      cloud,
      'POST',
      `/v1/ip-rights/${ipRight.body.ipRightId}/verification`,
      reviewer,
      { decision: 'verify', reason: 'USPTO TSDR record matches.' },
    );
    expect(ipVerified.status).toBe(200);
    expect(ipVerified.body.status).toBe('verified');

    // Listed among its own IP rights
    const list = await call(cloud, 'GET', '/v1/ip-rights', owner);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ ipRightId: ipRight.body.ipRightId, status: 'verified' }),
    ]);
    expect(list.body.nextCursor).toBeNull();
  });

  it("pages the seeded rights holder's IP rights with an opaque cursor", async () => {
    const acme = await demoToken(cloud, 'acme-brand');

    const first = await call(cloud, 'GET', '/v1/ip-rights?limit=3', acme);
    const second = await call(
      cloud,
      'GET',
      `/v1/ip-rights?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      acme,
    );

    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const ids = [...first.body.items, ...second.body.items].map(
      (i: { ipRightId: string }) => i.ipRightId,
    );
    expect(new Set(ids)).toEqual(
      new Set(['ipr-acme-tm-us', 'ipr-acme-cr-us', 'ipr-acme-tm-eu', 'ipr-acme-tm-cn']),
    );
    expect((await call(cloud, 'GET', '/v1/ip-rights?limit=0', acme)).status).toBe(400);
  });

  it("refuses an IP right whose proof is another party's evidence (422)", async () => {
    const acme = await demoToken(cloud, 'acme-brand');
    const other = await tokenFor(cloud, { sub: 'sub-roadrunner', groups: ['rights-holder'] });
    expect((await call(cloud, 'POST', '/v1/rights-holders', other, registration)).status).toBe(201);
    const { evidenceId } = await uploadEvidence(
      cloud,
      acme,
      new TextEncoder().encode('ACME cert\n'),
    );

    const res = await call(cloud, 'POST', '/v1/ip-rights', other, {
      kind: 'copyright',
      title: 'Desert photographs',
      jurisdiction: 'EU',
      owner: 'Road Runner',
      proofEvidenceIds: [evidenceId],
    });

    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'proofEvidenceIds.0', message: expect.any(String) }]);
  });

  it('answers 403 to a seller registering a rights holder, and 404 for an unknown one', async () => {
    const seller = await demoToken(cloud, 'seller-1');

    expect((await call(cloud, 'POST', '/v1/rights-holders', seller, registration)).status).toBe(
      403,
    );
    expect(
      (
        await call(cloud, 'POST', '/v1/rights-holders/rh-nope/verification', reviewer, {
          decision: 'verify',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
  });
});
