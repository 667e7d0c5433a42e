import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  approve,
  newSellerId,
  queueCaseIds,
  reviewer,
  setFaults,
} from '../../support/workflow-steps.ts';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterEach(async () => {
  await setFaults(h, { failNext: 0, failureRate: 0 });
});
afterAll(async () => {
  await h?.stop();
});

async function caseAwaitingReview(): Promise<{ caseId: string; listingId: string }> {
  const listingId = await h.newListing(newSellerId());
  const { caseIds } = await h.file({ listings: [listingId] });
  return { caseId: caseIds[0]!, listingId };
}

// The marketplace retry of TakeDown: 30 s, then 60, 120, 240 s (4 retries, backoff 2).
describe('Takedown against a failing marketplace', () => {
  it('fails twice, is retried after 30 s and 60 s, and then takes the listing down', async () => {
    const { caseId, listingId } = await caseAwaitingReview();
    await setFaults(h, { failNext: 2 });
    await approve(h, caseId);
    expect(await h.status(caseId)).toBe('taking_down');
    expect((await h.listing(listingId)).status).toBe('active');

    await h.advance('PT30S');
    expect(await h.status(caseId)).toBe('taking_down');
    await h.advance('PT60S');

    expect(await h.status(caseId)).toBe('awaiting_counter_notice');
    expect((await h.listing(listingId)).status).toBe('disabled');
    expect((await h.timeline(caseId)).filter((t) => t === 'taken_down')).toHaveLength(1);
  });

  it('fails persistently: the case is parked in action_failed for operators, and a retry completes it', async () => {
    const { caseId, listingId } = await caseAwaitingReview();
    await setFaults(h, { failureRate: 1 });
    await approve(h, caseId);
    await h.advance('PT8M');

    expect(await h.status(caseId)).toBe('action_failed');
    expect(await queueCaseIds('action_failed')).toContain(caseId);
    expect(await h.timeline(caseId)).toContain('action_failed');
    expect((await h.listing(listingId)).status).toBe('active');

    await setFaults(h, { failureRate: 0 });
    await h.m.retryCase(caseId, reviewer);
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('awaiting_counter_notice');
    expect((await h.listing(listingId)).status).toBe('disabled');
    expect(await h.timeline(caseId)).toEqual(
      expect.arrayContaining([
        'action_retried',
        'taken_down',
        'strike_recorded',
        'seller_notified',
      ]),
    );
  });
});
