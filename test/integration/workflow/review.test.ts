import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  approve,
  caseOf,
  newSellerId,
  queueCaseIds,
  RIGHTS_HOLDER,
  RIGHTS_HOLDER_EMAIL,
  reviewer,
} from '../../support/workflow-steps.ts';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function caseAwaitingReview(): Promise<{ caseId: string; listingId: string }> {
  const listingId = await h.newListing(newSellerId());
  const { caseIds } = await h.file({ listings: [listingId] });
  return { caseId: caseIds[0]!, listingId };
}

async function eventAt(caseId: string, type: string): Promise<number> {
  const event = (await h.m.getTimeline(caseId)).find((e) => e.type === type);
  if (!event) throw new Error(`no ${type} event on case ${caseId}`);
  return new Date(event.at).getTime();
}

// Tests in this file share one clock: each leaves its cases closed, or (the last) waiting.
describe('Review', () => {
  it('stores the default review SLA of 24 h as reviewDueAt when the review is requested', async () => {
    const { caseId } = await caseAwaitingReview();
    const record = await caseOf(h, caseId);
    expect(record.status).toBe('awaiting_review');
    const requestedAt = await eventAt(caseId, 'review_requested');
    expect(new Date(record.deadlines.reviewDueAt!).getTime() - requestedAt).toBe(24 * HOUR);
    await h.m.decide(caseId, reviewer, {
      decision: 'reject',
      reasonCode: 'insufficient_evidence',
      reasons: 'The evidence does not show that this listing infringes.',
    });
    await h.cloud.settled();
  });

  it('stores the default counter-notice window of 14 days from the seller notice', async () => {
    const { caseId } = await caseAwaitingReview();
    await approve(h, caseId);
    const record = await caseOf(h, caseId);
    const notifiedAt = await eventAt(caseId, 'seller_notified');
    expect(new Date(record.deadlines.counterNoticeDueAt!).getTime() - notifiedAt).toBe(14 * DAY);
    await h.advance('P14D');
  });

  it('approve: the listing stays down during the window and the case closes upheld after it', async () => {
    const { caseId, listingId } = await caseAwaitingReview();
    await approve(h, caseId);
    expect(await h.status(caseId)).toBe('awaiting_counter_notice');

    await h.advance('P13D');
    expect(await h.status(caseId)).toBe('awaiting_counter_notice');
    await h.advance('P1D');
    expect(await h.status(caseId)).toBe('upheld');
    expect((await h.listing(listingId)).status).toBe('disabled');
  });

  it('reject: the case closes rejected, the listing stays up and the rights holder is told', async () => {
    const { caseId, listingId } = await caseAwaitingReview();
    await h.m.decide(caseId, reviewer, {
      decision: 'reject',
      reasonCode: 'insufficient_evidence',
      reasons: 'The evidence does not show that this listing infringes.',
      note: 'No comparison with genuine goods.',
    });
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('rejected');
    expect((await h.listing(listingId)).status).toBe('active');
    const mail = await h.mail(RIGHTS_HOLDER_EMAIL);
    expect(mail.filter((m) => m.caseId === caseId).map((m) => m.template)).toContain(
      'case_rejected',
    );
  });

  it('request_info: the case waits for information, returns to review when it arrives, and an approval takes it down', async () => {
    const { caseId, listingId } = await caseAwaitingReview();
    await h.m.decide(caseId, reviewer, {
      decision: 'request_info',
      reasonCode: 'need_proof_of_infringement',
      reasons: 'Please send evidence linking this listing to the infringement.',
      note: 'Please attach the registration certificate.',
    });
    await h.cloud.settled();
    const waiting = await caseOf(h, caseId);
    expect(waiting.status).toBe('awaiting_info');
    const requestedAt = await eventAt(caseId, 'info_requested');
    expect(new Date(waiting.deadlines.infoDueAt!).getTime() - requestedAt).toBe(7 * DAY);
    expect(
      (await h.mail(RIGHTS_HOLDER_EMAIL)).filter((m) => m.caseId === caseId).map((m) => m.template),
    ).toContain('info_requested');

    await h.m.provideInfo(caseId, RIGHTS_HOLDER, {
      explanation: 'Registration certificate attached.',
      evidenceIds: ['ev-cert'],
    });
    await h.cloud.settled();
    expect(await h.status(caseId)).toBe('awaiting_review');

    await approve(h, caseId);
    expect(await h.status(caseId)).toBe('awaiting_counter_notice');
    expect((await h.listing(listingId)).status).toBe('disabled');
    expect(await h.timeline(caseId)).toEqual(
      expect.arrayContaining(['info_requested', 'info_received', 'taken_down']),
    );
    expect((await h.timeline(caseId)).filter((t) => t === 'review_requested')).toHaveLength(2);
    await h.advance('P14D');
  });

  it('request_info with no answer in 7 days: the case closes abandoned', async () => {
    const { caseId, listingId } = await caseAwaitingReview();
    await h.m.decide(caseId, reviewer, {
      decision: 'request_info',
      reasonCode: 'need_proof_of_infringement',
      reasons: 'Please send evidence linking this listing to the infringement.',
    });
    await h.cloud.settled();

    await h.advance('P7D');
    expect(await h.status(caseId)).toBe('abandoned');
    expect((await h.listing(listingId)).status).toBe('active');
  });

  it('review SLA timeout: the case escalates to the escalated queue and a decision there takes it down', async () => {
    const { caseId, listingId } = await caseAwaitingReview();
    await h.advance('PT24H');

    const escalated = await caseOf(h, caseId);
    expect(escalated.status).toBe('escalated_review');
    expect((await h.m.getPendingTask(caseId))?.queue).toBe('escalated');
    expect(await queueCaseIds('escalated')).toContain(caseId);
    expect(await queueCaseIds('standard')).not.toContain(caseId);
    const escalatedAt = await eventAt(caseId, 'review_escalated');
    expect(new Date(escalated.deadlines.reviewDueAt!).getTime() - escalatedAt).toBe(48 * HOUR);

    await approve(h, caseId);
    expect(await h.status(caseId)).toBe('awaiting_counter_notice');
    expect((await h.listing(listingId)).status).toBe('disabled');
    await h.advance('P14D');
  });

  it('escalated SLA passes: an alarm is recorded and the case stays in the escalated queue, still decidable', async () => {
    const { caseId } = await caseAwaitingReview();
    await h.advance('PT24H');
    await h.advance('PT48H');

    expect(await h.timeline(caseId)).toContain('review_overdue');
    expect(await h.status(caseId)).toBe('escalated_review');
    expect(await queueCaseIds('escalated')).toContain(caseId);

    await h.m.decide(caseId, reviewer, {
      decision: 'reject',
      reasonCode: 'insufficient_evidence',
      reasons: 'The evidence does not show that this listing infringes.',
    });
    await h.cloud.settled();
    expect(await h.status(caseId)).toBe('rejected');
  });
});
