import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import { caseOf, newSellerId, reviewer, takenDownCase } from '../../support/workflow-steps.ts';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('Screening', () => {
  it('a second notice on a listing and IP right with an open case is a duplicate linked to it', async () => {
    const listingId = await h.newListing(newSellerId());
    const first = (await h.file({ listings: [listingId] })).caseIds[0]!;
    const second = (await h.file({ listings: [listingId] })).caseIds[0]!;

    const duplicate = await caseOf(h, second);
    expect({ status: duplicate.status, duplicateOf: duplicate.duplicateOf }).toEqual({
      status: 'duplicate',
      duplicateOf: first,
    });
    expect(await h.status(first)).toBe('awaiting_review');
  });

  it('once the open case closes, a new notice on the same listing is screened into review', async () => {
    const listingId = await h.newListing(newSellerId());
    const first = (await h.file({ listings: [listingId] })).caseIds[0]!;
    await h.m.decide(first, reviewer, {
      decision: 'reject',
      reasonCode: 'insufficient_evidence',
      reasons: 'The evidence does not show that this listing infringes.',
    });
    await h.cloud.settled();

    const next = (await h.file({ listings: [listingId] })).caseIds[0]!;
    expect(await h.status(next)).toBe('awaiting_review');
  });

  it('a notice on a listing that is no longer live is rejected with a reason code', async () => {
    const { listingId } = await takenDownCase(h);
    const { caseIds } = await h.file({
      listings: [listingId],
      ipRightId: 'ipr-acme-cr-us',
      infringementType: 'copyright',
    });

    const rejected = await caseOf(h, caseIds[0]!);
    expect({ status: rejected.status, reasonCode: rejected.reasonCode }).toEqual({
      status: 'rejected',
      reasonCode: 'listing_not_live',
    });
  });
});
