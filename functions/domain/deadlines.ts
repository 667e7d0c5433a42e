import { endOfCnCalendarPeriod } from './calendar/cn-calendar-days.ts';
import { addUsBusinessDays, endOfUsBusinessDay } from './calendar/us-business-days.ts';
import { addDuration } from './duration.ts';
import { type CounterNoticeMode, counterNoticeMode, type Policy } from './policy.ts';
import type { InfringementType, Jurisdiction } from './vocabulary.ts';

/** The keys of a case's `deadlines` (API.md). */
export const DEADLINE_KEYS = [
  'reviewDueAt',
  'infoDueAt',
  'counterNoticeDueAt',
  'restoreNotBefore',
  'restoreBy',
  'courtActionDueAt',
  'reReviewDueAt',
] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** A case's deadlines as stored and shown: ISO 8601 instants, present while they apply. */
export type CaseDeadlines = Partial<Record<DeadlineKey, string>>;

const iso = (date: Date): string => date.toISOString();

/** When the first review is due (the SLA before escalation), from when it was requested. */
export function reviewDeadline(
  requestedAt: Date,
  jurisdiction: Jurisdiction,
  policy: Policy,
): { reviewDueAt: string } {
  return { reviewDueAt: iso(addDuration(requestedAt, policy.profiles[jurisdiction].reviewSla)) };
}

/**
 * When an escalated review is due, from the escalation. It replaces `reviewDueAt`: the case
 * is still awaiting a review, now in the senior queue.
 */
export function escalatedReviewDeadline(
  escalatedAt: Date,
  jurisdiction: Jurisdiction,
  policy: Policy,
): { reviewDueAt: string } {
  const sla = policy.profiles[jurisdiction].escalatedReviewSla;
  return { reviewDueAt: iso(addDuration(escalatedAt, sla)) };
}

/** When requested information is due; after it the case is `abandoned`. */
export function infoDeadline(
  requestedAt: Date,
  jurisdiction: Jurisdiction,
  policy: Policy,
): { infoDueAt: string } {
  const window = policy.profiles[jurisdiction].requestInfoWindow;
  return { infoDueAt: iso(addDuration(requestedAt, window)) };
}

/** The end of the counter-notice window, counted from the seller notice. */
export function counterNoticeDeadline(
  sellerNotifiedAt: Date,
  jurisdiction: Jurisdiction,
  policy: Policy,
): { counterNoticeDueAt: string } {
  const window = policy.profiles[jurisdiction].counterNoticeWindow;
  return { counterNoticeDueAt: iso(addDuration(sellerNotifiedAt, window)) };
}

/** When a re-review (re_review mode) is due, from the counter-notice. */
export function reReviewDeadline(
  counterNoticeReceivedAt: Date,
  jurisdiction: Jurisdiction,
  policy: Policy,
): { reReviewDueAt: string } {
  const sla = policy.profiles[jurisdiction].reReviewSla;
  return { reReviewDueAt: iso(addDuration(counterNoticeReceivedAt, sla)) };
}

/**
 * The US copyright restore window after a counter-notice (17 U.S.C. §512(g)(2)(C)): the
 * material is replaced "not less than 10, nor more than 14, business days following receipt".
 * The day of receipt does not count, and ten full business days must have passed:
 * - `restoreNotBefore`: 00:00 America/New_York at the start of the 11th business day after
 *   receipt (the end of the 10th);
 * - `restoreBy`: the end of the 14th business day (00:00 New York of the next calendar day);
 * - `courtActionDueAt` = `restoreNotBefore`: the service restores from then on, but a court
 *   action reported before the listing is actually restored still keeps it down.
 */
export function usCopyrightRestoreDeadlines(
  counterNoticeReceivedAt: Date,
  policy: Policy,
): { restoreNotBefore: string; restoreBy: string; courtActionDueAt: string } {
  const rule = policy.profiles.US.copyrightRestore;
  const options = { extraClosures: rule.extraClosures };
  const notBefore = iso(
    addUsBusinessDays(counterNoticeReceivedAt, rule.notBeforeBusinessDays + 1, options),
  );
  return {
    restoreNotBefore: notBefore,
    restoreBy: iso(
      endOfUsBusinessDay(counterNoticeReceivedAt, rule.restoreByBusinessDays, options),
    ),
    courtActionDueAt: notBefore,
  };
}

/**
 * The CN deadline for the rights holder to report a complaint to an authority or a lawsuit:
 * 15 days after the declaration reaches it (E-Commerce Law Art 43), counted from when the
 * service's forwarding was accepted for delivery (an electronic message arrives when it enters
 * the recipient's system, Civil Code Art 137). With `counting: 'civil_code'` (the default) the period
 * ends at 24:00 Beijing time of the 15th day after the forwarding day (Civil Code Arts 201,
 * 203); with `'elapsed'` it is exactly 15 × 24 h. The listing may be restored from then on,
 * so `restoreNotBefore` equals `courtActionDueAt`.
 */
export function cnCourtActionDeadline(
  forwardedAt: Date,
  policy: Policy,
): { courtActionDueAt: string; restoreNotBefore: string } {
  const window = policy.profiles.CN.courtActionWindow;
  const dueAt =
    window.counting === 'civil_code'
      ? endOfCnCalendarPeriod(
          forwardedAt,
          window.calendarDays,
          window.restDays,
          window.publishedYears,
        )
      : new Date(forwardedAt.getTime() + window.calendarDays * 86_400_000);
  return { courtActionDueAt: iso(dueAt), restoreNotBefore: iso(dueAt) };
}

/** What a received counter-notice leads to, with the deadlines to store on the case. */
export interface CounterNoticeResolution {
  mode: CounterNoticeMode;
  deadlines: CaseDeadlines;
}

/**
 * The deadlines that apply once a counter-notice is received, by the case's counter-notice
 * mode. For a statutory timer, `forwardedAt` is when the service forwarded the counter-notice
 * to the rights holder (CN counts from it; it defaults to `receivedAt`).
 */
export function deadlinesAfterCounterNotice(
  input: {
    jurisdiction: Jurisdiction;
    infringementType: InfringementType;
    receivedAt: Date;
    forwardedAt?: Date;
  },
  policy: Policy,
): CounterNoticeResolution {
  const mode = counterNoticeMode(input.jurisdiction, input.infringementType, policy);
  if (mode === 're_review') {
    return { mode, deadlines: reReviewDeadline(input.receivedAt, input.jurisdiction, policy) };
  }
  if (input.jurisdiction === 'US') {
    return { mode, deadlines: usCopyrightRestoreDeadlines(input.receivedAt, policy) };
  }
  if (input.jurisdiction === 'CN') {
    return {
      mode,
      deadlines: cnCourtActionDeadline(input.forwardedAt ?? input.receivedAt, policy),
    };
  }
  throw new RangeError(`No statutory timer is defined for ${input.jurisdiction}`);
}

/**
 * Whole seconds from `now` until `dueAt`, for `TimeoutSecondsPath` (an integer ≥ 1). A
 * deadline already passed gives 1, so the timer fires at once instead of failing the state.
 */
export function timeoutSecondsUntil(dueAt: string | Date, now: Date): number {
  const due = typeof dueAt === 'string' ? new Date(dueAt) : dueAt;
  if (Number.isNaN(due.getTime())) throw new RangeError(`Not an instant: ${String(dueAt)}`);
  return Math.max(1, Math.ceil((due.getTime() - now.getTime()) / 1000));
}
