import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/table.ts';
import { ensureTable } from '../../local/dynamodb/index.ts';
import { testDynamoEndpoint } from '../support/dynamo.ts';

/**
 * The transparency counters against a recount from the records. A seeded mix of 300 cases is
 * written through the real adapters on DynamoDB Local, without the engine: each case is filed as
 * the notice use case writes it, then moved through its life by the workflow's own
 * `applyWorkflowStep` (status changes and strikes, each with its outbox event, delivered and
 * counted as in production), appeals and Art 23 suspensions through the outbox as their use
 * cases write them. Then every figure of the report is recounted from the case records and their
 * timelines and must be equal; the median time to act must be within the sketch's stated error.
 */

const tableName = `takedown-tr-${randomBytes(4).toString('hex')}`;
Object.assign(process.env, {
  TABLE_NAME: tableName,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local-secret',
  TRANSPARENCY_STRICT: 'true',
});
delete process.env.EVENT_BUS_NAME;

type Modules = Awaited<ReturnType<typeof load>>;
async function load() {
  return {
    step: await import('../../functions/workflow/lib/step.ts'),
    store: await import('../../functions/adapters/case-store.ts'),
    outbox: await import('../../functions/adapters/event-outbox.ts'),
    counters: await import('../../functions/adapters/transparency-counters.ts'),
    counts: await import('../../functions/domain/transparency-counts.ts'),
    report: await import('../../functions/domain/transparency-report.ts'),
    sketch: await import('../../functions/domain/duration-sketch.ts'),
    keys: await import('../../functions/adapters/keys.ts'),
    dynamo: await import('../../functions/adapters/dynamo-client.ts'),
    lib: await import('@aws-sdk/lib-dynamodb'),
    relay: await import('../../functions/jobs/relay-domain-events.ts'),
    clock: await import('../../functions/adapters/clock.ts'),
  };
}

let m: Modules;
let client: DynamoDBClient;
beforeAll(async () => {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = testDynamoEndpoint();
  client = new DynamoDBClient({});
  await ensureTable(client, tableName, tableDefinition);
  m = await load();
});
afterAll(() => {
  client?.destroy();
  m?.clock.installTimeSource(undefined);
});

const JURISDICTIONS = ['US', 'EU', 'CN'] as const;
const TYPES = ['trademark', 'counterfeit', 'copyright', 'patent', 'design'] as const;
const ACTOR = { role: 'system' as const, id: 'workflow' };
const HOUR = 3_600_000;
const YEAR_START = Date.parse('2025-01-01T00:00:00Z');

/** A deterministic pseudo-random number in [0, 1) for case i and a salt. */
const rnd = (i: number, salt: number) => {
  const x = Math.sin(i * 9301 + salt * 49297) * 233280;
  return x - Math.floor(x);
};

interface Seeded {
  caseId: string;
  noticeId: string;
}

/** Files a case as the notice use case writes it (the case item and its first event). */
async function fileCase(i: number): Promise<Seeded & { at: number }> {
  const noticeId = `ntc-${Math.floor(i / 5)}`;
  const caseId = `case-tr-${i}`;
  const at = YEAR_START + Math.floor(i / 5) * 29 * HOUR + (i % 5) * 60_000;
  const iso = new Date(at).toISOString();
  const own = i % 17 === 0;
  await m.dynamo.dynamo.send(
    new m.lib.PutCommand({
      TableName: tableName,
      Item: {
        ...m.keys.keys.case(caseId),
        type: 'Case',
        caseId,
        noticeId,
        rightsHolderId: `rh-${i % 4}`,
        ipRightId: `ipr-${i % 4}`,
        listingId: `lst-${i}`,
        jurisdiction: JURISDICTIONS[Math.floor(i / 5) % 3],
        infringementType: TYPES[Math.floor(i / 5) % 5],
        status: 'screening',
        source: own ? 'own_initiative' : 'notice',
        ...(i % 4 === 1 && !own ? { trustedFlagger: true } : {}),
        sellerId: `seller-${(i * 7) % 160}`,
        listingCreatedAt: '2024-06-01T00:00:00.000Z',
        createdAt: iso,
        updatedAt: iso,
        version: 0,
        deadlines: {},
      },
    }),
  );
  return { caseId, noticeId, at };
}

