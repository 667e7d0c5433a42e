/**
 * The business metrics, by name: the one list the functions emit (adapters/metrics.ts, namespace
 * `Takedown`, EMF) and the CloudWatch dashboard charts (infra/constructs/service-dashboard.ts).
 */
export const BUSINESS_METRICS = {
  /** A notice filed (not a replay), by `Jurisdiction`. */
  noticesFiled: 'NoticesFiled',
  /** A case closed, by `Outcome` (its terminal status) and `Jurisdiction`. */
  casesClosed: 'CasesClosed',
  /** A case parked in action_failed for an operator, by `Jurisdiction`. */
  casesParked: 'CasesParked',
  /** Seconds from a notice's filing to its listing's takedown, by `Jurisdiction`. */
  timeToTakedown: 'TimeToTakedown',
  /** A review past its SLA, by `Stage` (`review`, `escalated_review`). */
  reviewSlaBreaches: 'ReviewSlaBreaches',
  /** A marketplace call that failed, by `Operation` and `Kind` (`unreachable`, `unavailable`, `refused`). */
  marketplaceErrors: 'MarketplaceErrors',
  /** A screening verdict, by `Verdict` (`passed`, `rejected`, `duplicate`). */
  screeningVerdicts: 'ScreeningVerdicts',
} as const;
export type BusinessMetric = (typeof BUSINESS_METRICS)[keyof typeof BUSINESS_METRICS];
