/** The deadlines that bind someone in the case's current status (API.md: "present while they apply"). */
const DEADLINES_BY_STATUS: Partial<Record<string, readonly string[]>> = {
  awaiting_review: ['reviewDueAt'],
  escalated_review: ['reviewDueAt'],
  awaiting_info: ['infoDueAt'],
  awaiting_counter_notice: ['counterNoticeDueAt'],
  awaiting_court_action: ['restoreNotBefore', 'restoreBy', 'courtActionDueAt'],
  awaiting_re_review: ['reReviewDueAt'],
};

/** The case's deadlines that apply in its status. */
export function deadlinesInForce(
  status: string,
  deadlines: Record<string, string>,
): Record<string, string> {
  const keys = DEADLINES_BY_STATUS[status] ?? [];
  return Object.fromEntries(Object.entries(deadlines).filter(([key]) => keys.includes(key)));
}