/** One workflow step at a time `at` (ms), with a status change and/or a timeline event. */
async function step(
  caseId: string,
  stepKey: string,
  at: number,
  status: string | undefined,
  type: string,
  detail: Record<string, unknown> = {},
) {
  m.clock.installTimeSource(() => at);
  await m.step.applyWorkflowStep(caseId, {
    stepKey,
    at: new Date(at).toISOString(),
    ...(status ? { set: { status: status as never } } : {}),
    event: { type: type as never, actor: ACTOR, detail },
  });
}

/** A count outside a case's workflow, through the outbox as its use case writes it. */
async function accountEvent(subject: string, stepKey: string, at: number, tally: object) {
  const event = { subject, stepKey, at: new Date(at).toISOString(), tally: tally as never };
  await m.dynamo.dynamo.send(
    new m.lib.TransactWriteCommand({ TransactItems: [m.outbox.outboxItem(event)] }),
  );
  await m.outbox.countOutboxEvent(event);
}

/** Sellers' strikes by notice, as the ladder records them (first strike: a warning). */
const strikesOf = new Map<string, { strikeId: string; notices: Set<string> }[]>();

async function runCase(i: number) {
  const { caseId, noticeId, at: filed } = await fileCase(i);
  let t = filed + 10_000;
  const r = rnd(i, 1);
  if (r < 0.05) return step(caseId, 'screen', t, 'rejected', 'screening_rejected');
  if (r < 0.08) return step(caseId, 'screen', t, 'duplicate', 'duplicate_linked');
  await step(caseId, 'screen', t, 'awaiting_review', 'screened');
  if (rnd(i, 2) < 0.2) {
    t += 24 * HOUR;
    await step(caseId, 'escalate', t, 'escalated_review', 'review_escalated');
  }
  t += Math.floor(rnd(i, 3) * 40 * HOUR) + 60_000;
  if (rnd(i, 4) < 0.15) {
    await step(caseId, 'decided', t, 'rejected', 'decided', { decision: 'reject' });
    if (rnd(i, 5) < 0.3) {
      const filedAt = t + 5 * 24 * HOUR;
      await accountEvent(
        caseId,
        `appeal_filed#${i}`,
        filedAt,
        m.counts.tallyAppealFiled('rights-holder', new Date(filedAt).toISOString()),
      );
      const decidedAt = filedAt + Math.floor(rnd(i, 6) * 70 * HOUR) + 1000;
      await accountEvent(
        caseId,
        `appeal_decided#${i}`,
        decidedAt,
        m.counts.tallyAppealDecided(
          'dismiss',
          new Date(filedAt).toISOString(),
          new Date(decidedAt).toISOString(),
        ),
      );
    }
    return;
  }
  await step(caseId, 'decided', t, 'taking_down', 'decided', { decision: 'approve' });
  t += Math.floor(rnd(i, 7) * 3 * HOUR) + 1000;
  await step(caseId, 'taken_down', t, 'awaiting_counter_notice', 'taken_down');
  // The strike: one per notice and seller; the seller's first is a warning.
  const record = (await m.store.getCase(caseId))!;
  const sellerId = record.sellerId!;
  const strikes = strikesOf.get(sellerId) ?? [];
  strikesOf.set(sellerId, strikes);
  const existing = strikes.find((s) => s.notices.has(noticeId));
  const strikeId = existing?.strikeId ?? `str-${sellerId}-${strikes.length}`;
  if (!existing) strikes.push({ strikeId, notices: new Set([noticeId]) });
  await step(caseId, 'strike', t + 1000, undefined, 'strike_recorded', {
    strikeId,
    attached: Boolean(existing),
    measure: strikes.length === 1 ? 'warning' : 'restricted',
  });
  t += 2 * HOUR;
  const c = rnd(i, 8);
  if (c < 0.1) return step(caseId, 'withdrawn', t, 'withdrawn', 'withdrawn');
  if (c < 0.35) {
    t += Math.floor(rnd(i, 9) * 10 * 24 * HOUR);
    await step(caseId, 'counter_notice', t, 'awaiting_re_review', 'counter_notice_received', {
      late: false,
    });
    t += 30 * HOUR;
    if (rnd(i, 10) < 0.5) return step(caseId, 'rereview', t, 'restored', 'restored');
    return step(caseId, 'rereview', t, 'upheld', 'upheld');
  }
  t += 14 * 24 * HOUR;
  await step(caseId, 'window_closed', t, 'upheld', 'counter_notice_window_closed');
  if (c > 0.9) {
    t += 20 * 24 * HOUR;
    await step(
      caseId,
      'late_counter_notice',
      t,
      'awaiting_court_action',
      'counter_notice_received',
      {
        late: true,
      },
    );
    t += 15 * 24 * HOUR;
    if (rnd(i, 11) < 0.5) return step(caseId, 'court_window_closed', t, 'restored', 'restored');
    return step(caseId, 'court_reported', t, 'upheld_pending_court', 'upheld', {
      outcome: 'upheld_pending_court',
    });
  }
  if (c > 0.8) {
    const filedAt = t + 3 * 24 * HOUR;
    await accountEvent(
      caseId,
      `appeal_filed#${i}`,
      filedAt,
      m.counts.tallyAppealFiled('seller', new Date(filedAt).toISOString()),
    );
    const decidedAt = filedAt + Math.floor(rnd(i, 12) * 70 * HOUR) + 1000;
    const uphold = rnd(i, 13) < 0.4;
    await accountEvent(
      caseId,
      `appeal_decided#${i}`,
      decidedAt,
      m.counts.tallyAppealDecided(
        uphold ? 'uphold' : 'dismiss',
        new Date(filedAt).toISOString(),
        new Date(decidedAt).toISOString(),
      ),
    );
    if (uphold) await step(caseId, 'appeal_restore', decidedAt + 1000, 'restored', 'restored');
  }
}

