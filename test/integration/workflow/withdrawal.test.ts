import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  approve,
  newSellerId,
  queueCaseIds,
  RIGHTS_HOLDER,
  sellerEmail,
  sellerStore,
  setFaults,
  takenDownCase,
} from '../../support/workflow-steps.ts';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function withdraw(caseId: string): Promise<void> {
  await h.m.withdrawCase(caseId, RIGHTS_HOLDER);
  await h.cloud.settled();
}

describe('Withdrawal by the rights holder', () => {
  it('while awaiting review: the case ends withdrawn, leaves the queue, and the listing was never touched', async () => {
    const sellerId = newSellerId();
    const listingId = await h.newListing(sellerId);
    const { caseIds } = await h.file({ listings: [listingId] });
    const caseId = caseIds[0]!;
    expect(await h.status(caseId)).toBe('awaiting_review');

    await withdraw(caseId);

    expect(await h.status(caseId)).toBe('withdrawn');
    expect(await queueCaseIds('standard')).not.toContain(caseId);
    expect((await h.listing(listingId)).status).toBe('active');
    const { listStrikes } = await sellerStore();
    expect(await listStrikes(sellerId)).toEqual([]);
  });

  it('after the takedown: the listing is restored, the strike revoked and the warning lifted', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h);
    expect((await h.seller(sellerId)).status).toBe('warned');

    await withdraw(caseId);

    expect(await h.status(caseId)).toBe('withdrawn');
    expect((await h.listing(listingId)).status).toBe('active');
    const { listStrikes } = await sellerStore();
    const strikes = await listStrikes(sellerId);
    expect(strikes).toHaveLength(1);
    expect(strikes[0]!.revokedAt).toBeDefined();
    expect((await h.seller(sellerId)).status).toBe('active');
    expect((await h.mail(sellerEmail(sellerId))).map((m) => m.template)).toContain(
      'case_withdrawn',
    );
  });

  it('while the takedown is being retried: the withdrawal is recorded and honoured at the next attempt', async () => {
    const listingId = await h.newListing(newSellerId());
    const { caseIds } = await h.file({ listings: [listingId] });
    const caseId = caseIds[0]!;
    await setFaults(h, { failNext: 1 });
    await approve(h, caseId);
    expect(await h.status(caseId)).toBe('taking_down');

    await withdraw(caseId);
    expect(await h.timeline(caseId)).toContain('withdrawal_requested');
    await h.advance('PT30S');

    expect(await h.status(caseId)).toBe('withdrawn');
    expect((await h.listing(listingId)).status).toBe('active');
  });

  it('of a case already withdrawn is refused (409)', async () => {
    const { caseId } = await takenDownCase(h);
    await withdraw(caseId);

    await expect(h.m.withdrawCase(caseId, RIGHTS_HOLDER)).rejects.toMatchObject({
      name: 'StateRefused',
    });
  });
});
