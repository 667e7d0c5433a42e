import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../functions/domain/policy.ts';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import { RIGHTS_HOLDER, RIGHTS_HOLDER_EMAIL } from '../../support/workflow-steps.ts';
import { call, demoToken } from '../api/support.ts';

/**
 * Issue 15 item 6: with the policy's automated approval on, a fast-lane notifier's counterfeit
 * notice backed by a test-buy report is approved without a human, disclosed as an automated
 * decision, and sampled into the human audit (here every one: rate 1), whose `restore` undoes the
 * takedown wherever the case then is.
 */
let h: WorkflowHarness;
const reviewer = { role: 'reviewer' as const, id: 'demo-reviewer' };

beforeAll(async () => {
  process.env.POLICY_JSON = JSON.stringify({
    ...defaultPolicy,
    standing: {
      ...defaultPolicy.standing,
      fastLane: {
        ...defaultPolicy.standing.fastLane,
        automatedApproval: { enabled: true, auditSampleRate: 1, auditSla: 'P3D' },
      },
    },
  });
  h = await startWorkflowHarness();
  // The fast lane: 20 decided listings, all upheld, in the window.
  const standing = await import('../../../functions/adapters/notifier-standing.ts');
  const at = new Date(h.cloud.clock.now()).toISOString();
  for (let i = 0; i < 20; i++) {
    await standing.recordNotifierOutcome({
      rightsHolderId: RIGHTS_HOLDER,
      caseId: `earlier-${i}`,
      outcome: 'upheld',
      at,
    });
  }
});
afterAll(async () => {
  delete process.env.POLICY_JSON;
  await h?.stop();
});

const audit = (caseId: string, decision: 'uphold' | 'restore') =>
  import('../../../functions/use-cases/audit.ts').then((m) =>
    m.decideCaseOrAudit(caseId, reviewer, {
      decision,
      reasonCode: decision === 'restore' ? 'counter_notice_founded' : 'counterfeit_goods',
      reasons:
        decision === 'restore'
          ? 'The test-buy report concerns another seller’s goods; the listing is genuine.'
          : 'The test buy confirms the goods are counterfeit.',
      note: 'Checked the order against the listing.',
    }),
  );

const auditQueue = async () => {
  const { queryReviewQueues } = await import('../../../functions/adapters/review-queue.ts');
  const page = await queryReviewQueues({
    queues: ['proactive'],
    filter: { kind: 'audit' },
    limit: 50,
  });
  return page.items.map((item) => String(item.caseId));
};

