import * as z from 'zod';
import { getItem, TransientError } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { keys } from '../adapters/keys.ts';
import { policy } from '../adapters/policy-source.ts';
import { deadlinesAfterCounterNotice, timeoutSecondsUntil } from '../domain/deadlines.ts';
import { loadCase, WORKFLOW_ACTOR, withdrawalRequested } from './lib/context.ts';
import { listingOf, notifyRightsHolder } from './lib/notify.ts';
import { once } from './lib/once.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const input = taskInput({ step: z.literal('counter_notice_received') });

interface CounterNoticeItem {
  receivedAt: string;
  statement: string;
  contact: { name: string; address: string; phone: string; email: string };
  signature?: { fullName: string; signedAt: string };
  evidenceIds: string[];
}

/**
 * Resolves a counter-notice by the case's counter-notice mode.
 * - Statutory timer (US copyright, CN): forward the counter-notice to the rights holder (17 U.S.C.
 *   §512(g)(2)(B); E-Commerce Law Art 43), and compute once, from the receipt (US) or the
 *   forwarding (CN), when the listing is restored unless a court action is reported.
 * - Re-review (EU, US non-copyright): a reviewer re-decides, within the re-review SLA.
 */
export async function handler(event: unknown): Promise<{
  next: 'await_court_action' | 're_review' | 'withdraw';
  mode?: string;
  waitSeconds: number;
}> {
  const { caseId } = parseTaskInput(input, event);
  const record = await loadCase(caseId);
  if (withdrawalRequested(record)) return { next: 'withdraw', waitSeconds: 1 };
  const now = clock.now();
  const counterNotice = record.counterNoticeMode
    ? await getItem<CounterNoticeItem>(keys.counterNotice(caseId))
    : await recordedCounterNotice(caseId);
  const receivedAt = new Date(counterNotice?.receivedAt ?? now.toISOString());
  const resolved = record.counterNoticeMode
    ? { mode: record.counterNoticeMode, deadlines: record.deadlines }
    : deadlinesAfterCounterNotice(
        {
          jurisdiction: record.jurisdiction,
          infringementType: record.infringementType,
          receivedAt,
          forwardedAt: now,
        },
        policy,
      );
  const deadlines = { ...record.deadlines, ...resolved.deadlines };
  await once(() =>
    applyWorkflowStep(caseId, {
      stepKey: 'counter_notice_resolution',
      at: now.toISOString(),
      set: { counterNoticeMode: resolved.mode, deadlines },
      ...(resolved.mode === 'statutory_timer'
        ? {
            event: {
              type: 'counter_notice_forwarded' as const,
              actor: WORKFLOW_ACTOR,
              detail: {
                restoreNotBefore: deadlines.restoreNotBefore,
                courtActionDueAt: deadlines.courtActionDueAt,
              },
            },
          }
        : {}),
    }),
  );
  if (resolved.mode === 'statutory_timer') {
    await notifyRightsHolder(record, {
      step: 'counter_notice_forwarded',
      template: 'counter_notice_forwarded',
      message: {
        kind: 'counter_notice_forwarded',
        facts: {
          caseId,
          listing: listingOf(record),
          jurisdiction: record.jurisdiction,
          counterNotice: {
            receivedAt: receivedAt.toISOString(),
            statement: counterNotice?.statement ?? '',
            contact: counterNotice?.contact ?? { name: '', address: '', phone: '', email: '' },
            ...(counterNotice?.signature ? { signature: counterNotice.signature } : {}),
            evidenceCount: counterNotice?.evidenceIds?.length ?? 0,
          },
          ...(deadlines.restoreNotBefore ? { restoreNotBefore: deadlines.restoreNotBefore } : {}),
          courtActionDueAt: deadlines.courtActionDueAt!,
        },
      },
    });
    return {
      next: 'await_court_action',
      mode: resolved.mode,
      waitSeconds: timeoutSecondsUntil(
        deadlines.restoreNotBefore ?? deadlines.courtActionDueAt!,
        now,
      ),
    };
  }
  await notifyRightsHolder(record, {
    step: 'counter_notice_re_review',
    template: 'counter_notice_re_review',
    message: {
      kind: 'counter_notice_re_review',
      facts: {
        caseId,
        listing: listingOf(record),
        ...(deadlines.reReviewDueAt ? { reReviewDueAt: deadlines.reReviewDueAt } : {}),
      },
    },
  });
  return {
    next: 're_review',
    mode: resolved.mode,
    waitSeconds: timeoutSecondsUntil(deadlines.reReviewDueAt!, now),
  };
}

/** How long to wait, in all, for the API to record the counter-notice: it does so within ms. */
const RECORD_WAIT_MS = [50, 100, 200, 400, 800, 1600];

/**
 * The counter-notice, once recorded. The API records it just after it completes the wait, so this
 * step can start first: without it, neither the deadlines (counted from its receipt) nor the copy
 * the law sends the notifier can be made. Waits a moment, then leaves it to the task's retry.
 */
async function recordedCounterNotice(caseId: string): Promise<CounterNoticeItem> {
  for (const pause of [...RECORD_WAIT_MS, 0]) {
    const item = await getItem<CounterNoticeItem>(keys.counterNotice(caseId));
    if (item) return item;
    if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
  }
  throw new TransientError(`the counter-notice of case ${caseId} is not recorded yet`);
}
