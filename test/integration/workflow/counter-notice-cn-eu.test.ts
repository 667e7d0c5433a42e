import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  advanceTo,
  caseOf,
  counterNotify,
  queueCaseIds,
  reviewer,
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

async function eventAt(caseId: string, type: string): Promise<Date> {
  const event = (await h.m.getTimeline(caseId)).find((e) => e.type === type);
  if (!event) throw new Error(`no ${type} event on case ${caseId}`);
  return new Date(event.at);
}

async function strikeRevoked(sellerId: string): Promise<boolean> {
  const { listStrikes } = await sellerStore();
  const strikes = await listStrikes(sellerId);
  return strikes.length === 1 && strikes[0]!.revokedAt !== undefined;
}

/** China's 2026 rest days and adjusted working days, from the State Council's notice (国办发明电〔2025〕7号). */
const CN_2026_HOLIDAYS = new Set([
  ...['01-01', '01-02', '01-03', '04-04', '04-05', '04-06', '06-19', '06-20', '06-21'],
  ...['02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23'],
  ...['05-01', '05-02', '05-03', '05-04', '05-05', '09-25', '09-26', '09-27'],
  ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'],
]);
const CN_2026_WORKDAYS = new Set(['01-04', '02-14', '02-28', '05-09', '09-20', '10-10']);

/**
 * 24:00 Beijing time (UTC+8, no daylight saving) on the 15th day after the day the declaration was
 * accepted for delivery: that day does not count (Civil Code Art 201), and a last day that is a
 * rest day (a holiday, or a weekend not made a working day) moves to the next working day (Art 203).
 */
function endOfFifteenthBeijingDay(acceptedAt: Date): Date {
  const beijing = new Date(acceptedAt.getTime() + 8 * 3_600_000);
  let last = new Date(
    Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate() + 15),
  );
  const rest = (day: Date) => {
    const md = day.toISOString().slice(5, 10);
    if (day.getUTCFullYear() !== 2026) throw new Error('the test knows 2026 only');
    if (CN_2026_HOLIDAYS.has(md)) return true;
    if (CN_2026_WORKDAYS.has(md)) return false;
    return day.getUTCDay() === 0 || day.getUTCDay() === 6;
  };
  while (rest(last)) last = new Date(last.getTime() + 86_400_000);
  return new Date(last.getTime() + 86_400_000 - 8 * 3_600_000);
}

describe('CN counter-notice (statutory timer, E-Commerce Law Art 43)', () => {
  it('restores the listing when no court action is reported by the end of the 15th day after the forwarding reached the rights holder', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h, {
      ipRightId: 'ipr-acme-tm-cn',
      jurisdiction: 'CN',
    });
    await counterNotify(h, caseId, sellerId);

    const record = await caseOf(h, caseId);
    expect(record.status).toBe('awaiting_court_action');
    const dueAt = new Date(record.deadlines.courtActionDueAt!);
    const forwarded = (await h.m.getTimeline(caseId)).find(
      (e) => e.type === 'counter_notice_forwarded',
    );
    const acceptedAt = new Date(String(forwarded?.detail.acceptedForDeliveryAt));
    expect(dueAt).toEqual(endOfFifteenthBeijingDay(acceptedAt));

    await advanceTo(h, new Date(dueAt.getTime() - 1000));
    expect(await h.status(caseId)).toBe('awaiting_court_action');
    expect((await h.listing(listingId)).status).toBe('disabled');

    await advanceTo(h, new Date(dueAt.getTime() + 5000));
    expect(await h.status(caseId)).toBe('restored');
    expect((await h.listing(listingId)).status).toBe('active');
    expect(await strikeRevoked(sellerId)).toBe(true);
  });
});