const CASES = 300;

describe('Transparency counters', () => {
  it('equal a recount from the records after a seeded mix of 300 cases, in every dimension', async () => {
    // Arrange: 300 cases, 15 at a time (concurrent counting on shared counter items).
    const started = Date.now();
    const calls: Record<string, number> = {};
    m.dynamo.dynamo.middlewareStack.add(
      (next, context) => (args) => {
        calls[context.commandName!] = (calls[context.commandName!] ?? 0) + 1;
        return next(args);
      },
      { step: 'initialize', name: 'countCalls' },
    );
    const BATCH = 15;
    for (let i = 0; i < CASES; i += BATCH) {
      await Promise.all(Array.from({ length: BATCH }, (_, k) => runCase(i + k)));
    }
    console.log(
      JSON.stringify(calls),
      `seeded in ${Date.now() - started} ms, conflict retries ${(await import('../../functions/adapters/transaction-conflicts.ts')).conflictRetries.count}`,
    );
    await accountEvent(
      'seller#seller-7',
      'suspension-review:seller-7:1',
      YEAR_START + 90 * 24 * HOUR,
      m.counts.tallySuspension(
        'seller',
        'suspended',
        new Date(YEAR_START + 90 * 24 * HOUR).toISOString(),
      ),
    );
    await accountEvent(
      'notifier#rh-2',
      'misuse-review:rh-2:1',
      YEAR_START + 120 * 24 * HOUR,
      m.counts.tallySuspension(
        'notifier',
        'suspended',
        new Date(YEAR_START + 120 * 24 * HOUR).toISOString(),
      ),
    );
    // Whatever a count left behind (a conflict), the relay delivers, as it would in AWS.
    m.clock.installTimeSource(() => YEAR_START + 800 * 24 * HOUR);
    await m.relay.handler();

    // Act: the report of the seeded period, from the counters only.
    const from = '2025-01-01';
    const to = '2025-12-31';
    const split = m.report.splitDay(from, to);
    const totals = await m.counters.readCounterTotals(from, to, split);
    const report = m.report.transparencyReport({ from, to }, totals);

    // Assert: a recount from the cases and their timelines.
    const records = await Promise.all(
      Array.from({ length: CASES }, (_, i) => m.store.getCase(`case-tr-${i}`)),
    );
    const timelines = await Promise.all(records.map((r) => m.store.getTimeline(r!.caseId)));
    const sourceOf = (r: (typeof records)[number]) =>
      r!.source === 'own_initiative'
        ? 'own_initiative'
        : r!.trustedFlagger
          ? 'trusted_flagger'
          : 'notice';
    const SOURCE = {
      notice: 'SOURCE_ARTICLE_16',
      trusted_flagger: 'SOURCE_TRUSTED_FLAGGER',
      own_initiative: 'SOURCE_VOLUNTARY',
    } as const;
    const recount = {
      received: 0,
      receivedByType: {} as Record<string, number>,
      receivedByJurisdiction: {} as Record<string, number>,
      receivedBySource: {} as Record<string, number>,
      notices: new Set<string>(),
      sellers: new Set<string>(),
      actions: 0,
      actionsByType: {} as Record<string, number>,
      actionsBySource: {} as Record<string, number>,
      automated: 0,
      approved: 0,
      rejected: 0,
      screeningRejected: 0,
      duplicates: 0,
      counterNotices: 0,
      late: 0,
      restoredAfterCounterNotice: 0,
      upheldAfterCounterNotice: 0,
      upheldPendingCourt: 0,
      restored: 0,
      withdrawn: 0,
      timesToAct: [] as number[],
    };
    const inc = (o: Record<string, number>, k: string) => {
      o[k] = (o[k] ?? 0) + 1;
    };
    for (const [n, record] of records.entries()) {
      const r = record!;
      const events = timelines[n]!;
      recount.received++;
      inc(recount.receivedByType, r.infringementType);
      inc(recount.receivedByJurisdiction, r.jurisdiction);
      inc(recount.receivedBySource, SOURCE[sourceOf(r)]);
      recount.notices.add(r.noticeId);
      for (const [k, e] of events.entries()) {
        const previous = events[k - 1]?.type;
        if (e.type === 'screening_rejected') recount.screeningRejected++;
        if (e.type === 'duplicate_linked') recount.duplicates++;
        if (e.type === 'decided' && e.detail.decision === 'approve') recount.approved++;
        if (e.type === 'decided' && e.detail.decision === 'reject') recount.rejected++;
        if (e.type === 'taken_down') {
          recount.actions++;
          inc(recount.actionsByType, r.infringementType);
          inc(recount.actionsBySource, SOURCE[sourceOf(r)]);
          if (r.source === 'own_initiative') recount.automated++;
          recount.sellers.add(r.sellerId!);
          recount.timesToAct.push((Date.parse(e.at) - Date.parse(r.createdAt)) / 1000);
        }
        if (e.type === 'counter_notice_received') {
          recount.counterNotices++;
          if (e.detail.late) recount.late++;
        }
        if (previous === 'counter_notice_received' && e.type === 'restored')
          recount.restoredAfterCounterNotice++;
        if (previous === 'counter_notice_received' && e.type === 'upheld') {
          if (e.detail.outcome === 'upheld_pending_court') recount.upheldPendingCourt++;
          else recount.upheldAfterCounterNotice++;
        }
        if (e.type === 'restored') recount.restored++;
        if (e.type === 'withdrawn') recount.withdrawn++;
      }
    }
    const withZeros = (o: Record<string, number>, keys: readonly string[]) =>
      Object.fromEntries(keys.map((k) => [k, o[k] ?? 0]));

    expect(report.notices.listingsReceived).toBe(CASES);
    expect(report.seedTable.complaintsReceived).toBe(recount.notices.size);
    expect(report.seedTable.sellersInvolved).toBe(recount.sellers.size);
    expect(report.notices.byType).toEqual(withZeros(recount.receivedByType, TYPES));
    expect(report.notices.byJurisdiction).toEqual(
      withZeros(recount.receivedByJurisdiction, JURISDICTIONS),
    );
    expect(report.notices.bySource).toEqual(
      withZeros(recount.receivedBySource, Object.values(SOURCE)),
    );
    expect(report.notices.screeningRejected).toBe(recount.screeningRejected);
    expect(report.notices.duplicates).toBe(recount.duplicates);
    expect(report.decisions).toEqual({ approved: recount.approved, rejected: recount.rejected });
    expect(report.actions.listingsDisabled).toBe(recount.actions);
    expect(report.actions.byType).toEqual(withZeros(recount.actionsByType, TYPES));
    expect(report.actions.bySource).toEqual(
      withZeros(recount.actionsBySource, Object.values(SOURCE)),
    );
    expect(report.actions.automated).toBe(recount.automated);
    expect(report.counterNotices.received).toBe(recount.counterNotices);
    expect(report.counterNotices.late).toBe(recount.late);
    expect(report.counterNotices.outcomes).toEqual({
      restored: recount.restoredAfterCounterNotice,
      upheld: recount.upheldAfterCounterNotice,
      upheldPendingCourt: recount.upheldPendingCourt,
    });
    expect(report.restored).toBe(recount.restored);
    expect(report.withdrawn).toBe(recount.withdrawn);
    expect(report.suspensions).toEqual({ sellers: 1, notifiers: 1 });
    expect(report.appeals.filed).toBeGreaterThan(0);
    expect(report.appeals.filed).toBe(report.appeals.bySellers + report.appeals.byNotifiers);
    expect(report.appeals.filed).toBe(report.appeals.upheld + report.appeals.dismissed);
    // The re-offence cohort: sellers first warned before the split day, and those of them with a
    // new strike within 183 days of the warning.
    const strikes = new Map<string, { at: string; warning: boolean }[]>();
    for (const [n, events] of timelines.entries())
      for (const e of events)
        if (e.type === 'strike_recorded' && !e.detail.attached) {
          const sellerId = records[n]!.sellerId!;
          strikes.set(sellerId, [
            ...(strikes.get(sellerId) ?? []),
            { at: e.at, warning: e.detail.measure === 'warning' },
          ]);
        }
    let warned = 0;
    let reoffended = 0;
    for (const list of strikes.values()) {
      const warning = list.find((s) => s.warning);
      if (!warning || warning.at.slice(0, 10) >= split) continue;
      warned++;
      const until = Date.parse(warning.at) + 183 * 86_400_000;
      if (list.some((s) => !s.warning && s.at > warning.at && Date.parse(s.at) <= until))
        reoffended++;
    }
    expect(report.reoffence).toMatchObject({ warnedSellers: warned, reoffended });
    expect(warned).toBeGreaterThan(0);
    // The median time to act: within the sketch's stated relative error of the exact one.
    const sorted = [...recount.timesToAct].sort((a, b) => a - b);
    const exact = sorted[Math.floor(0.5 * (sorted.length - 1))]!;
    const median = report.actions.medianTimeToActSeconds!;
    expect(Math.abs(median - exact) / exact).toBeLessThanOrEqual(m.sketch.RELATIVE_ACCURACY + 1e-3);
    // Nothing left in the outbox: every event was delivered.
    expect(await m.outbox.listOutbox(new Date('9999-01-01T00:00:00Z'))).toEqual([]);
    console.log(JSON.stringify({ report, itemsRead: totals.itemsRead }, null, 1));
  });

  it('counts an event once however often it is delivered', async () => {
    const at = '2026-03-03T10:00:00.000Z';
    const event = {
      subject: 'case-redelivered',
      stepKey: 'taken_down',
      at,
      change: {
        caseId: 'case-redelivered',
        noticeId: 'ntc-r',
        listingId: 'lst-r',
        jurisdiction: 'EU',
        infringementType: 'design',
        status: 'awaiting_counter_notice',
        at,
      },
      tally: {
        day: '2026-03-03',
        counters: ['actions', 'actions|type=design'],
        durations: [],
        distinct: [],
      },
    };
    await m.dynamo.dynamo.send(
      new m.lib.TransactWriteCommand({ TransactItems: [m.outbox.outboxItem(event)] }),
    );
    // The step's delivery, a retried one, and the relay racing them.
    await m.outbox.countOutboxEvent(event);
    await m.outbox.countOutboxEvent(event);
    m.clock.installTimeSource(() => Date.parse('2026-03-04T00:00:00Z'));
    await m.relay.handler();
    await m.outbox.countOutboxEvent(event);

    const totals = await m.counters.readCounterTotals('2026-03-03', '2026-03-03', '2026-03-03');
    expect(totals.counters.get('actions|type=design')).toBe(1);
    expect(await m.outbox.listOutbox(new Date('9999-01-01T00:00:00Z'))).toEqual([]);
  });
});
