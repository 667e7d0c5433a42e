import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../../local/cloud.ts';
import { noticeBody } from '../../support/api.ts';
import { startTestCloud } from '../../support/cloud.ts';
import { call, demoToken } from './support.ts';

let cloud: LocalCloud;
let acme: string;
let reviewer: string;
let admin: string;
let standingStore: typeof import('../../../functions/adapters/notifier-standing.ts');
let misuse: typeof import('../../../functions/use-cases/notifier-misuse.ts');

const faults = (body: Record<string, number>) =>
  fetch(`${cloud.url}/_local/dynamodb/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  cloud = await startTestCloud();
  acme = await demoToken(cloud, 'acme-brand');
  reviewer = await demoToken(cloud, 'reviewer');
  admin = await demoToken(cloud, 'admin');
  standingStore = await import('../../../functions/adapters/notifier-standing.ts');
  misuse = await import('../../../functions/use-cases/notifier-misuse.ts');
});

afterAll(async () => {
  await cloud?.stop();
});

describe('Notifier accuracy, kept as outcomes happen', () => {
  it('50 concurrent outcomes for one notifier, under transaction conflicts, give the exact accuracy', async () => {
    // Arrange
    const rightsHolderId = `rh-concurrent-${process.pid}`;
    const at = new Date(cloud.clock.now()).toISOString();
    await faults({ transactionConflictRate: 0.3 });

    // Act: 45 upheld, 5 rejected, all at once; then 5 of the upheld restored, also at once.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        standingStore.recordNotifierOutcome({
          rightsHolderId,
          caseId: `case-${i}`,
          outcome: i < 45 ? 'upheld' : 'rejected',
          at,
        }),
      ),
    );
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        standingStore.recordNotifierOutcome({
          rightsHolderId,
          caseId: `case-${i}`,
          outcome: 'restored',
          at,
        }),
      ),
    );
    // A retried step counts once.
    await standingStore.recordNotifierOutcome({
      rightsHolderId,
      caseId: 'case-49',
      outcome: 'rejected',
      at,
    });
    await faults({ transactionConflictRate: 0 });
    const { accuracyOf } = await import('../../../functions/domain/standing.ts');
    const accuracy = accuracyOf(
      await standingStore.windowBuckets(rightsHolderId, new Date(cloud.clock.now())),
    );

    // Assert
    expect(accuracy).toMatchObject({ decided: 50, upheld: 40, rejected: 5, restored: 5 });
    expect(accuracy.accuracy).toBe(0.8);
  });

  it('opens the fast lane at 90% over 20 decided listings, and shuts it for the lockout on falling below', async () => {
    // Arrange
    const rightsHolderId = `rh-lane-${process.pid}`;
    const at = new Date(cloud.clock.now()).toISOString();
    const outcome = (i: number, result: 'upheld' | 'rejected') =>
      standingStore.recordNotifierOutcome({
        rightsHolderId,
        caseId: `c-${i}`,
        outcome: result,
        at,
      });

    // Act / Assert: 19 decided is one below the minimum.
    for (let i = 0; i < 16; i++) await outcome(i, 'upheld');
    await outcome(16, 'rejected');
    await outcome(17, 'rejected');
    expect((await outcome(18, 'upheld'))?.open).toBe(false);
    expect((await outcome(19, 'upheld'))?.open).toBe(true); // 18/20 = 90%, exactly at the bar
    const lost = await outcome(20, 'rejected'); // 18/21 < 90%
    expect(lost).toMatchObject({ open: false, transition: 'lost' });
    for (let i = 21; i < 40; i++) await outcome(i, 'upheld'); // back above the bar
    expect(
      (await standingStore.refreshFastLane(rightsHolderId, new Date(cloud.clock.now()))).open,
    ).toBe(false);
    const events = await standingStore.listStandingEvents(rightsHolderId);
    expect(events.map((e) => e.type).sort()).toEqual(['fast_lane_lost', 'fast_lane_opened']);
  });
});

describe('Trusted flaggers (DSA Art 22)', () => {
  it('records a coordinator’s award and its revocation, admin only', async () => {
    // Act
    const byReviewer = await call(
      cloud,
      'POST',
      '/v1/rights-holders/rh-acme/trusted-flagger',
      reviewer,
      {
        status: 'granted',
        coordinator: 'Coimisiún na Meán',
        reference: 'TF-2026-017',
        areas: ['counterfeits'],
      },
    );
    const granted = await call(cloud, 'POST', '/v1/rights-holders/rh-acme/trusted-flagger', admin, {
      status: 'granted',
      coordinator: 'Coimisiún na Meán',
      reference: 'TF-2026-017',
      areas: ['counterfeits'],
    });
    const during = await call(cloud, 'GET', '/v1/rights-holders/rh-acme', reviewer);
    // Its notices go to the priority queue, with the priority SLA (policy: 4 hours).
    const filed = await call(cloud, 'POST', '/v1/notices', acme, noticeBody(['lst-s2-001']), {
      'idempotency-key': `trusted-${process.pid}`,
    });
    await cloud.settled();
    const caseId = filed.body.cases[0].caseId as string;
    const queue = await call(cloud, 'GET', '/v1/review-tasks?queue=priority', reviewer);
    const task = queue.body.items.find((item: { caseId?: string }) => item.caseId === caseId);
    expect(Date.parse(task.dueAt) - Date.parse(task.createdAt)).toBe(4 * 3600_000);
    const revoked = await call(cloud, 'POST', '/v1/rights-holders/rh-acme/trusted-flagger', admin, {
      status: 'revoked',
      coordinator: 'Coimisiún na Meán',
      reference: 'TF-2026-017-R',
      areas: [],
    });
    const after = await call(cloud, 'GET', '/v1/rights-holders/rh-acme', reviewer);

    // Assert
    expect([byReviewer.status, granted.status, revoked.status]).toEqual([403, 200, 200]);
    expect(during.body.standing.trustedFlagger).toMatchObject({ reference: 'TF-2026-017' });
    expect(after.body.standing.trustedFlagger).toBeUndefined();
    const types = after.body.standing.events.map((e: { type: string }) => e.type);
    expect(types).toContain('trusted_flagger_granted');
    expect(types).toContain('trusted_flagger_revoked');
  });
});

describe('Misuse (DSA Art 23(2)) over HTTP', () => {
  it('warns at the threshold, opens a standing review at the next, and a confirmed suspension stops new notices with 422', async () => {
    // Arrange: five manifestly unfounded notices, then five more.
    const at = () => new Date(cloud.clock.now()).toISOString();
    const steps: string[] = [];
    for (let i = 0; i < 10; i++) {
      steps.push(
        await misuse.recordUnfoundedNotice({
          rightsHolderId: 'rh-acme',
          noticeId: `ntc-unfounded-${i}`,
          caseId: `case-unfounded-${i}`,
          at: at(),
        }),
      );
    }
    const again = await misuse.recordUnfoundedNotice({
      rightsHolderId: 'rh-acme',
      noticeId: 'ntc-unfounded-0',
      caseId: 'case-unfounded-0',
      at: at(),
    });

    // Assert the steps
    expect(steps[4]).toBe('warned');
    expect(steps[9]).toBe('review_opened');
    expect(again).toBe('already_counted');
    const queue = await call(cloud, 'GET', '/v1/review-tasks?queue=standing', reviewer);
    expect(queue.body.items[0]).toMatchObject({
      taskId: 'misuse-review:rh-acme:1',
      kind: 'misuse_review',
      subjectId: 'rh-acme',
    });

    // Act: the reviewer suspends
    const decided = await call(
      cloud,
      'POST',
      '/v1/rights-holders/rh-acme/misuse-decision',
      reviewer,
      {
        decision: 'suspend',
        reasonCode: 'frequent_manifestly_unfounded_notices',
        reasons: 'Ten notices against listings of goods you do not make, after a warning.',
        note: 'Internal: competitor of the sellers.',
      },
    );
    const second = await call(
      cloud,
      'POST',
      '/v1/rights-holders/rh-acme/misuse-decision',
      reviewer,
      {
        decision: 'no_action',
        reasonCode: 'errors_in_good_faith',
        reasons: 'x',
      },
    );
    const filed = await call(cloud, 'POST', '/v1/notices', acme, noticeBody(['lst-s1-001']), {
      'idempotency-key': `suspended-${process.pid}`,
    });
    const me = await call(cloud, 'GET', '/v1/rights-holders/me', acme);

    // Assert
    expect(decided.status).toBe(200);
    expect(second.status).toBe(409);
    expect(filed.status).toBe(422);
    expect(JSON.stringify(filed.body)).toContain(decided.body.suspendedUntil);
    expect(me.body.standing.misuse).toMatchObject({
      warnedAt: expect.any(String),
      suspendedUntil: decided.body.suspendedUntil,
      reviewOpen: false,
    });
    // The virtual clock stands still here: events of one instant sort by type.
    const events = me.body.standing.events as { type: string; actor: unknown }[];
    expect(events.map((e) => e.type).filter((type) => !type.startsWith('trusted'))).toHaveLength(3);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['misuse_review_opened', 'misuse_warned', 'notices_suspended']),
    );
    // The party sees the reviewer as a role, never its id or the internal note.
    expect(events.find((e) => e.type === 'notices_suspended')?.actor).toEqual({ role: 'reviewer' });
    expect(JSON.stringify(me.body)).not.toContain('Internal: competitor');
    // The transparency report counts the Art 23(2) suspension, once (the second decision is a 409).
    const day = new Date(cloud.clock.now()).toISOString().slice(0, 10);
    const report = await call(cloud, 'GET', `/v1/transparency/report?from=${day}&to=${day}`, admin);
    expect(report.body.suspensions).toMatchObject({ notifiers: 1 });
  });
});
