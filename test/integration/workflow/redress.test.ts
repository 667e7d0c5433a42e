import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  advanceTo,
  caseOf,
  counterNoticeBody,
  counterNotify,
  queueCaseIds,
  RIGHTS_HOLDER,
  RIGHTS_HOLDER_EMAIL,
  reviewer,
  sellerEmail,
  sellerStore,
  takenDownCase,
} from '../../support/workflow-steps.ts';

/**
 * Redress on the engine (DOMAIN.md steps 6-9): appeals, late counter-notices and withdrawals
 * after closure, each a follow-up execution (statemachines/redress.asl.json) of a closed case.
 */

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

const EU_TRADEMARK = { ipRightId: 'ipr-acme-tm-eu', jurisdiction: 'EU' as const };
const CN_TRADEMARK = { ipRightId: 'ipr-acme-tm-cn', jurisdiction: 'CN' as const };
/** A reviewer who took no decision on the cases below. */
const secondReviewer = { role: 'reviewer' as const, id: 'demo-reviewer-2' };

async function upheldCase(
  options: { ipRightId: string; jurisdiction: 'EU' | 'CN' } = EU_TRADEMARK,
) {
  const taken = await takenDownCase(h, options);
  await h.advance('P15D');
  expect(await h.status(taken.caseId)).toBe('upheld');
  return taken;
}

async function strikeRevoked(sellerId: string): Promise<boolean> {
  const { listStrikes } = await sellerStore();
  return (await listStrikes(sellerId)).every((strike) => strike.revokedAt !== undefined);
}

const sellerAppeal = (against: 'takedown' | 'strike' | 'account_measure') => ({
  against,
  grounds: 'The goods are genuine: bought from the brand’s authorised distributor.',
  evidenceIds: [],
});

async function appealFiled(caseId: string, sellerId: string, against = 'takedown' as const) {
  const appeal = await h.m.fileAppeal(
    await caseOf(h, caseId),
    { role: 'seller', id: sellerId },
    sellerAppeal(against),
  );
  await h.cloud.settled();
  return appeal;
}

describe('Seller appeals (DSA Art 20)', () => {
  it('waits in the appeals queue; upheld by another reviewer, it restores the listing, revokes the strike and tells the seller why', async () => {
    const { caseId, listingId, sellerId } = await upheldCase();
    const appeal = await appealFiled(caseId, sellerId);

    expect(appeal.status).toBe('open');
    expect(await queueCaseIds('appeals')).toContain(caseId);
    // The reviewer who approved the takedown may not decide the appeal.
    await expect(
      h.m.decideAppeal(appeal.appealId, reviewer, {
        decision: 'uphold',
        reasonCode: 'lawful_use',
        reasons: 'Genuine goods.',
      }),
    ).rejects.toMatchObject({ name: 'DomainRuleError' });

    await h.m.decideAppeal(appeal.appealId, secondReviewer, {
      decision: 'uphold',
      reasonCode: 'lawful_use',
      reasons: 'The invoices show genuine goods from the authorised distributor.',
      note: 'Checked the distributor list.',
    });
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('restored');
    expect((await h.listing(listingId)).status).toBe('active');
    expect(await strikeRevoked(sellerId)).toBe(true);
    const decided = await h.m.getAppeal(appeal.appealId);
    expect(decided).toMatchObject({ status: 'upheld', deciderId: secondReviewer.id });
    expect(decided?.note).toBe('Checked the distributor list.');
    const mail = await h.mail(sellerEmail(sellerId));
    const outcome = mail.find((m) => m.template === 'appeal_decided' && m.caseId === caseId);
    expect(outcome?.text).toContain('The invoices show genuine goods');
    expect(outcome?.text).not.toContain('Checked the distributor list');
    expect(outcome?.text).toContain('DSA Art 21');
    expect((await caseOf(h, caseId)).openFollowUp).toBeUndefined();
    // The notifier's accuracy counts the takedown as overturned on appeal.
    const { keys } = await import('../../../functions/adapters/keys.ts');
    const counted = await h.m.getItem<{ outcome: string }>(
      keys.countedOutcome(RIGHTS_HOLDER, caseId),
    );
    expect(counted?.outcome).toBe('overturned');
  });

  it('dismissed: the listing stays down, and the same decision cannot be appealed again', async () => {
    const { caseId, listingId, sellerId } = await upheldCase();
    const appeal = await appealFiled(caseId, sellerId);
    await h.m.decideAppeal(appeal.appealId, secondReviewer, {
      decision: 'dismiss',
      reasonCode: 'counterfeit_goods',
      reasons: 'The test buy shows counterfeit goods.',
    });
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('upheld');
    expect((await h.listing(listingId)).status).toBe('disabled');
    expect((await h.m.getAppeal(appeal.appealId))?.status).toBe('dismissed');
    await expect(appealFiled(caseId, sellerId)).rejects.toMatchObject({ name: 'StateRefused' });
  });

  it('upheld against the strike: the strike is revoked but the listing stays down', async () => {
    const { caseId, listingId, sellerId } = await upheldCase();
    const appeal = await appealFiled(caseId, sellerId, 'strike' as 'takedown');
    await h.m.decideAppeal(appeal.appealId, secondReviewer, {
      decision: 'uphold',
      reasonCode: 'lawful_use',
      reasons: 'A first, minor listing error: no strike.',
    });
    await h.cloud.settled();

    expect(await strikeRevoked(sellerId)).toBe(true);
    expect(await h.status(caseId)).toBe('upheld');
    expect((await h.listing(listingId)).status).toBe('disabled');
    expect(await h.timeline(caseId)).toContain('strike_revoked');
  });

  it('is refused while the case is still open, and after the appeal window', async () => {
    const { caseId, sellerId } = await takenDownCase(h, EU_TRADEMARK);
    await expect(appealFiled(caseId, sellerId)).rejects.toMatchObject({ name: 'StateRefused' });
    await h.advance('P185D');
    expect(await h.status(caseId)).toBe('upheld');
    await expect(appealFiled(caseId, sellerId)).rejects.toMatchObject({ name: 'StateRefused' });
  });

  it('past its SLA it alarms and stays in the queue, still decidable', async () => {
    const { caseId, sellerId } = await upheldCase();
    const appeal = await appealFiled(caseId, sellerId);
    await h.advance('PT73H');
    expect((await h.timeline(caseId)).filter((t) => t === 'review_overdue')).toHaveLength(1);
    expect(await queueCaseIds('appeals')).toContain(caseId);
    await h.m.decideAppeal(appeal.appealId, secondReviewer, {
      decision: 'dismiss',
      reasonCode: 'counterfeit_goods',
      reasons: 'Counterfeit.',
    });
    await h.cloud.settled();
    expect((await h.m.getAppeal(appeal.appealId))?.status).toBe('dismissed');
  });
});

