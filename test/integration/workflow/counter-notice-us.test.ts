import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUsBusinessDays } from '../../../functions/domain/calendar/us-business-days.ts';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  advanceTo,
  COUNTER_NOTICE_CONTACT,
  caseOf,
  counterNoticeBody,
  counterNotify,
  RIGHTS_HOLDER,
  RIGHTS_HOLDER_EMAIL,
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

const COPYRIGHT = { ipRightId: 'ipr-acme-cr-us', infringementType: 'copyright' } as const;

async function receivedAt(caseId: string): Promise<Date> {
  const event = (await h.m.getTimeline(caseId)).find((e) => e.type === 'counter_notice_received');
  if (!event) throw new Error('no counter_notice_received event');
  return new Date(event.at);
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** A federal holiday's observed date (5 U.S.C. 6103(b)): Saturday → Friday, Sunday → Monday. */
function observed(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const shift = date.getUTCDay() === 6 ? -1 : date.getUTCDay() === 0 ? 1 : 0;
  return ymd(new Date(date.getTime() + shift * 86_400_000));
}

/**
 * The 11th business day after a receipt on December 22 of `year` (restore from its start: ten
 * full business days have passed), counted by hand: weekdays, without observed Christmas and New
 * Year's Day (no other federal holiday falls in that span). Returns it and the 11th plain weekday,
 * to show the holidays push the date.
 */
function eleventhBusinessDayAfterDec22(year: number): {
  withHolidays: string;
  weekdaysOnly: string;
} {
  const closed = new Set([observed(year, 12, 25), observed(year + 1, 1, 1)]);
  const nth = (skipHolidays: boolean) => {
    let day = Date.UTC(year, 11, 22);
    for (let counted = 0; counted < 11; ) {
      day += 86_400_000;
      const date = new Date(day);
      const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
      if (!weekend && !(skipHolidays && closed.has(ymd(date)))) counted++;
    }
    return ymd(new Date(day));
  };
  return { withHolidays: nth(true), weekdaysOnly: nth(false) };
}

describe('US copyright counter-notice (statutory timer, 17 U.S.C. §512(g))', () => {
  it('restores the listing at the start of the 11th business day after receipt (ten full business days), not before, and revokes the strike', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h, COPYRIGHT);
    await counterNotify(h, caseId, sellerId);

    const record = await caseOf(h, caseId);
    expect(record.status).toBe('awaiting_court_action');
    const restoreNotBefore = addUsBusinessDays(await receivedAt(caseId), 11);
    expect(record.deadlines.restoreNotBefore).toBe(restoreNotBefore.toISOString());

    await advanceTo(h, new Date(restoreNotBefore.getTime() - 1000));
    expect(await h.status(caseId)).toBe('awaiting_court_action');
    expect((await h.listing(listingId)).status).toBe('disabled');

    await advanceTo(h, new Date(restoreNotBefore.getTime() + 5000));
    expect(await h.status(caseId)).toBe('restored');
    expect((await h.listing(listingId)).status).toBe('active');
    const restored = (await h.m.getTimeline(caseId)).find((e) => e.type === 'restored')!;
    expect(new Date(restored.at).getTime()).toBeGreaterThanOrEqual(restoreNotBefore.getTime());
    const { listStrikes } = await sellerStore();
    const [strike] = await listStrikes(sellerId);
    expect(strike?.revokedAt).toBeDefined();
    expect((await h.seller(sellerId)).status).toBe('active');
  });

  it('forwards the counter-notice to the rights holder but never writes its contact to the timeline', async () => {
    const { caseId, sellerId } = await takenDownCase(h, COPYRIGHT);
    await counterNotify(h, caseId, sellerId);

    const forwarded = (await h.mail(RIGHTS_HOLDER_EMAIL)).find(
      (m) => m.caseId === caseId && m.template === 'counter_notice_forwarded',
    );
    expect(forwarded?.text).toContain(COUNTER_NOTICE_CONTACT.phone);
    const timeline = JSON.stringify(await h.m.getTimeline(caseId));
    for (const value of Object.values(COUNTER_NOTICE_CONTACT)) {
      expect(timeline).not.toContain(value);
    }
    await h.m.reportCourtAction(caseId, RIGHTS_HOLDER, {
      filedAt: new Date(h.cloud.clock.now()).toISOString(),
      court: 'N.D. Cal.',
      reference: 'cleanup',
      kind: 'lawsuit',
      evidenceIds: [],
    });
    await h.cloud.settled();
  });

  it('a court action reported in time closes the case upheld_pending_court and the listing stays down', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h, COPYRIGHT);
    await counterNotify(h, caseId, sellerId);
    await h.m.reportCourtAction(caseId, RIGHTS_HOLDER, {
      filedAt: new Date(h.cloud.clock.now()).toISOString(),
      court: 'U.S. District Court, N.D. Cal.',
      reference: '5:26-cv-01234',
      kind: 'lawsuit',
      evidenceIds: [],
    });
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('upheld_pending_court');
    await h.advance('P20D');
    expect(await h.status(caseId)).toBe('upheld_pending_court');
    expect((await h.listing(listingId)).status).toBe('disabled');
    expect(await h.timeline(caseId)).toContain('court_action_reported');
  });

  it('a court action reported after the restore is refused (409, StateRefused) and the listing stays restored', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h, COPYRIGHT);
    await counterNotify(h, caseId, sellerId);
    const { restoreNotBefore } = (await caseOf(h, caseId)).deadlines;
    await advanceTo(h, new Date(new Date(restoreNotBefore!).getTime() + 5000));

    await expect(
      h.m.reportCourtAction(caseId, RIGHTS_HOLDER, {
        filedAt: new Date(h.cloud.clock.now()).toISOString(),
        court: 'N.D. Cal.',
        reference: 'too-late',
        kind: 'lawsuit',
        evidenceIds: [],
      }),
    ).rejects.toMatchObject({ name: 'StateRefused' });
    expect((await h.listing(listingId)).status).toBe('active');
  });

  it('a counter-notice after the 14-day window still runs the statutory timer, in a follow-up execution, and restores at the start of the 11th business day', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h, COPYRIGHT);
    await h.advance('P15D');
    expect(await h.status(caseId)).toBe('upheld');

    const answer = await h.m.counterNotify(
      caseId,
      sellerId,
      counterNoticeBody(new Date(h.cloud.clock.now())),
    );
    await h.cloud.settled();
    expect(answer.status).toBe('counter_notice_received');
    const record = await caseOf(h, caseId);
    expect(record.status).toBe('awaiting_court_action');
    const restoreNotBefore = addUsBusinessDays(await receivedAt(caseId), 11);
    expect(record.deadlines.restoreNotBefore).toBe(restoreNotBefore.toISOString());
    expect(await h.timeline(caseId)).toContain('counter_notice_forwarded');

    await advanceTo(h, new Date(restoreNotBefore.getTime() + 5000));
    expect(await h.status(caseId)).toBe('restored');
    expect((await h.listing(listingId)).status).toBe('active');
    const { listStrikes } = await sellerStore();
    expect((await listStrikes(sellerId))[0]?.revokedAt).toBeDefined();
    expect((await caseOf(h, caseId)).openFollowUp).toBeUndefined();
  });

  it('a court action reported after the wait ended but before the restore started keeps the listing down (one outcome)', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h, COPYRIGHT);
    await counterNotify(h, caseId, sellerId);
    const { restoreNotBefore } = (await caseOf(h, caseId)).deadlines;
    // The wait's token is gone (as when its timeout fired first): the report cannot answer it,
    // but it is recorded, and the restore that follows finds it.
    await h.m.clearPendingTask(caseId);
    await h.m.reportCourtAction(caseId, RIGHTS_HOLDER, {
      filedAt: new Date(h.cloud.clock.now()).toISOString(),
      court: 'U.S. District Court, N.D. Ill.',
      reference: '1:26-cv-00042',
      kind: 'lawsuit',
      evidenceIds: [],
    });
    await advanceTo(h, new Date(new Date(restoreNotBefore!).getTime() + 5000));

    expect(await h.status(caseId)).toBe('upheld_pending_court');
    expect((await h.listing(listingId)).status).toBe('disabled');
    const timeline = await h.timeline(caseId);
    expect(timeline.filter((type) => type === 'court_action_reported')).toHaveLength(1);
    expect(timeline).not.toContain('restored');
    // A second report is refused: the first is recorded once.
    await expect(
      h.m.reportCourtAction(caseId, RIGHTS_HOLDER, {
        filedAt: new Date(h.cloud.clock.now()).toISOString(),
        court: 'N.D. Ill.',
        reference: 'again',
        kind: 'lawsuit',
        evidenceIds: [],
      }),
    ).rejects.toMatchObject({ name: 'StateRefused' });
  });

  it('refuses an authority complaint as the US court action (422)', async () => {
    const { caseId, sellerId } = await takenDownCase(h, COPYRIGHT);
    await counterNotify(h, caseId, sellerId);

    await expect(
      h.m.reportCourtAction(caseId, RIGHTS_HOLDER, {
        filedAt: new Date(h.cloud.clock.now()).toISOString(),
        court: 'FTC',
        reference: 'complaint-1',
        kind: 'authority_complaint',
        evidenceIds: [],
      }),
    ).rejects.toMatchObject({ name: 'DomainRuleError' });
    expect(await h.status(caseId)).toBe('awaiting_court_action');
    await h.m.withdrawCase(caseId, RIGHTS_HOLDER);
    await h.cloud.settled();
  });

  it('a withdrawal while awaiting court action restores the listing at once and revokes the strike', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h, COPYRIGHT);
    await counterNotify(h, caseId, sellerId);
    await h.m.withdrawCase(caseId, RIGHTS_HOLDER);
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('withdrawn');
    expect((await h.listing(listingId)).status).toBe('active');
    const { listStrikes } = await sellerStore();
    expect((await listStrikes(sellerId))[0]?.revokedAt).toBeDefined();
  });

  it('skips the federal holidays inside the window (Christmas, New Year) when counting to business day 11', async () => {
    // The next December 22 at least two days away; 14:00 UTC is 09:00 in New York.
    const now = new Date(h.cloud.clock.now());
    let year = now.getUTCFullYear();
    if (Date.UTC(year, 11, 20) < now.getTime()) year += 1;
    await advanceTo(h, new Date(Date.UTC(year, 11, 22, 14, 0, 0)));

    const { caseId, listingId, sellerId } = await takenDownCase(h, COPYRIGHT);
    await counterNotify(h, caseId, sellerId);
    expect(ymd(await receivedAt(caseId))).toBe(`${year}-12-22`);

    const expected = eleventhBusinessDayAfterDec22(year);
    expect(expected.withHolidays > expected.weekdaysOnly).toBe(true);
    // 00:00 in New York (EST, UTC-5) on the 11th business day.
    const restoreNotBefore = new Date(`${expected.withHolidays}T05:00:00.000Z`);
    expect((await caseOf(h, caseId)).deadlines.restoreNotBefore).toBe(
      restoreNotBefore.toISOString(),
    );

    await advanceTo(h, new Date(restoreNotBefore.getTime() - 1000));
    expect(await h.status(caseId)).toBe('awaiting_court_action');
    expect((await h.listing(listingId)).status).toBe('disabled');
    await advanceTo(h, new Date(restoreNotBefore.getTime() + 5000));
    expect(await h.status(caseId)).toBe('restored');
    expect((await h.listing(listingId)).status).toBe('active');
  });
});
