import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  approve,
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

  it('the third notice opens a suspension review; a confirmed suspension takes the listings down, and a restore lifts it', async () => {
    const sellerId = newSellerId();
    const { listStrikes, getSeller } = await sellerStore();
    const { decideSuspension } = await import('../../../functions/use-cases/decide-suspension.ts');
    await takenDownCase(h, { sellerId });
    expect((await h.seller(sellerId)).status).toBe('warned');
    await takenDownCase(h, { sellerId });
    expect((await h.seller(sellerId)).status).toBe('restricted');
    const other = await h.newListing(sellerId);
    const third = await takenDownCase(h, { sellerId });

    // DSA Art 23(3): the threshold opens a reviewer's task; the seller is held at restricted.
    const held = await getSeller(sellerId);
    expect(held?.measure).toBe('restricted');
    expect(held?.suspensionReview?.taskId).toBe(`suspension-review:${sellerId}:1`);
    expect((await h.seller(sellerId)).status).toBe('restricted');
    // No suspension without a prior warning: the first strike's notice carried it.
    const strikes = await listStrikes(sellerId);
    const thirdStrike = strikes.find((s) => s.caseIds.includes(third.caseId));
    const firstWarning = strikes
      .map((s) => s.warningSentAt)
      .filter(Boolean)
      .sort()[0];
    expect(firstWarning! < thirdStrike!.createdAt).toBe(true);

    const decided = await decideSuspension({
      sellerId,
      reviewerId: 'demo-reviewer',
      decision: 'suspend',
      reasonCode: 'repeated_manifestly_illegal_items',
      reasons: 'Three counterfeit listings, two of them posted after the warning.',
    });
    expect(decided.measure).toBe('suspended');
    expect((await h.seller(sellerId)).status).toBe('suspended');
    expect((await h.listing(other)).status).toBe('disabled');
    const statement = (await h.mail(sellerEmail(sellerId))).find(
      (m) => m.template === 'account_seller_suspended',
    );
    expect(statement?.text).toContain('two of them posted after the warning');

    await counterNotify(h, third.caseId, sellerId);
    await h.m.decide(third.caseId, reviewer, {
      decision: 'restore',
      reasonCode: 'counter_notice_founded',
      reasons: 'The counter-notice shows the removal was a mistake.',
    });
    await h.cloud.settled();

    expect(await h.status(third.caseId)).toBe('restored');
    // CN E-Commerce Law Art 42: what the seller needs to claim damages is kept on the case.
    expect((await h.m.getCase(third.caseId))?.wrongfulNoticeRecord).toMatchObject({
      noticeId: third.noticeId,
      notifier: { rightsHolderId: RIGHTS_HOLDER, legalName: expect.any(String) },
      takenDownAt: expect.any(String),
      downSeconds: expect.any(Number),
    });
    expect((await getSeller(sellerId))?.measure).toBe('restricted');
    expect((await h.seller(sellerId)).status).toBe('restricted');
    expect((await h.listing(other)).status).toBe('active');
  });

  it('old listings noticed in the week after the warning keep the seller at the warning step', async () => {
    const sellerId = newSellerId();
    const { getSeller } = await sellerStore();
    const listings = [
      await h.newListing(sellerId),
      await h.newListing(sellerId),
      await h.newListing(sellerId),
    ];
    for (const listingId of listings) {
      const { caseIds } = await h.file({ listings: [listingId] });
      await approve(h, caseIds[0]!);
    }

    expect((await getSeller(sellerId))?.measure).toBe('warning');
    expect((await h.seller(sellerId)).status).toBe('warned');
  });

  it('a strike after a confirmed suspension terminates the seller, and expiry does not lift it', async () => {
    const sellerId = newSellerId();
    const { getSeller } = await sellerStore();
    const { decideSuspension } = await import('../../../functions/use-cases/decide-suspension.ts');
    for (let i = 0; i < 3; i++) await takenDownCase(h, { sellerId });
    await decideSuspension({
      sellerId,
      reviewerId: 'demo-reviewer',
      decision: 'suspend',
      reasonCode: 'repeated_manifestly_illegal_items',
      reasons: 'Three infringing listings after the warning.',
    });
    await h.advance('P31D'); // the suspension ends
    expect((await h.seller(sellerId)).status).toBe('restricted');

    const fourth = await takenDownCase(h, { sellerId });

    expect((await getSeller(sellerId))?.measure).toBe('terminated');
    expect((await h.seller(sellerId)).status).toBe('terminated');
    const statement = (await h.mail(sellerEmail(sellerId))).find(
      (m) => m.template === 'statement_of_reasons' && m.caseId === fourth.caseId,
    );
    expect(statement?.text).toContain('does not lift');
    await h.advance('P400D');
    expect((await getSeller(sellerId))?.measure).toBe('terminated');
    expect((await h.seller(sellerId)).status).toBe('terminated');
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
