import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  advanceTo,
  caseOf,
  counterNotify,
  reviewer,
  stateTransitions,
  takenDownCase,
} from '../../support/workflow-steps.ts';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

// State transitions per case, counted as the `*StateEntered` events of the engine's history
// (Standard workflows bill per state transition).
describe('State transitions per case', () => {
  it('(a) happy path without counter-notice: 16', async () => {
    const { caseId } = await takenDownCase(h);
    await h.advance('P14D');
    expect(await h.status(caseId)).toBe('upheld');

    const transitions = await stateTransitions(h, caseId);
    console.log(`state transitions, happy path without counter-notice: ${transitions}`);
    expect(transitions).toBe(16);
  });

  it('(b) counter-notice → restore by the US statutory timer: 21', async () => {
    const { caseId, sellerId } = await takenDownCase(h, {
      ipRightId: 'ipr-acme-cr-us',
      infringementType: 'copyright',
    });
    await counterNotify(h, caseId, sellerId);
    const { restoreNotBefore } = (await caseOf(h, caseId)).deadlines;
    await advanceTo(h, new Date(new Date(restoreNotBefore!).getTime() + 5000));
    expect(await h.status(caseId)).toBe('restored');

    const transitions = await stateTransitions(h, caseId);
    console.log(`state transitions, counter-notice → restore (US copyright timer): ${transitions}`);
    expect(transitions).toBe(21);
  });

  it('(b) counter-notice → restore by an EU re-review: 22', async () => {
    const { caseId, sellerId } = await takenDownCase(h, {
      ipRightId: 'ipr-acme-tm-eu',
      jurisdiction: 'EU',
    });
    await counterNotify(h, caseId, sellerId);
    await h.m.decide(caseId, reviewer, {
      decision: 'restore',
      reasonCode: 'counter_notice_founded',
      reasons: 'The counter-notice shows the removal was a mistake.',
    });
    await h.cloud.settled();
    expect(await h.status(caseId)).toBe('restored');

    const transitions = await stateTransitions(h, caseId);
    console.log(`state transitions, counter-notice → restore (EU re-review): ${transitions}`);
    expect(transitions).toBe(22);
  });
});
