import type { InfringementType, Jurisdiction } from './vocabulary.ts';

/**
 * What a domain event counts toward the transparency report (DSA Arts 15(1)(b), 24(1); the seed's
 * yearly table). Pure: a tally is computed from the event when the event is written (to the
 * domain-event outbox, in the transaction of the change it reports), and the counters adapter
 * (adapters/transparency-counters.ts) adds it once, however often the event is delivered. A report
 * then adds day counters up; it never reads cases.
 *
 * Counter names are `<metric>` and `<metric>|<dimension>=<value>`: a metric's per-dimension
 * counters each add up to the metric.
 */

/** How a notice reached the platform (the Transparency Database's `source_type`). */
export type CountedSource = 'notice' | 'trusted_flagger' | 'own_initiative';
export const COUNTED_SOURCES = ['notice', 'trusted_flagger', 'own_initiative'] as const;

/** Durations kept as mergeable sketches (functions/domain/duration-sketch.ts). */
export type DurationMetric = 'time_to_act' | 'appeal_handling';

/** What one event adds: ids and codes only. */
export interface Tally {
  /** The UTC day the counters belong to. */
  day: string;
  counters: string[];
  durations: { metric: DurationMetric; seconds: number }[];
  /** Counted once per calendar year however many events see them (the seed's table). */
  distinct: { metric: 'notices' | 'sellers'; id: string }[];
  /** A new strike of a seller (the re-offence cohort: its first warning, or a re-offence). */
  strike?: { sellerId: string; strikeId: string; warning: boolean };
}

/** A case's status change with the dimensions it is counted by (the `CaseStatusChanged` event). */
export interface CountedStatusChange {
  caseId: string;
  noticeId: string;
  jurisdiction: Jurisdiction;
  infringementType: InfringementType;
  source: CountedSource;
  /** Detected by automated means (a proactive screening verdict), DSA Art 15(1)(b). */
  automated: boolean;
  sellerId?: string;
  /** When the notice was received (the start of the time to act). */
  receivedAt: string;
  previousStatus: string;
  status: string;
  at: string;
}

const day = (at: string) => at.slice(0, 10);

const seconds = (from: string, to: string) =>
  Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

const REVIEW = ['awaiting_review', 'escalated_review'];

/** The dimensions of a dimensional metric. */
export function dimensional(metric: string, event: CountedStatusChange): string[] {
  return [
    metric,
    `${metric}|jurisdiction=${event.jurisdiction}`,
    `${metric}|type=${event.infringementType}`,
    `${metric}|source=${event.source}`,
    `${metric}|automated=${event.automated ? 'yes' : 'no'}`,
  ];
}

/**
 * What a status change counts, or null. Every case leaves `screening` exactly once (received);
 * a takedown completes when the case moves from `taking_down` to the counter-notice wait (an
 * action, timed from receipt); a counter-notice moves the wait on, and its outcome closes it.
 */
export function tallyStatusChange(event: CountedStatusChange): Tally | null {
  const tally: Tally = { day: day(event.at), counters: [], durations: [], distinct: [] };
  const { previousStatus: from, status: to } = event;
  if (from === 'screening') {
    tally.day = day(event.receivedAt);
    tally.counters.push(...dimensional('received', event));
    tally.distinct.push({ metric: 'notices', id: event.noticeId });
    if (to === 'rejected') tally.counters.push('screening_rejected');
    if (to === 'duplicate') tally.counters.push('duplicates');
  }
  if (REVIEW.includes(from) && to === 'taking_down')
    tally.counters.push(
      'decisions|decision=approve',
      `decisions|jurisdiction=${event.jurisdiction}`,
    );
  if (REVIEW.includes(from) && to === 'rejected')
    tally.counters.push(
      'decisions|decision=reject',
      `decisions|jurisdiction=${event.jurisdiction}`,
    );
  if (from === 'taking_down' && to === 'awaiting_counter_notice') {
    tally.counters.push(...dimensional('actions', event));
    tally.durations.push({ metric: 'time_to_act', seconds: seconds(event.receivedAt, event.at) });
    if (event.sellerId) tally.distinct.push({ metric: 'sellers', id: event.sellerId });
  }
  const timely = from === 'awaiting_counter_notice';
  if ((timely || from === 'upheld') && ['awaiting_court_action', 'awaiting_re_review'].includes(to))
    tally.counters.push(
      'counter_notices',
      `counter_notices|jurisdiction=${event.jurisdiction}`,
      `counter_notices|late=${timely ? 'no' : 'yes'}`,
    );
  if (from === 'awaiting_court_action' || from === 'awaiting_re_review') {
    const outcome = {
      restored: 'restored',
      upheld: 'upheld',
      upheld_pending_court: 'upheld_pending_court',
    }[to];
    if (outcome) tally.counters.push(`counter_notice_outcomes|outcome=${outcome}`);
  }
  if (to === 'restored') tally.counters.push('restored');
  if (to === 'withdrawn') tally.counters.push('withdrawn');
  return tally.counters.length > 0 ? tally : null;
}

/** A new strike (not one attached to its notice's strike): the re-offence cohort's input. */
export function tallyStrike(input: {
  sellerId: string;
  strikeId: string;
  measure: string;
  at: string;
}): Tally {
  const warning = input.measure === 'warning';
  return {
    day: day(input.at),
    counters: ['strikes', ...(warning ? ['warnings'] : [])],
    durations: [],
    distinct: [],
    strike: { sellerId: input.sellerId, strikeId: input.strikeId, warning },
  };
}

/** An appeal filed (DSA Art 20), by the appellant's side. */
export function tallyAppealFiled(role: 'seller' | 'rights-holder', at: string): Tally {
  return {
    day: day(at),
    counters: ['appeals_filed', `appeals_filed|appellant=${role}`],
    durations: [],
    distinct: [],
  };
}

/** An appeal decided, with its handling time from filing. */
export function tallyAppealDecided(
  decision: 'uphold' | 'dismiss',
  filedAt: string,
  at: string,
): Tally {
  return {
    day: day(at),
    counters: [`appeals_decided|outcome=${decision === 'uphold' ? 'upheld' : 'dismissed'}`],
    durations: [{ metric: 'appeal_handling', seconds: seconds(filedAt, at) }],
    distinct: [],
  };
}

/** An Art 23 suspension: of a seller (23(1); a termination too), or of a notifier's notices (23(2)). */
export function tallySuspension(
  subject: 'seller' | 'notifier',
  measure: 'suspended' | 'terminated',
  at: string,
): Tally {
  return {
    day: day(at),
    counters: [`suspensions|subject=${subject}`, `suspensions|${subject}=${measure}`],
    durations: [],
    distinct: [],
  };
}
