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

/**
 * The counter-notice. The API writes it together with its claim on the wait, before it resumes
 * the workflow (use-cases/answer-pending-task.ts, `prepare`), so it is there; if it is not, the
 * step fails with a TransientError and its retry reads again, rather than forwarding nothing.
 */
async function recordedCounterNotice(caseId: string): Promise<CounterNoticeItem> {
  const item = await getItem<CounterNoticeItem>(keys.counterNotice(caseId));
  if (item) return item;
  throw new TransientError(`the counter-notice of case ${caseId} is not recorded`);
}
