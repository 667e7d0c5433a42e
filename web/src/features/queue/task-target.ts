import type { ReviewTask } from '../../api/contract.ts';

/** Where a task is worked: its case, or the verification page of its subject. */
export function taskHref(task: ReviewTask): string | undefined {
  if (task.queue === 'rights_holders' || task.kind === 'rights_holder_verification')
    return task.subjectId
      ? `/verification/rights-holders/${encodeURIComponent(task.subjectId)}`
      : undefined;
  if (task.queue === 'ip_rights' || task.kind === 'ip_right_verification')
    return task.subjectId
      ? `/verification/ip-rights/${encodeURIComponent(task.subjectId)}`
      : undefined;
  if (task.kind === 'appeal' && task.appealId)
    return `/review/appeals/${encodeURIComponent(task.appealId)}`;
  return task.caseId ? `/cases/${encodeURIComponent(task.caseId)}` : undefined;
}

/** Whether a / r / i apply: the task is a case awaiting a first-instance review decision. */
export function isCaseReview(task: ReviewTask): boolean {
  return Boolean(task.caseId) && (task.kind === 'review' || task.kind === 'escalated_review');
}

/**
 * A task's identity in the list. API.md makes `taskId` unique across all tasks; until every queue
 * does (today a parked case's task is `retry-park#1` in each case), the case id qualifies it.
 */
export function taskKey(task: ReviewTask): string {
  return task.caseId ? `${task.caseId}/${task.taskId}` : `${task.queue}/${task.taskId}`;
}