describe.each([
  { name: 'EU trademark', ipRightId: 'ipr-acme-tm-eu', jurisdiction: 'EU' as const },
  { name: 'US trademark', ipRightId: 'ipr-acme-tm-us', jurisdiction: 'US' as const },
])('$name counter-notice (re-review)', ({ ipRightId, jurisdiction }) => {
  it('puts the case in the re-review queue with a 72 h SLA', async () => {
    const { caseId, sellerId } = await takenDownCase(h, { ipRightId, jurisdiction });
    await counterNotify(h, caseId, sellerId);

    const record = await caseOf(h, caseId);
    expect(record.status).toBe('awaiting_re_review');
    expect(await queueCaseIds('re_review')).toContain(caseId);
    const receivedAt = await eventAt(caseId, 'counter_notice_received');
    expect(new Date(record.deadlines.reReviewDueAt!).getTime() - receivedAt.getTime()).toBe(
      72 * 3_600_000,
    );
    await h.m.decide(caseId, reviewer, {
      decision: 'uphold',
      reasonCode: 'counter_notice_unfounded',
      reasons: 'The counter-notice does not rebut the evidence of infringement.',
    });
    await h.cloud.settled();
  });

  it('restore: the listing is restored, the strike revoked and the warning lifted', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h, { ipRightId, jurisdiction });
    await counterNotify(h, caseId, sellerId);
    await h.m.decide(caseId, reviewer, {
      decision: 'restore',
      reasonCode: 'counter_notice_founded',
      reasons: 'The counter-notice shows the removal was a mistake.',
      note: 'The seller showed an invoice from the brand.',
    });
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('restored');
    expect((await h.listing(listingId)).status).toBe('active');
    expect(await strikeRevoked(sellerId)).toBe(true);
    expect((await h.seller(sellerId)).status).toBe('active');
  });

  it('uphold: the case closes upheld and the listing stays down', async () => {
    const { caseId, listingId, sellerId } = await takenDownCase(h, { ipRightId, jurisdiction });
    await counterNotify(h, caseId, sellerId);
    await h.m.decide(caseId, reviewer, {
      decision: 'uphold',
      reasonCode: 'counter_notice_unfounded',
      reasons: 'The counter-notice does not rebut the evidence of infringement.',
    });
    await h.cloud.settled();

    expect(await h.status(caseId)).toBe('upheld');
    expect((await h.listing(listingId)).status).toBe('disabled');
    expect(await strikeRevoked(sellerId)).toBe(false);
  });
});

describe('Re-review SLA', () => {
  it('alarms once per overdue interval, never in a loop, however long nobody decides', async () => {
    const { caseId, sellerId } = await takenDownCase(h, {
      ipRightId: 'ipr-acme-tm-eu',
      jurisdiction: 'EU',
    });
    await counterNotify(h, caseId, sellerId);
    const overdue = async () =>
      (await h.timeline(caseId)).filter((type) => type === 'review_overdue').length;
    await h.advance('PT73H');
    expect(await overdue()).toBe(1);
    // Before the fix the spent deadline reopened the wait for 1 s, alarming every second.
    await h.advance('PT1H');
    expect(await overdue()).toBe(1);
    await h.advance('PT72H');
    expect(await overdue()).toBe(2);
    expect(await h.status(caseId)).toBe('awaiting_re_review');
  });

  it('passes: an alarm is recorded and the case stays in the re-review queue, still decidable', async () => {
    const { caseId, sellerId } = await takenDownCase(h, {
      ipRightId: 'ipr-acme-tm-eu',
      jurisdiction: 'EU',
    });
    await counterNotify(h, caseId, sellerId);
    await h.advance('PT73H');

    expect(await h.timeline(caseId)).toContain('review_overdue');
    expect(await h.status(caseId)).toBe('awaiting_re_review');
    expect(await queueCaseIds('re_review')).toContain(caseId);

    await h.m.decide(caseId, reviewer, {
      decision: 'uphold',
      reasonCode: 'counter_notice_unfounded',
      reasons: 'The counter-notice does not rebut the evidence of infringement.',
    });
    await h.cloud.settled();
    expect(await h.status(caseId)).toBe('upheld');
  });
});
