import { type DurationBuckets, quantileSeconds, RELATIVE_ACCURACY } from './duration-sketch.ts';
import { INFRINGEMENT_TYPES, JURISDICTIONS } from './vocabulary.ts';

/** Counters added up over a period (from the adapter), as plain data. */
export interface PeriodTotals {
  counters: ReadonlyMap<string, number>;
  /** The counters of the period's first half (the re-offence cohort). */
  firstHalf: ReadonlyMap<string, number>;
  durations: { time_to_act: DurationBuckets; appeal_handling: DurationBuckets };
}

const SOURCES = ['notice', 'trusted_flagger', 'own_initiative'] as const;

/** The DSA Transparency Database's names of the sources (DSA Art 15(1)(b)). */
const SOURCE_NAMES: Record<(typeof SOURCES)[number], string> = {
  notice: 'SOURCE_ARTICLE_16',
  trusted_flagger: 'SOURCE_TRUSTED_FLAGGER',
  own_initiative: 'SOURCE_VOLUNTARY',
};

/**
 * The longest period a report covers. A year is what the seed publishes and what Art 24(1)
 * asks every six months; more would be more than one report.
 */
export const MAX_REPORT_DAYS = 366;

/** The middle day of a period: the re-offence cohort is the sellers first warned before it. */
export function splitDay(from: string, to: string): string {
  const mid = (Date.parse(from) + Date.parse(`${to}T23:59:59Z`)) / 2;
  return new Date(mid).toISOString().slice(0, 10);
}

function byDimension<K extends string>(
  counters: ReadonlyMap<string, number>,
  metric: string,
  dimension: string,
  values: readonly K[],
): Record<K, number> {
  return Object.fromEntries(
    values.map((value) => [value, counters.get(`${metric}|${dimension}=${value}`) ?? 0]),
  ) as Record<K, number>;
}

const share = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

const hours = (seconds: number | null) =>
  seconds === null ? null : Math.round((seconds / 3600) * 100) / 100;

/**
 * The transparency report of a period: the seed's yearly table, the DSA Art 15(1)(b) and 24(1)
 * figures, and the re-offence rate of the sellers first warned in the period's first half.
 * Medians come from mergeable sketches and are within ±`sketchRelativeAccuracy` of the exact value.
 */
export function transparencyReport(period: { from: string; to: string }, totals: PeriodTotals) {
  const c = totals.counters;
  const n = (name: string) => c.get(name) ?? 0;
  const actions = n('actions');
  const automated = n('actions|automated=yes');
  const warned = totals.firstHalf.get('cohort_warned') ?? 0;
  const reoffended = totals.firstHalf.get('cohort_reoffended') ?? 0;
  const medianToAct = quantileSeconds(totals.durations.time_to_act, 0.5);
  const medianAppeal = quantileSeconds(totals.durations.appeal_handling, 0.5);
  return {
    period,
    seedTable: {
      complaintsReceived: n('notices'),
      listingsRemoved: actions,
      sellersInvolved: n('sellers'),
    },
    notices: {
      listingsReceived: n('received'),
      byType: byDimension(c, 'received', 'type', INFRINGEMENT_TYPES),
      bySource: Object.fromEntries(
        SOURCES.map((source) => [SOURCE_NAMES[source], n(`received|source=${source}`)]),
      ),
      byJurisdiction: byDimension(c, 'received', 'jurisdiction', JURISDICTIONS),
      screeningRejected: n('screening_rejected'),
      duplicates: n('duplicates'),
    },
    decisions: {
      approved: n('decisions|decision=approve'),
      rejected: n('decisions|decision=reject'),
    },
    actions: {
      listingsDisabled: actions,
      byType: byDimension(c, 'actions', 'type', INFRINGEMENT_TYPES),
      bySource: Object.fromEntries(
        SOURCES.map((source) => [SOURCE_NAMES[source], n(`actions|source=${source}`)]),
      ),
      byJurisdiction: byDimension(c, 'actions', 'jurisdiction', JURISDICTIONS),
      automated,
      automatedShare: share(automated, actions),
      medianTimeToActSeconds: medianToAct === null ? null : Math.round(medianToAct),
      medianTimeToActHours: hours(medianToAct),
      sketchRelativeAccuracy: RELATIVE_ACCURACY,
    },
    counterNotices: {
      received: n('counter_notices'),
      late: n('counter_notices|late=yes'),
      byJurisdiction: byDimension(c, 'counter_notices', 'jurisdiction', JURISDICTIONS),
      outcomes: {
        restored: n('counter_notice_outcomes|outcome=restored'),
        upheld: n('counter_notice_outcomes|outcome=upheld'),
        upheldPendingCourt: n('counter_notice_outcomes|outcome=upheld_pending_court'),
      },
    },
    appeals: {
      filed: n('appeals_filed'),
      bySellers: n('appeals_filed|appellant=seller'),
      byNotifiers: n('appeals_filed|appellant=rights-holder'),
      upheld: n('appeals_decided|outcome=upheld'),
      dismissed: n('appeals_decided|outcome=dismissed'),
      medianHandlingSeconds: medianAppeal === null ? null : Math.round(medianAppeal),
      medianHandlingHours: hours(medianAppeal),
    },
    suspensions: {
      sellers: n('suspensions|subject=seller'),
      notifiers: n('suspensions|subject=notifier'),
    },
    restored: n('restored'),
    withdrawn: n('withdrawn'),
    reoffence: {
      cohort: { from: period.from, before: splitDay(period.from, period.to) },
      windowDays: 183,
      warnedSellers: warned,
      reoffended,
      rate: share(reoffended, warned),
      stoppedAfterWarning: warned === 0 ? null : share(warned - reoffended, warned),
    },
  };
}

export type TransparencyReport = ReturnType<typeof transparencyReport>;

/** The report as CSV rows `section,metric,value`, nested fields joined with dots (RFC 4180). */
export function reportCsv(report: TransparencyReport): string {
  const rows: string[] = ['section,metric,value'];
  const walk = (section: string, prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value))
        walk(section, prefix ? `${prefix}.${key}` : key, inner);
      return;
    }
    rows.push([section, prefix, value === null ? '' : String(value)].map(csvField).join(','));
  };
  for (const [section, value] of Object.entries(report)) walk(section, '', value);
  return `${rows.join('\r\n')}\r\n`;
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
