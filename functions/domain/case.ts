/** Every case status of API.md. */
export const CASE_STATUSES = [
  'screening',
  'awaiting_review',
  'awaiting_info',
  'escalated_review',
  'rejected',
  'taking_down',
  'action_failed',
  'awaiting_counter_notice',
  'awaiting_court_action',
  'awaiting_re_review',
  'restored',
  'upheld',
  'upheld_pending_court',
  'withdrawn',
  'duplicate',
  'abandoned',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses that close a case: nothing moves it on, and a withdrawal gets 409. */
export const TERMINAL_STATUSES = [
  'rejected',
  'restored',
  'upheld',
  'upheld_pending_court',
  'withdrawn',
  'duplicate',
  'abandoned',
] as const satisfies readonly CaseStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

/**
 * Closed statuses nothing re-opens: a withdrawn case, a duplicate, an abandoned notice. Every
 * other closed status ends a run of the case but may be followed up (DOMAIN.md steps 6-9).
 */
export const FINAL_STATUSES = [
  'withdrawn',
  'duplicate',
  'abandoned',
] as const satisfies readonly TerminalStatus[];

/** Closed statuses under which the listing is still down (a withdrawal or an appeal restores it). */
export const CLOSED_WITH_LISTING_DOWN = [
  'upheld',
  'upheld_pending_court',
] as const satisfies readonly TerminalStatus[];

/** Whether the status closes the case. */
export function isTerminal(status: CaseStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly CaseStatus[]).includes(status);
}

/**
 * The statuses a case may move to from each status. The workflow writes status changes with
 * a condition on the current status, so a decision racing a timeout loses cleanly.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  screening: ['awaiting_review', 'rejected', 'duplicate', 'withdrawn'],
  awaiting_review: ['taking_down', 'rejected', 'awaiting_info', 'escalated_review', 'withdrawn'],
  escalated_review: ['taking_down', 'rejected', 'awaiting_info', 'withdrawn'],
  awaiting_info: ['awaiting_review', 'abandoned', 'withdrawn'],
  taking_down: ['awaiting_counter_notice', 'action_failed', 'withdrawn'],
  action_failed: ['taking_down', 'withdrawn'],
  awaiting_counter_notice: ['upheld', 'awaiting_court_action', 'awaiting_re_review', 'withdrawn'],
  awaiting_court_action: ['upheld_pending_court', 'restored', 'withdrawn'],
  awaiting_re_review: ['restored', 'upheld', 'withdrawn'],
  // The first run is over, but not the case (DOMAIN.md steps 6, 8, 9): a late counter-notice
  // runs the statutory timer, a founded seller appeal restores, a withdrawal restores, and a
  // founded notifier appeal re-opens a rejected or restored case for takedown.
  rejected: ['taking_down'],
  restored: ['taking_down'],
  upheld: ['awaiting_court_action', 'restored', 'withdrawn'],
  upheld_pending_court: ['restored', 'withdrawn'],
  withdrawn: [],
  duplicate: [],
  abandoned: [],
};

/** Whether a case may move from one status to another. */
export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** A first review's decision. */
export type ReviewDecision = 'approve' | 'reject' | 'request_info';
/** A re-review's decision after a counter-notice. */
export type ReReviewDecision = 'restore' | 'uphold';

/** Inputs people send to an open case through the API. */
export type CaseInput =
  | 'decision'
  | 'info'
  | 'counter_notice'
  | 'court_action'
  | 'withdrawal'
  | 'retry';

const INPUTS_BY_STATUS: Readonly<Partial<Record<CaseStatus, readonly CaseInput[]>>> = {
  screening: ['withdrawal'],
  awaiting_review: ['decision', 'withdrawal'],
  escalated_review: ['decision', 'withdrawal'],
  awaiting_info: ['info', 'withdrawal'],
  taking_down: ['withdrawal'],
  action_failed: ['retry', 'withdrawal'],
  awaiting_counter_notice: ['counter_notice', 'withdrawal'],
  awaiting_court_action: ['court_action', 'withdrawal'],
  awaiting_re_review: ['decision', 'withdrawal'],
};

/** Whether a case in this status accepts the input (otherwise the API answers 409). */
export function acceptsInput(status: CaseStatus, input: CaseInput): boolean {
  return INPUTS_BY_STATUS[status]?.includes(input) ?? false;
}

/** The decisions a reviewer may take on a case in this status (empty: none, → 409). */
export function allowedDecisions(
  status: CaseStatus,
): readonly (ReviewDecision | ReReviewDecision)[] {
  if (status === 'awaiting_review' || status === 'escalated_review') {
    return ['approve', 'reject', 'request_info'];
  }
  if (status === 'awaiting_re_review') return ['restore', 'uphold'];
  return [];
}

/** Stable snake_case types of timeline events (API.md). The timeline is append-only. */
export const TIMELINE_EVENT_TYPES = [
  'notice_received',
  'screened',
  'screening_rejected',
  'duplicate_linked',
  'review_requested',
  'review_escalated',
  'review_overdue',
  'decided',
  'info_requested',
  'info_received',
  'info_window_expired',
  'takedown_attempt_failed',
  'action_failed',
  'action_retried',
  'taken_down',
  'strike_recorded',
  'strike_revoked',
  'seller_measure_applied',
  'seller_notified',
  'rights_holder_notified',
  'counter_notice_received',
  'counter_notice_forwarded',
  'counter_notice_window_closed',
  're_review_requested',
  'court_action_reported',
  'court_action_window_closed',
  'upheld',
  'restored',
  'withdrawal_requested',
  'withdrawn',
  /** An appeal (internal complaint) was filed, and decided. */
  'appeal_filed',
  'appeal_decided',
  /** A founded notifier appeal re-opened the case for takedown. */
  'case_reopened',
  /** An email about the case bounced: its template and the party's role, never the address. */
  'message_undeliverable',
  /** The recipient marked an email about the case as spam. */
  'message_complaint',
  /** An admin released the legal hold a reported court action put on the case (retention). */
  'legal_hold_released',
  /** A reviewer decided the human audit of an automated decision (uphold or restore). */
  'audit_decided',
  /** Staff attached a test buy (order, outcome, report) to the case. */
  'test_buy_recorded',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/** Who acted: parties are referred to by id only, so personal data can be erased elsewhere. */
export interface TimelineActor {
  role: 'system' | 'rights-holder' | 'reviewer' | 'seller' | 'admin';
  id: string;
}

/** One timeline entry, as API.md shows it. */
export interface TimelineEvent {
  at: string;
  actor: TimelineActor;
  type: TimelineEventType;
  detail: Record<string, unknown>;
}
