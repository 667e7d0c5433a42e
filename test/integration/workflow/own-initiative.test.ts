import { randomBytes } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../functions/domain/policy.ts';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  counterNoticeBody,
  RIGHTS_HOLDER,
  reviewer,
  sellerEmail,
} from '../../support/workflow-steps.ts';

/**
 * Issue 19: own-initiative cases from screening hits, on the engine: acted on without a Standard
 * execution, parked in DynamoDB, delivered through the seller's marketplace inbox, closed in bulk,
 * and given the same redress (a counter-notice starts the small redress execution; the audit of an
 * automated takedown can reverse it).
 */
let h: WorkflowHarness;
let oi: typeof import('../../../functions/use-cases/own-initiative.ts');
let act: typeof import('../../../functions/use-cases/act-on-own-initiative.ts');
let audit: typeof import('../../../functions/use-cases/audit.ts');
let parked: typeof import('../../../functions/use-cases/parked-cases.ts');

beforeAll(async () => {
  // Every automated takedown is sampled into the audit here, so the reversal can be tested.
  process.env.POLICY_JSON = JSON.stringify({
    ...defaultPolicy,
    ownInitiative: {
      ...defaultPolicy.ownInitiative,
      auditSampleRate: 1,
      ruleSuspension: { minAudits: 2, maxDisagreementRate: 0.4 },
    },
  });
  h = await startWorkflowHarness();
  oi = await import('../../../functions/use-cases/own-initiative.ts');
  act = await import('../../../functions/use-cases/act-on-own-initiative.ts');
  audit = await import('../../../functions/use-cases/audit.ts');
  parked = await import('../../../functions/use-cases/parked-cases.ts');
});
afterAll(async () => {
  delete process.env.POLICY_JSON;
  await h?.stop();
});

async function hit(verdict: 'flag' | 'takedown', sellerId: string) {
  const listingId = await h.newListing(sellerId);
  return {
    hitId: `sh-${randomBytes(6).toString('hex')}`,
    listingId,
    sellerId,
    listingTitle: 'ACME-branded widget',
    verdict,
    ipRightId: 'ipr-acme-tm-us',
    rightsHolderId: RIGHTS_HOLDER,
    jurisdiction: 'US' as const,
    infringementType: 'counterfeit' as const,
    ruleId: 'rule-acme-1',
    ruleVersion: 3,
  };
}

const inbox = async (sellerId: string) =>
  (
    (await (await fetch(`${h.cloud.url}/_local/marketplace/sellers/${sellerId}/inbox`)).json()) as {
      items: { caseId: string; subject: string; text: string }[];
    }
  ).items;

const executionsOf = (caseId: string) =>
  h.cloud.engine
    .stateMachineArns()
    .flatMap((arn) => h.cloud.engine.listExecutions(arn))
    .filter((execution) => execution.name.includes(caseId));

async function actNow() {
  const result = await act.actOnPendingCases(new Date(h.cloud.clock.now()));
  await h.cloud.settled();
  return result;
}

/** The case ended restored: its listing is back and every strike of its seller revoked. */
async function expectUndone(caseId: string, listingId: string, sellerId: string): Promise<void> {
  expect(await h.status(caseId)).toBe('restored');
  expect((await h.listing(listingId)).status).toBe('active');
  const { listStrikes } = await import('../../../functions/adapters/seller-store.ts');
  const strikes = await listStrikes(sellerId);
  expect(strikes.every((s) => s.revokedAt !== undefined)).toBe(true);
}