describe('Automated fast-lane approval', () => {
  it('approves a counterfeit notice with a test buy without a human, discloses it, and samples it into the audit', async () => {
    const sellerId = 'seller-auto';
    const listings = [await h.newListing(sellerId), await h.newListing(sellerId)];
    const { caseIds } = await h.file({ listings, infringementType: 'counterfeit', testBuy: true });

    // Both cases reach the notice's one strike at once; the loser retries after its backoff.
    await h.advance('PT1M');
    for (const caseId of caseIds) {
      expect(await h.status(caseId)).toBe('awaiting_counter_notice');
      const timeline = await h.timeline(caseId);
      expect(timeline).not.toContain('review_requested');
      expect(timeline).toEqual(
        expect.arrayContaining(['decided', 'taken_down', 'seller_notified']),
      );
      const record = (await h.m.getCase(caseId))!;
      expect(record.decision).toMatchObject({ decision: 'approve', automated: true });
      const statement = record.statementOfReasons as {
        automatedMeans: { detection: boolean; decision: string };
      };
      expect(statement.automatedMeans).toMatchObject({ detection: false, decision: 'fully' });
      const { transparencyDatabaseRecord } = await import(
        '../../../functions/domain/transparency-database.ts'
      );
      const tdb = transparencyDatabaseRecord(statement as never, {
        puid: `takedown-${caseId}`,
        infringementType: 'counterfeit',
        contentDate: record.listingCreatedAt ?? record.createdAt,
      });
      expect(tdb.automated_decision).toBe('AUTOMATED_DECISION_FULLY');
    }
    for (const listingId of listings) expect((await h.listing(listingId)).status).toBe('disabled');
    const told = (await h.mail(RIGHTS_HOLDER_EMAIL)).filter(
      (m) => m.template === 'takedown_done' && caseIds.includes(m.caseId ?? ''),
    );
    expect(told).toHaveLength(2);
    expect(told[0]!.text).toContain('approved by automated means');
    const statementMail = (await h.mail(`${sellerId}@sellers.demo.invalid`)).find(
      (m) => m.template === 'statement_of_reasons',
    );
    expect(statementMail?.text).toContain('The decision was taken by automated means.');
    expect(await auditQueue()).toEqual(expect.arrayContaining(caseIds));

    // The reviewer sees the audits in the proactive queue and on the case file, and decides one
    // through the case decision route; the notifier's view says the decision was automated.
    const reviewerToken = await demoToken(h.cloud, 'reviewer');
    const tasks = await call(h.cloud, 'GET', '/v1/review-tasks?queue=proactive', reviewerToken);
    const task = tasks.body.items.find((t: { caseId?: string }) => t.caseId === caseIds[0]);
    expect(task).toMatchObject({
      kind: 'audit',
      queue: 'proactive',
      taskId: `audit:${caseIds[0]}:0`,
    });
    const file = await call(h.cloud, 'GET', `/v1/cases/${caseIds[0]}`, reviewerToken);
    expect(file.body.audit).toMatchObject({ basis: 'fast_lane_test_buy' });
    const notifierView = await call(
      h.cloud,
      'GET',
      `/v1/cases/${caseIds[0]}`,
      await demoToken(h.cloud, 'acme-brand'),
    );
    expect(notifierView.body.decision).toMatchObject({ decision: 'approve', automated: true });
    expect(notifierView.body.audit).toBeUndefined();

    // An audit that agrees closes the audit and changes nothing else.
    const upheld = await call(h.cloud, 'POST', `/v1/cases/${caseIds[0]}/decision`, reviewerToken, {
      decision: 'uphold',
      reasonCode: 'counterfeit_goods',
      reasons: 'The test buy confirms the goods are counterfeit.',
    });
    expect(upheld.status).toBe(200);
    await h.cloud.settled();
    expect(await h.status(caseIds[0]!)).toBe('awaiting_counter_notice');
    expect(await h.timeline(caseIds[0]!)).toContain('audit_decided');
    expect(await auditQueue()).not.toContain(caseIds[0]);
    await expect(audit(caseIds[0]!, 'restore')).rejects.toMatchObject({
      name: 'NotAwaitingInput',
    });

    // An audit that disagrees restores the listing, revokes the strike, and tells both parties.
    await audit(caseIds[1]!, 'restore');
    await h.cloud.settled();
    expect(await h.status(caseIds[1]!)).toBe('restored');
    expect((await h.listing(listings[1]!)).status).toBe('active');
    const restored = (await h.m.getTimeline(caseIds[1]!)).find((e) => e.type === 'restored');
    expect(restored?.detail).toMatchObject({ reason: 'audit_reversed' });
    const notifierMail = (await h.mail(RIGHTS_HOLDER_EMAIL)).find(
      (m) => m.template === 'listing_restored' && m.caseId === caseIds[1],
    );
    expect(notifierMail?.text).toContain('reviewer who audited that decision reversed it');
    expect(notifierMail?.text).not.toContain('Checked the order');
    expect(await auditQueue()).not.toContain(caseIds[1]);
  });

  it('reverses an audited takedown after the case closed upheld, through a follow-up', async () => {
    const sellerId = 'seller-auto-late';
    const listingId = await h.newListing(sellerId);
    const { caseIds } = await h.file({
      listings: [listingId],
      infringementType: 'counterfeit',
      testBuy: true,
    });
    const caseId = caseIds[0]!;
    await h.advance('P15D');
    expect(await h.status(caseId)).toBe('upheld');

    await audit(caseId, 'restore');
    await h.cloud.settled();
    expect(await h.status(caseId)).toBe('restored');
    expect((await h.listing(listingId)).status).toBe('active');
    const strikes = await import('../../../functions/adapters/seller-store.ts').then((m) =>
      m.listStrikes(sellerId),
    );
    expect(strikes.every((s) => s.revokedAt !== undefined)).toBe(true);
  });

  it('sends a counterfeit notice without a test buy to a human, in the priority queue', async () => {
    const listingId = await h.newListing('seller-auto-human');
    const { caseIds } = await h.file({ listings: [listingId], infringementType: 'counterfeit' });
    expect(await h.status(caseIds[0]!)).toBe('awaiting_review');
    expect((await h.m.getCase(caseIds[0]!))?.reviewQueue).toBe('priority');
    expect((await h.m.getCase(caseIds[0]!))?.decision).toBeUndefined();
  });
});