describe('Notifier appeals', () => {
  it('against a restore, upheld: the case re-opens, the listing goes down again and the seller gets a new statement of reasons', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h, EU_TRADEMARK);
    await counterNotify(h, caseId, sellerId);
    await h.m.decide(caseId, reviewer, {
      decision: 'restore',
      reasonCode: 'counter_notice_founded',
      reasons: 'The counter-notice shows the removal was a mistake.',
    });
    await h.cloud.settled();
    expect(await h.status(caseId)).toBe('restored');

    const appeal = await h.m.fileAppeal(
      await caseOf(h, caseId),
      { role: 'rights-holder', id: RIGHTS_HOLDER },
      { against: 'restore', grounds: 'The seller’s invoice is forged.', evidenceIds: [] },
    );
    await h.cloud.settled();
    await h.m.decideAppeal(appeal.appealId, secondReviewer, {
      decision: 'uphold',
      reasonCode: 'counterfeit_goods',
      reasons: 'The distributor confirms the invoice is forged: the goods are counterfeit.',
    });
    await h.cloud.settled();

    const record = await caseOf(h, caseId);
    expect(record.epoch).toBe(1);
    expect(record.status).toBe('awaiting_counter_notice');
    expect((await h.listing(listingId)).status).toBe('disabled');
    expect(await strikeRevoked(sellerId)).toBe(false);
    const timeline = await h.timeline(caseId);
    expect(timeline).toContain('case_reopened');
    expect(timeline.filter((t) => t === 'taken_down')).toHaveLength(2);
    const statements = (await h.mail(sellerEmail(sellerId))).filter(
      (m) => m.caseId === caseId && m.template === 'statement_of_reasons',
    );
    expect(statements).toHaveLength(2);
    expect(statements[0]?.text).toContain('The distributor confirms the invoice is forged');
    const notifierMail = await h.mail(RIGHTS_HOLDER_EMAIL);
    expect(notifierMail.some((m) => m.template === 'appeal_decided' && m.caseId === caseId)).toBe(
      true,
    );
  });

  it('against a rejection, upheld: the listing is taken down', async () => {
    const listingId = await h.newListing();
    const { caseIds } = await h.file({ listings: [listingId], ...EU_TRADEMARK });
    const caseId = caseIds[0]!;
    await h.m.decide(caseId, reviewer, {
      decision: 'reject',
      reasonCode: 'insufficient_evidence',
      reasons: 'The photos do not show the mark.',
    });
    await h.cloud.settled();
    expect(await h.status(caseId)).toBe('rejected');

    const appeal = await h.m.fileAppeal(
      await caseOf(h, caseId),
      { role: 'rights-holder', id: RIGHTS_HOLDER },
      { against: 'rejection', grounds: 'The second photo shows the mark.', evidenceIds: [] },
    );
    await h.cloud.settled();
    await h.m.decideAppeal(appeal.appealId, secondReviewer, {
      decision: 'uphold',
      reasonCode: 'counterfeit_goods',
      reasons: 'The second photo shows the registered mark on counterfeit goods.',
    });
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('awaiting_counter_notice');
    expect((await h.listing(listingId)).status).toBe('disabled');
  });
});

