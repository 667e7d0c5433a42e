import * as z from 'zod';
import { type CaseRecord, getItem, TransientError } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { keys } from '../adapters/keys.ts';
import { logger } from '../adapters/logger.ts';
import { policy } from '../adapters/policy-source.ts';
import { CnHolidayDataMissing } from '../domain/calendar/cn-holidays.ts';
import type { CounterNotice } from '../domain/counter-notice.ts';
import {
  type CaseDeadlines,
  deadlinesAfterCounterNotice,
  timeoutSecondsUntil,
} from '../domain/deadlines.ts';
import { counterNoticeMode } from '../domain/policy.ts';
import type { CounterNoticeForwardedFacts } from '../messages/templates/counter-notice-forwarded.ts';
import { loadCase, WORKFLOW_ACTOR, withdrawalRequested } from './lib/context.ts';
import { listingOf, notifyRightsHolder } from './lib/notify.ts';
import { once } from './lib/once.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const input = taskInput({ step: z.literal('counter_notice_received') });

type CounterNoticeItem = CounterNotice & { receivedAt: string };

/**
 * Resolves a counter-notice by the case's counter-notice mode (in the window, or late in a
 * follow-up execution).
 * - Statutory timer (US copyright, CN): forward the counter-notice to the rights holder (17 U.S.C.
 *   §512(g)(2)(B); E-Commerce Law Art 43), then compute once when the listing is restored unless
 *   a court action (or, in CN, an authority complaint) is reported: US from the receipt; CN from
 *   the moment the forwarded declaration was accepted for delivery (Civil Code Art 137), which is
 *   only known once the mail service answered. The timeline says `counter_notice_forwarded` only
 *   after that. A CN deadline past the last year of published holidays is refused (the case parks
 *   for operators, with an alarm), never guessed.
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
  const counterNotice = await recordedCounterNotice(caseId);
  const receivedAt = new Date(counterNotice.receivedAt);
  const mode =
    record.counterNoticeMode ??
    counterNoticeMode(record.jurisdiction, record.infringementType, policy);

  if (mode === 're_review') {
    const deadlines = record.deadlines.reReviewDueAt
      ? record.deadlines
      : {
          ...record.deadlines,
          ...deadlinesAfterCounterNotice(
            {
              jurisdiction: record.jurisdiction,
              infringementType: record.infringementType,
              receivedAt,
            },
            policy,
          ).deadlines,
        };
    await once(() =>
      applyWorkflowStep(caseId, {
        stepKey: 'counter_notice_resolution',
        at: now.toISOString(),
        set: { counterNoticeMode: mode, deadlines },
      }),
    );
    // An own-initiative case has no notifier: the owner of the right is not a party to it.
    if (record.source !== 'own_initiative')
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
      mode,
      waitSeconds: timeoutSecondsUntil(deadlines.reReviewDueAt!, now),
    };
  }

  // US: the clock runs from the receipt, so the deadlines are known before forwarding and the
  // rights holder is told them. CN: from the forwarding's acceptance for delivery.
  const usDeadlines =
    record.jurisdiction === 'US' ? statutoryDeadlines(record, receivedAt, receivedAt) : undefined;
  const sent = await notifyRightsHolder(record, {
    step: 'counter_notice_forwarded',
    template: 'counter_notice_forwarded',
    message: {
      kind: 'counter_notice_forwarded',
      facts: forwardedFacts(record, counterNotice, usDeadlines),
    },
  });
  const acceptedAt = new Date(sent?.acceptedAt ?? now.toISOString());
  const deadlines = record.deadlines.courtActionDueAt
    ? record.deadlines
    : (usDeadlines ?? statutoryDeadlines(record, receivedAt, acceptedAt));
  await once(() =>
    applyWorkflowStep(caseId, {
      stepKey: 'counter_notice_resolution',
      at: now.toISOString(),
      set: { counterNoticeMode: mode, deadlines },
      event: {
        type: 'counter_notice_forwarded',
        actor: WORKFLOW_ACTOR,
        detail: {
          ...(record.jurisdiction === 'CN'
            ? { acceptedForDeliveryAt: acceptedAt.toISOString() }
            : {}),
          restoreNotBefore: deadlines.restoreNotBefore,
          courtActionDueAt: deadlines.courtActionDueAt,
        },
      },
    }),
  );
  return {
    next: 'await_court_action',
    mode,
    waitSeconds: timeoutSecondsUntil(
      deadlines.restoreNotBefore ?? deadlines.courtActionDueAt!,
      now,
    ),
  };
}

/** The statutory deadlines of the case, with the case's other deadlines kept. */
function statutoryDeadlines(
  record: CaseRecord,
  receivedAt: Date,
  forwardedAt: Date,
): CaseDeadlines {
  try {
    return {
      ...record.deadlines,
      ...deadlinesAfterCounterNotice(
        {
          jurisdiction: record.jurisdiction,
          infringementType: record.infringementType,
          receivedAt,
          forwardedAt,
        },
        policy,
      ).deadlines,
    };
  } catch (error) {
    if (error instanceof CnHolidayDataMissing) {
      logger.error('CN deadline past the published holiday data: case parked', {
        caseId: record.caseId,
        year: error.year,
        alarm: 'CnHolidayDataMissing',
      });
    }
    throw error;
  }
}

/**
 * The counter-notice as the law forwards it: the seller's statement, identity and contact, the
 * evidence (downloadable on the case page), and per jurisdiction what the seller declared: the
 * §512(g)(3) statements for US copyright; for CN no signature or perjury wording is claimed.
 */
function forwardedFacts(
  record: CaseRecord,
  counterNotice: CounterNoticeItem,
  deadlines: CaseDeadlines | undefined,
): CounterNoticeForwardedFacts {
  const us = record.jurisdiction === 'US';
  return {
    caseId: record.caseId,
    listing: listingOf(record),
    jurisdiction: record.jurisdiction,
    counterNotice: {
      receivedAt: counterNotice.receivedAt,
      statement: counterNotice.statement,
      contact: counterNotice.contact ?? {},
      ...(us && counterNotice.signature ? { signature: counterNotice.signature } : {}),
      ...(us
        ? {
            statutory: {
              underPenaltyOfPerjury: counterNotice.underPenaltyOfPerjury === true,
              consentToJurisdiction: counterNotice.consentToJurisdiction === true,
              ...(counterNotice.district ? { district: counterNotice.district } : {}),
              serviceProviderDistrict: counterNotice.serviceProviderDistrict === true,
              acceptServiceOfProcess: counterNotice.acceptServiceOfProcess === true,
              ...(counterNotice.material ? { material: counterNotice.material } : {}),
            },
          }
        : {}),
      evidenceCount: counterNotice.evidenceIds?.length ?? 0,
    },
    ...(deadlines?.restoreNotBefore ? { restoreNotBefore: deadlines.restoreNotBefore } : {}),
    ...(deadlines?.courtActionDueAt ? { courtActionDueAt: deadlines.courtActionDueAt } : {}),
  };
}

/**
 * The counter-notice. The API writes it before it resumes the workflow (in the window: with its
 * claim on the wait; late: with the follow-up), so it is there; if it is not, the step fails with a
 * TransientError and its retry reads again, rather than forwarding nothing.
 */
async function recordedCounterNotice(caseId: string): Promise<CounterNoticeItem> {
  const item = await getItem<CounterNoticeItem>(keys.counterNotice(caseId));
  if (item) return item;
  throw new TransientError(`the counter-notice of case ${caseId} is not recorded`);
}
