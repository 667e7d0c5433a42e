import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  counterNotify,
  newSellerId,
  sellerEmail,
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

/** The workflow's payload of each task, as the state machine sends it. */
const TASKS = {
  'take-down-listing': (caseId: string) => ({ v: 1, caseId, step: 'take_down' }),
  'record-strike': (caseId: string) => ({ v: 1, caseId, step: 'strike' }),
  'apply-seller-measure': (caseId: string) => ({ v: 1, caseId, step: 'measure' }),
  'notify-parties': (caseId: string) => ({ v: 1, caseId, step: 'notify', decision: null }),
} as const;
type Task = keyof typeof TASKS;
const ORDER: Task[] = [
  'take-down-listing',
  'record-strike',
  'apply-seller-measure',
  'notify-parties',
];

/** Invokes a task as the state machine does, retrying a TransientError as its Retry would. */
async function invoke(task: Task, caseId: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await h.cloud.lambda.invoke(task, TASKS[task](caseId));
      return;
    } catch (error) {
      if ((error as Error).name !== 'TransientError' || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

/**
 * A case of a new seller, awaiting review, on which the tasks before `task` have run once: the
 * state the workflow would leave when it reaches `task`. Then `task` runs twice at once, as an
 * at-least-once invocation (a Lambda retried while its first attempt still runs) would.
 */
async function runTwiceConcurrently(task: Task): Promise<{ caseId: string; sellerId: string }> {
  const sellerId = newSellerId();
  const listingId = await h.newListing(sellerId);
  const { caseIds } = await h.file({ listings: [listingId] });
  const caseId = caseIds[0]!;
  for (const before of ORDER.slice(0, ORDER.indexOf(task))) await invoke(before, caseId);
  await Promise.all([invoke(task, caseId), invoke(task, caseId)]);
  return { caseId, sellerId };
}

const count = async (caseId: string, type: string) =>
  (await h.timeline(caseId)).filter((t) => t === type).length;

describe('Workflow tasks run twice concurrently', () => {
  it('take-down: one taken_down event', async () => {
    const { caseId } = await runTwiceConcurrently('take-down-listing');
    expect(await count(caseId, 'taken_down')).toBe(1);
  });

  it('record-strike: one strike and one strike_recorded event', async () => {
    const { caseId, sellerId } = await runTwiceConcurrently('record-strike');
    const { listStrikes } = await sellerStore();
    const strikes = await listStrikes(sellerId);
    expect({ strikes: strikes.length, events: await count(caseId, 'strike_recorded') }).toEqual({
      strikes: 1,
      events: 1,
    });
  });

  it('apply-seller-measure: one seller_measure_applied event', async () => {
    const { caseId, sellerId } = await runTwiceConcurrently('apply-seller-measure');
    expect(await count(caseId, 'seller_measure_applied')).toBe(1);
    expect((await h.seller(sellerId)).status).toBe('warned');
  });

  it('notify-parties: one statement of reasons email and one seller_notified event', async () => {
    const { caseId, sellerId } = await runTwiceConcurrently('notify-parties');
    const emails = (await h.mail(sellerEmail(sellerId))).filter(
      (m) => m.template === 'statement_of_reasons',
    );
    expect({ emails: emails.length, events: await count(caseId, 'seller_notified') }).toEqual({
      emails: 1,
      events: 1,
    });
  });
});

describe('Restore run twice concurrently', () => {
  it('one restored event, one strike revocation and one email to the seller', async () => {
    const { caseId, sellerId } = await takenDownCase(h, {
      ipRightId: 'ipr-acme-cr-us',
      infringementType: 'copyright',
    });
    await counterNotify(h, caseId, sellerId);
    const restore = async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await h.cloud.lambda.invoke('restore-listing', { v: 1, caseId, step: 'restore' });
        } catch (error) {
          if ((error as Error).name !== 'TransientError' || attempt >= 8) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
        }
      }
    };
    await Promise.all([restore(), restore()]);

    const { listStrikes } = await sellerStore();
    const strikes = await listStrikes(sellerId);
    const emails = (await h.mail(sellerEmail(sellerId))).filter(
      (m) => m.template === 'listing_restored',
    );
    expect({
      events: await count(caseId, 'restored'),
      revoked: strikes.filter((s) => s.revokedAt !== undefined).length,
      emails: emails.length,
    }).toEqual({ events: 1, revoked: 1, emails: 1 });
  });
});

describe('Email idempotency', () => {
  it('the same email sent twice at once goes out once, and a later retry finds it sent', async () => {
    const { sendEmailOnce } = await import('../../../functions/adapters/mailer.ts');
    const message = {
      to: 'race@sellers.demo.invalid',
      subject: 'race',
      text: 'Sent once.',
      html: '<p>Sent once.</p>',
      locale: 'en' as const,
      role: 'seller' as const,
      template: 'race',
      idempotencyKey: `race-${randomUUID()}`,
    };
    const results = await Promise.allSettled([sendEmailOnce(message), sendEmailOnce(message)]);
    const sent = results.filter((r) => r.status === 'fulfilled' && r.value.outcome === 'sent');
    expect(sent).toHaveLength(1);
    const again = await sendEmailOnce(message);
    expect(again.outcome).toBe('already_sent');
    // The instant the mail service accepted it is kept, and answered again on a retry.
    expect(again.acceptedAt).toBe(
      (sent[0] as PromiseFulfilledResult<{ acceptedAt?: string }>).value.acceptedAt,
    );
  });
});
