import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  counterNotify,
  newSellerId,
  RIGHTS_HOLDER,
  reviewer,
  sellerEmail,
  sellerStore,
  takenDownCase,
} from '../../support/workflow-steps.ts';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('The strike ladder', () => {
  it('a notice naming three listings of a new seller makes one strike and a warning, not a suspension', async () => {
    const sellerId = newSellerId();
    const listings = [
      await h.newListing(sellerId),
      await h.newListing(sellerId),
      await h.newListing(sellerId),
    ];
    const { caseIds } = await h.file({ listings });
    // Approved at once: the three cases record their strikes concurrently.
    await Promise.all(
      caseIds.map((caseId) =>
        h.m.decide(caseId, reviewer, {
          decision: 'approve',
          reasonCode: 'counterfeit_goods',
          reasons:
            'The listing sells goods bearing the registered mark that the rights holder did not make.',
        }),
      ),
    );
    await h.cloud.settled();
    await h.advance('PT2M'); // lets a transaction conflict's retry run

    for (const caseId of caseIds) expect(await h.status(caseId)).toBe('awaiting_counter_notice');
    const { listStrikes, getSeller } = await sellerStore();
    const strikes = await listStrikes(sellerId);
    expect(strikes).toHaveLength(1);
    expect([...strikes[0]!.caseIds].sort()).toEqual([...caseIds].sort());
    expect((await getSeller(sellerId))?.measure).toBe('warning');
    expect((await h.seller(sellerId)).status).toBe('warned');
  });

  it('the third notice suspends a seller warned by the first, and a restore of that case lifts the suspension', async () => {
    const sellerId = newSellerId();
    const { listStrikes, getSeller } = await sellerStore();
    await takenDownCase(h, { sellerId });
    expect((await h.seller(sellerId)).status).toBe('warned');
    await takenDownCase(h, { sellerId });
    expect((await h.seller(sellerId)).status).toBe('restricted');
    const third = await takenDownCase(h, { sellerId });

    expect((await h.seller(sellerId)).status).toBe('suspended');
    // No suspension without a prior warning (DSA Art 23(1)): the warning preceded the 3rd strike.
    const seller = await getSeller(sellerId);
    const thirdStrike = (await listStrikes(sellerId)).find((s) => s.caseIds.includes(third.caseId));
    expect(seller?.warnedAt).toBeDefined();
    expect(seller!.warnedAt! < thirdStrike!.createdAt).toBe(true);
    expect(
      (await h.mail(sellerEmail(sellerId))).filter((m) => m.template === 'statement_of_reasons'),
    ).toHaveLength(3);

    await counterNotify(h, third.caseId, sellerId);
    await h.m.decide(third.caseId, reviewer, {
      decision: 'restore',
      reasonCode: 'counter_notice_founded',
      reasons: 'The counter-notice shows the removal was a mistake.',
    });
    await h.cloud.settled();

    expect(await h.status(third.caseId)).toBe('restored');
    expect((await getSeller(sellerId))?.measure).toBe('restricted');
    expect((await h.seller(sellerId)).status).toBe('restricted');
  });

  it('a notice strike is revoked only when every case attached to it is released', async () => {
    const sellerId = newSellerId();
    const listings = [await h.newListing(sellerId), await h.newListing(sellerId)];
    const { caseIds } = await h.file({ listings });
    for (const caseId of caseIds) {
      await h.m.decide(caseId, reviewer, {
        decision: 'approve',
        reasonCode: 'counterfeit_goods',
        reasons:
          'The listing sells goods bearing the registered mark that the rights holder did not make.',
      });
      await h.cloud.settled();
    }
    const { listStrikes } = await sellerStore();

    await h.m.withdrawCase(caseIds[0]!, RIGHTS_HOLDER);
    await h.cloud.settled();
    const afterFirst = await listStrikes(sellerId);
    expect(afterFirst.map((s) => s.revokedAt)).toEqual([undefined]);
    expect((await h.seller(sellerId)).status).toBe('warned');

    await h.m.withdrawCase(caseIds[1]!, RIGHTS_HOLDER);
    await h.cloud.settled();
    expect((await listStrikes(sellerId))[0]?.revokedAt).toBeDefined();
    expect((await h.seller(sellerId)).status).toBe('active');
  });

  it('a strike expires after 365 days: the hourly sweeper lifts the warning', async () => {
    const sellerId = newSellerId();
    const { caseId } = await takenDownCase(h, { sellerId });
    await h.advance('P14D');
    expect(await h.status(caseId)).toBe('upheld');
    expect((await h.seller(sellerId)).status).toBe('warned');

    await h.advance('P366D');

    const { getSeller, listStrikes } = await sellerStore();
    expect((await getSeller(sellerId))?.measure).toBe('none');
    expect((await h.seller(sellerId)).status).toBe('active');
    const [strike] = await listStrikes(sellerId);
    expect((strike as { expiredAt?: string } | undefined)?.expiredAt).toBeDefined();
  });
});