describe('Own-initiative cases', () => {
  it('takes a `takedown` hit down by automated means, parks it without an execution, and writes to the seller’s inbox', async () => {
    const sellerId = `seller-oi-${randomBytes(3).toString('hex')}`;
    const found = await hit('takedown', sellerId);
    const opened = (await oi.openOwnInitiativeCase(found, new Date(h.cloud.clock.now())))!;
    expect(opened.created).toBe(true);
    expect((await oi.openOwnInitiativeCase(found))?.created).toBe(false);
    expect(
      await oi.openOwnInitiativeCase({ ...found, hitId: 'sh-other', listingId: 'lst-none' }),
    ).toBeNull();

    expect((await actNow()).parked).toBeGreaterThanOrEqual(1);
    const { caseId } = opened;
    expect(await h.status(caseId)).toBe('awaiting_counter_notice');
    expect((await h.listing(found.listingId)).status).toBe('disabled');
    expect((await h.seller(sellerId)).status).toBe('warned');
    expect(executionsOf(caseId)).toHaveLength(0);

    const record = (await h.m.getCase(caseId))!;
    expect(record.source).toBe('own_initiative');
    const statement = record.statementOfReasons as {
      automatedMeans: { detection: boolean; decision: string };
    };
    expect(statement.automatedMeans).toMatchObject({ detection: true, decision: 'fully' });
    const messages = await inbox(sellerId);
    expect(messages.filter((m) => m.caseId === caseId)).toHaveLength(1);
    expect(messages[0]!.text).toContain('our own initiative (proactive screening)');
    // No email per case: the statement went to the inbox (a daily digest sums them up).
    expect((await h.mail(sellerEmail(sellerId))).map((m) => m.template)).not.toContain(
      'statement_of_reasons',
    );
    // Nobody filed a notice: the rule's brand gets no per-case email.
    const timeline = await h.timeline(caseId);
    expect(timeline).toEqual(
      expect.arrayContaining(['screened', 'decided', 'taken_down', 'strike_recorded']),
    );
    expect(timeline).not.toContain('rights_holder_notified');
  });

  it('waits for a person on a `flag` hit, decided approve at the case decision route', async () => {
    const sellerId = `seller-oi-${randomBytes(3).toString('hex')}`;
    const found = await hit('flag', sellerId);
    const { caseId } = (await oi.openOwnInitiativeCase(found, new Date(h.cloud.clock.now())))!;
    expect(await h.status(caseId)).toBe('awaiting_review');
    const { queryReviewQueues } = await import('../../../functions/adapters/review-queue.ts');
    const queue = await queryReviewQueues({
      queues: ['proactive'],
      filter: { kind: 'proactive_review' },
      limit: 100,
    });
    expect(queue.items.map((item) => item.caseId)).toContain(caseId);

    await audit.decideCaseOrAudit(caseId, reviewer, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons: 'The listing offers counterfeit ACME goods.',
    });
    expect(await h.status(caseId)).toBe('taking_down');
    await actNow();
    expect(await h.status(caseId)).toBe('awaiting_counter_notice');
    expect((await h.listing(found.listingId)).status).toBe('disabled');
    const statement = (await h.m.getCase(caseId))!.statementOfReasons as {
      automatedMeans: { detection: boolean; decision: string };
    };
    expect(statement.automatedMeans).toMatchObject({
      detection: true,
      decision: 'not_automated',
    });
  });

  it('a counter-notice in a parked case’s window starts its one Standard execution: a person re-reviews it and restores', async () => {
    const sellerId = `seller-oi-${randomBytes(3).toString('hex')}`;
    const found = await hit('takedown', sellerId);
    const { caseId } = (await oi.openOwnInitiativeCase(found, new Date(h.cloud.clock.now())))!;
    await actNow();
    expect(executionsOf(caseId)).toHaveLength(0);
    const body = counterNoticeBody(new Date(h.cloud.clock.now()));
    const answer = await h.m.counterNotify(caseId, sellerId, body);
    await h.cloud.settled();
    expect(answer.status).toBe('counter_notice_received');
    // The notice path's machine, started at the counter-notice's resolution, once.
    expect(executionsOf(caseId)).toHaveLength(1);
    expect(await h.status(caseId)).toBe('awaiting_re_review');
    expect((await h.m.getPendingTask(caseId))?.kind).toBe('re_review');
    await expect(h.m.counterNotify(caseId, sellerId, body)).rejects.toThrow(/already/);
    // The window closing later leaves it alone.
    const dueAt = (await h.m.getCase(caseId))!.deadlines.counterNoticeDueAt!;
    await parked.closeExpiredWindows(new Date(Date.parse(dueAt) + 1000));
    expect(await h.status(caseId)).toBe('awaiting_re_review');

    await audit.decideCaseOrAudit(caseId, reviewer, {
      decision: 'restore',
      reasonCode: 'no_infringement',
      reasons: 'The counter-notice shows the goods were bought from ACME’s own distributor.',
    });
    await h.cloud.settled();
    await expectUndone(caseId, found.listingId, sellerId);
    expect(executionsOf(caseId)).toHaveLength(1);
  });

  it('a counter-notice after a parked case’s window closed is an appeal a person decides', async () => {
    const sellerId = `seller-oi-${randomBytes(3).toString('hex')}`;
    const { caseId } = (await oi.openOwnInitiativeCase(
      await hit('takedown', sellerId),
      new Date(h.cloud.clock.now()),
    ))!;
    await actNow();
    const dueAt = (await h.m.getCase(caseId))!.deadlines.counterNoticeDueAt!;
    await parked.closeExpiredWindows(new Date(Date.parse(dueAt) + 1000));
    expect(await h.status(caseId)).toBe('upheld');
    const answer = await h.m.counterNotify(
      caseId,
      sellerId,
      counterNoticeBody(new Date(h.cloud.clock.now())),
    );
    await h.cloud.settled();
    expect(answer.status).toBe('appeal_filed');
    expect(await h.m.getAppeal(answer.appealId!)).toMatchObject({
      fromCounterNotice: true,
      status: 'open',
    });
    expect((await h.m.getPendingTask(caseId))?.kind).toBe('appeal');
  });

  it('an audit that disagrees restores a parked case’s listing and revokes its strike', async () => {
    const sellerId = `seller-oi-${randomBytes(3).toString('hex')}`;
    const found = await hit('takedown', sellerId);
    const { caseId } = (await oi.openOwnInitiativeCase(found, new Date(h.cloud.clock.now())))!;
    await actNow();
    await audit.decideCaseOrAudit(caseId, reviewer, {
      decision: 'restore',
      reasonCode: 'no_infringement',
      reasons: 'The listing sells genuine ACME goods bought from an authorised distributor.',
    });
    await h.cloud.settled();
    await expectUndone(caseId, found.listingId, sellerId);
    expect((await inbox(sellerId)).map((m) => m.subject).join('\n')).toContain('restored');
  });

  it('suspends a rule for review once its audits disagree beyond the policy rate', async () => {
    const rules = await import('../../../functions/adapters/screening-rule-store.ts');
    const ruleId = `rule-audited-${randomBytes(3).toString('hex')}`;
    await rules.createScreeningRule({
      ruleId,
      ipRightId: 'ipr-acme-tm-us',
      rightsHolderId: RIGHTS_HOLDER,
      terms: ['ACME'],
      exclusions: [],
      languages: [],
      action: 'takedown',
      status: 'active',
      proposedBy: { role: 'reviewer', id: 'demo-reviewer' },
      createdAt: new Date(h.cloud.clock.now()).toISOString(),
    });
    const versionBefore = (await rules.ruleSetHead()).version;
    const sellerId = `seller-oi-${randomBytes(3).toString('hex')}`;
    const audited: string[] = [];
    for (let i = 0; i < 2; i++) {
      const opened = await oi.openOwnInitiativeCase(
        { ...(await hit('takedown', sellerId)), ruleId },
        new Date(h.cloud.clock.now()),
      );
      audited.push(opened!.caseId);
    }
    await actNow();
    await actNow();
    await audit.decideCaseOrAudit(audited[0]!, reviewer, {
      decision: 'uphold',
      reasonCode: 'counterfeit_goods',
      reasons: 'The photos show the counterfeit logo.',
    });
    expect((await rules.getScreeningRule(ruleId))?.status).toBe('active');
    await audit.decideCaseOrAudit(audited[1]!, reviewer, {
      decision: 'restore',
      reasonCode: 'no_infringement',
      reasons: 'A genuine product, resold.',
    });
    await h.cloud.settled();

    const suspended = await rules.getScreeningRule(ruleId);
    expect(suspended).toMatchObject({
      status: 'proposed',
      audits: 2,
      disagreements: 1,
      suspension: { audits: 2, disagreements: 1 },
    });
    expect((await rules.ruleSetHead()).version).toBe(versionBefore + 1);
    expect((await rules.loadActiveRules()).map((r) => r.ruleId)).not.toContain(ruleId);
  });

  it('closes the windows of parked cases in bulk once they end', async () => {
    const { dynamo, tableName } = await import('../../../functions/adapters/dynamo-client.ts');
    const keys = await import('../../../functions/adapters/keys.ts');
    const now = new Date(h.cloud.clock.now());
    const dueAt = new Date(now.getTime() + 14 * 86_400_000).toISOString();
    const ids = Array.from(
      { length: Number(process.env.PARKED_CASES ?? 10_000) },
      (_, i) => `oi-bulk-${process.pid}-${i}`,
    );
    const moved = new Set([ids[5]!, ids.at(-7)!]);
    for (let i = 0; i < ids.length; i += 25) {
      await dynamo.send(
        new BatchWriteCommand({
          RequestItems: {
            [tableName]: ids.slice(i, i + 25).map((caseId) => ({
              PutRequest: {
                Item: {
                  ...keys.keys.case(caseId),
                  type: 'Case',
                  caseId,
                  noticeId: `hit:${caseId}`,
                  rightsHolderId: RIGHTS_HOLDER,
                  ipRightId: 'ipr-acme-tm-us',
                  listingId: `lst-${caseId}`,
                  jurisdiction: 'US',
                  infringementType: 'counterfeit',
                  // Two cases moved meanwhile (a counter-notice) but are still in the index.
                  status: moved.has(caseId) ? 'awaiting_re_review' : 'awaiting_counter_notice',
                  source: 'own_initiative',
                  createdAt: now.toISOString(),
                  updatedAt: now.toISOString(),
                  version: 3,
                  deadlines: { counterNoticeDueAt: dueAt },
                  gsi2pk: keys.PARKED_DUE_PARTITION,
                  gsi2sk: `${dueAt}#${caseId}`,
                },
              },
            })),
          },
        }),
      );
    }
    expect(await parked.closeExpiredWindows(now)).toBe(0);
    const closed = await parked.closeExpiredWindows(new Date(Date.parse(dueAt) + 1000));
    // (Earlier tests' parked cases come due too.)
    expect(closed).toBeGreaterThanOrEqual(ids.length - moved.size);
    for (const caseId of [ids[0]!, ids[4]!, ids[6]!, ids[ids.length >> 1]!, ids.at(-1)!]) {
      expect(await h.status(caseId)).toBe('upheld');
    }
    // A chunk with a moved case is refused as a whole, then closed one by one: the moved case is
    // left as it is, and leaves the index.
    for (const caseId of moved) expect(await h.status(caseId)).toBe('awaiting_re_review');
    expect(await parked.closeExpiredWindows(new Date(Date.parse(dueAt) + 1000))).toBe(0);
    // Every status change was published and its outbox item deleted.
    const { listOutbox } = await import('../../../functions/adapters/event-outbox.ts');
    const waiting = await listOutbox(new Date(Date.parse(dueAt) + 3_600_000), 100);
    expect(waiting.filter((event) => event.subject.startsWith('oi-bulk-'))).toEqual([]);
    // 10,000 status changes, each with its domain event, 20 cases to a transaction on DynamoDB
    // Local: about a minute on a busy machine (PARKED_CASES=… runs another number).
  }, 300_000);
});