describe('Late counter-notices (after the 14-day window)', () => {
  it('EU: handled as an appeal against the takedown', async () => {
    const { caseId, sellerId } = await upheldCase();
    const answer = await h.m.counterNotify(
      caseId,
      sellerId,
      counterNoticeBody(new Date(h.cloud.clock.now())),
    );
    await h.cloud.settled();

    expect(answer.status).toBe('appeal_filed');
    const appeal = await h.m.getAppeal(answer.appealId!);
    expect(appeal).toMatchObject({ against: 'takedown', fromCounterNotice: true, status: 'open' });
    expect(await queueCaseIds('appeals')).toContain(caseId);
    await h.m.decideAppeal(answer.appealId!, secondReviewer, {
      decision: 'dismiss',
      reasonCode: 'counterfeit_goods',
      reasons: 'Counterfeit.',
    });
    await h.cloud.settled();
  });

  it('CN: runs the statutory timer, and a declaration without a signature is forwarded without claiming one', async () => {
    const { caseId, listingId, sellerId } = await upheldCase(CN_TRADEMARK);
    const {
      signature: _signature,
      underPenaltyOfPerjury: _perjury,
      ...unsigned
    } = counterNoticeBody(new Date(h.cloud.clock.now()));
    await h.m.counterNotify(caseId, sellerId, {
      ...unsigned,
      contact: { name: '王小明', address: '浙江省杭州市余杭区文一西路1号' },
    });
    await h.cloud.settled();

    const record = await caseOf(h, caseId);
    expect(record.status).toBe('awaiting_court_action');
    const forwarded = (await h.mail(RIGHTS_HOLDER_EMAIL)).find(
      (m) => m.caseId === caseId && m.template === 'counter_notice_forwarded',
    );
    expect(forwarded?.text).toContain('王小明');
    expect(forwarded?.text).not.toMatch(/perjury|undefined|Signed/);
    await advanceTo(h, new Date(new Date(record.deadlines.courtActionDueAt!).getTime() + 5000));
    expect(await h.status(caseId)).toBe('restored');
    expect((await h.listing(listingId)).status).toBe('active');
  });

  it('is refused (409) once the listing is restored, and a second one while the first is handled', async () => {
    const { caseId, sellerId } = await upheldCase(CN_TRADEMARK);
    await counterNotify(h, caseId, sellerId);
    await expect(
      h.m.counterNotify(caseId, sellerId, counterNoticeBody(new Date(h.cloud.clock.now()))),
    ).rejects.toMatchObject({ name: 'StateRefused' });
    await h.m.withdrawCase(caseId, RIGHTS_HOLDER);
    await h.cloud.settled();
    await expect(
      h.m.counterNotify(caseId, sellerId, counterNoticeBody(new Date(h.cloud.clock.now()))),
    ).rejects.toMatchObject({ name: 'StateRefused' });
  });
});

describe('Withdrawal after closure (DOMAIN.md step 8)', () => {
  it('restores an upheld case, revokes the strike, and a second withdrawal is refused', async () => {
    const { caseId, listingId, sellerId } = await upheldCase();
    await h.m.withdrawCase(caseId, RIGHTS_HOLDER);
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('withdrawn');
    expect((await h.listing(listingId)).status).toBe('active');
    expect(await strikeRevoked(sellerId)).toBe(true);
    await expect(h.m.withdrawCase(caseId, RIGHTS_HOLDER)).rejects.toMatchObject({
      name: 'StateRefused',
    });
  });

  it('ends an open appeal of the seller with the withdrawal', async () => {
    const { caseId, listingId, sellerId } = await upheldCase();
    await appealFiled(caseId, sellerId);
    await h.m.withdrawCase(caseId, RIGHTS_HOLDER);
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('withdrawn');
    expect((await h.listing(listingId)).status).toBe('active');
  });

  it('keeps the duplicate lock while the listing is down after the case closed', async () => {
    const { caseId, listingId } = await upheldCase();
    const { caseIds } = await h.file({ listings: [listingId], ...EU_TRADEMARK });
    expect(await h.status(caseIds[0]!)).toBe('duplicate');
    expect((await caseOf(h, caseIds[0]!)).duplicateOf).toBe(caseId);
  });
});

// Last: it moves the clock to December 2026, the end of the published CN holiday data.
describe('CN holiday data', () => {
  it('refuses a deadline past the last published year: the case parks for operators with an alarm', async () => {
    await advanceTo(h, new Date('2026-12-20T02:00:00Z'));
    const { caseId, listingId, sellerId } = await takenDownCase(h, CN_TRADEMARK);
    await counterNotify(h, caseId, sellerId);

    const record = await caseOf(h, caseId);
    expect(record.status).toBe('action_failed');
    expect(record.deadlines.courtActionDueAt).toBeUndefined();
    expect(await h.timeline(caseId)).toContain('action_failed');
    expect(await queueCaseIds('action_failed')).toContain(caseId);
    expect((await h.listing(listingId)).status).toBe('disabled');
  });
});
