import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

const reviewer = { role: 'reviewer' as const, id: 'demo-reviewer' };

describe('Takedown workflow: approve, no counter-notice', () => {
  it('screens, waits for review, takes down, strikes, notifies, and upholds after the counter-notice window', async () => {
    const sellerId = 'seller-happy';
    const listingId = await h.newListing(sellerId);
    const { caseIds } = await h.file({ listings: [listingId] });
    const caseId = caseIds[0]!;
    expect(await h.status(caseId)).toBe('awaiting_review');

    await h.m.decide(caseId, reviewer, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons:
        'The listing sells goods bearing the registered mark that the rights holder did not make.',
      note: 'Logo and packaging copied.',
    });
    await h.cloud.settled();
    expect(await h.status(caseId)).toBe('awaiting_counter_notice');
    expect((await h.listing(listingId)).status).toBe('disabled');
    expect((await h.seller(sellerId)).status).toBe('warned');
    const mail = await h.mail(`${sellerId}@sellers.demo.invalid`);
    expect(mail.map((m) => m.template)).toContain('statement_of_reasons');

    await h.advance('P14D');
    expect(await h.status(caseId)).toBe('upheld');
    // Integrators see each status change on the domain-event bus, with ids only.
    const events = (await (
      await fetch(`${h.cloud.url}/_local/events?caseId=${caseId}`)
    ).json()) as { items: { detailType: string; detail: { status: string } }[] };
    expect(events.items.map((e) => e.detail.status)).toEqual([
      'awaiting_review',
      'taking_down',
      'awaiting_counter_notice',
      'upheld',
    ]);
    expect(events.items.every((e) => e.detailType === 'CaseStatusChanged')).toBe(true);
    expect(await h.timeline(caseId)).toEqual(
      expect.arrayContaining([
        'notice_received',
        'screened',
        'review_requested',
        'decided',
        'taken_down',
        'strike_recorded',
        'seller_measure_applied',
        'seller_notified',
        'upheld',
      ]),
    );
  });
});