describe('Digests: one email per party and period', () => {
  it('sums a notifier’s outcomes of a notice of more than 10 listings in one hourly email, and a seller’s inbox messages in one daily email', async () => {
    const unknown = Array.from({ length: 11 }, (_, i) => `lst-missing-${process.pid}-${i}`);
    const { caseIds } = await h.file({ listings: unknown });
    for (const caseId of caseIds) expect(await h.status(caseId)).toBe('rejected');
    const outcomes = () =>
      h
        .mail('ip@acme.demo.invalid')
        .then((mail) => mail.filter((m) => m.caseId !== undefined && caseIds.includes(m.caseId)));
    expect(await outcomes()).toEqual([]);

    const sellerId = `seller-oi-${randomBytes(3).toString('hex')}`;
    await oi.openOwnInitiativeCase(await hit('takedown', sellerId), new Date(h.cloud.clock.now()));
    await oi.openOwnInitiativeCase(await hit('takedown', sellerId), new Date(h.cloud.clock.now()));
    // Two cases of one seller at once: the second strike may meet the first's and retry.
    await actNow();
    await actNow();
    expect((await inbox(sellerId)).length).toBe(2);

    await h.advance('P1D');
    const digests = (await h.mail('ip@acme.demo.invalid')).filter((m) => m.template === 'digest');
    const notifierDigest = digests.find((m) => caseIds.every((id) => m.text.includes(id)));
    expect(notifierDigest?.subject).toBe('11 updates about your cases');
    expect(await outcomes()).toEqual([]);
    const sellerDigests = (await h.mail(sellerEmail(sellerId))).filter(
      (m) => m.template === 'digest',
    );
    expect(sellerDigests).toHaveLength(1);
    expect(sellerDigests[0]!.subject).toBe('2 updates about your cases');
  });
});
