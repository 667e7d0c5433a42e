import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  counterNotify,
  RIGHTS_HOLDER,
  sellerStore,
  takenDownCase,
} from '../../support/workflow-steps.ts';
import { call, tokenFor } from '../api/support.ts';

const COPYRIGHT = { ipRightId: 'ipr-acme-cr-us', infringementType: 'copyright' } as const;

// Once its cases have passed their windows, retention deletes the demo rights holder's evidence,
// which every notice of the harness cites: the test that lets that happen runs last (the appeal
// window one has a file of its own, retention-appeal-window.test.ts).
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('Data-subject requests (admin routes)', () => {
  it('exports what is held about a seller, and an erasure inside the appeal window keeps it and says why', async () => {
    // Arrange
    const { caseId, sellerId } = await takenDownCase(h);
    await h.advance('P14D');
    const admin = await tokenFor(h.cloud, { sub: 'dsr-admin', groups: ['admin'] });

    // Act
    const exported = await call(h.cloud, 'GET', `/v1/personal-data/sellers/${sellerId}`, admin);
    const erasure = await call(
      h.cloud,
      'POST',
      `/v1/personal-data/sellers/${sellerId}/erasure`,
      admin,
    );
    const unknown = await call(h.cloud, 'GET', '/v1/personal-data/sellers/seller-nobody', admin);

    // Assess
    expect(exported.status).toBe(200);
    expect(exported.body.profile.email).toContain('@');
    expect(exported.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
    expect(erasure.status).toBe(200);
    expect(erasure.body.erased).toBe(false);
    expect(erasure.body.kept).toEqual([
      { item: `case ${caseId}`, reason: 'appeal_window', until: expect.any(String) },
    ]);
    expect((await (await sellerStore()).getSeller(sellerId))?.email).toContain('@');
    expect(unknown.status).toBe(404);
  });
});

describe('Personal-data retention: legal holds', () => {
  it('keeps a seller’s contact while a reported court action holds the case, and erases it after an admin releases the hold', async () => {
    // Arrange: a counter-notice, then a court action: the case closes upheld_pending_court, held.
    const { caseId, sellerId } = await takenDownCase(h, COPYRIGHT);
    await counterNotify(h, caseId, sellerId);
    await h.m.reportCourtAction(caseId, RIGHTS_HOLDER, {
      filedAt: new Date(h.cloud.clock.now()).toISOString(),
      court: 'U.S. District Court, N.D. Cal.',
      reference: '5:26-cv-04321',
      kind: 'lawsuit',
      evidenceIds: [],
    });
    await h.cloud.settled();
    expect(await h.status(caseId)).toBe('upheld_pending_court');
    const { getSeller } = await sellerStore();

    // Act
    await h.advance('P200D');
    const whileHeld = (await getSeller(sellerId))?.email;
    const admin = await tokenFor(h.cloud, { sub: 'retention-admin', groups: ['admin'] });
    const released = await call(h.cloud, 'POST', `/v1/cases/${caseId}/legal-hold/release`, admin);
    const again = await call(h.cloud, 'POST', `/v1/cases/${caseId}/legal-hold/release`, admin);
    await h.advance('P31D');

    // Assess
    expect(whileHeld).toContain('@');
    expect(released.status).toBe(200);
    expect(again.status).toBe(409);
    expect(await h.timeline(caseId)).toContain('legal_hold_released');
    expect((await getSeller(sellerId))?.email).toBe('[erased]');
  });
});
