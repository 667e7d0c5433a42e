import { deleteAuditTaskItem, getAuditTask } from '../adapters/audit-tasks.ts';
import type { CaseRecord, PendingTask } from '../adapters/case-store.ts';
import {
  applyCaseStep,
  CaseStateConflict,
  epochScoped,
  getCase,
  getItem,
  getPendingTask,
  StepAlreadyApplied,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { keys } from '../adapters/keys.ts';
import { logger } from '../adapters/logger.ts';
import { policy } from '../adapters/policy-source.ts';
import { recordRuleAudit, suspendScreeningRule } from '../adapters/screening-rule-store.ts';
import type { CaseDecision } from '../domain/reason-codes.ts';
import { decide, requestUndo } from './case-inputs.ts';
import { ClaimedByAnother, NotAwaitingInput } from './errors.ts';
import { decideFlaggedListing } from './flagged-listings.ts';

/** A reviewer's audit of an automated decision (API.md: `uphold | restore` at the decision route). */
export interface AuditDecision {
  decision: 'uphold' | 'restore';
  reasonCode: string;
  /** For the parties, when the audit restores. */
  reasons: string;
  /** Internal: stays on the case record. */
  note?: string;
}

/**
 * A reviewer decides the human audit of a case's automated decision.
 *
 * 1. Find the case's open audit: none → NotAwaitingInput (409); another reviewer's claim → 409.
 * 2. `restore`: undo the takedown as a withdrawal would (the wait the case is in is answered, or
 *    the next step honours it, or a closed case gets a follow-up), recording the reversal, so the
 *    case closes `restored`: the listing comes back, the strike is revoked, the notifier's accuracy
 *    counts the notice as overturned, and both parties are told with the reviewer's reasons.
 * 3. Close the audit with its decision on the timeline (`audit_decided`).
 * A retry after a crash between 2 and 3 finds the reversal recorded and only closes the audit.
 */
export async function decideAudit(
  caseId: string,
  reviewer: { role: 'reviewer' | 'admin'; id: string },
  body: AuditDecision,
): Promise<void> {
  const task = await getAuditTask(caseId);
  if (!task) throw new NotAwaitingInput(`case ${caseId} has no open audit`);
  const at = clock.now().toISOString();
  const claim = task.reviewClaim;
  if (claim && claim.reviewerId !== reviewer.id && claim.until > at) {
    throw new ClaimedByAnother(`the audit of case ${caseId} is claimed by another reviewer`);
  }
  const record = await getCase(caseId);
  if (!record) throw new NotAwaitingInput(`case ${caseId} not found`);
  if (body.decision === 'restore') {
    await requestUndo(caseId, {
      actor: reviewer,
      by: 'audit',
      set: {
        auditReversal: {
          at,
          reasonCode: body.reasonCode,
          reasons: body.reasons,
          reviewerId: reviewer.id,
        },
      },
      event: { type: 'withdrawal_requested', detail: { by: 'audit' } },
    });
  }
  try {
    await applyCaseStep(caseId, {
      stepKey: epochScoped(record, 'audit_decided'),
      at,
      event: {
        type: 'audit_decided',
        actor: reviewer,
        detail: { decision: body.decision, reasonCode: body.reasonCode },
      },
      ...(body.note ? { set: { auditNote: body.note } } : {}),
      also: [deleteAuditTaskItem(caseId, task.taskId)],
    });
  } catch (error) {
    if (error instanceof StepAlreadyApplied) return;
    if (error instanceof CaseStateConflict) {
      throw new NotAwaitingInput(`the audit of case ${caseId} was decided meanwhile`);
    }
    throw error;
  }
  // Counted once the audit is decided (a retry that finds it decided counts nothing again).
  await countAgainstRule(record, body.decision === 'uphold', at);
}

/**
 * An own-initiative case's audit counts for or against the keyword rule that decided it; a rule
 * whose audits disagree above the policy rate (over enough audits) is suspended for review.
 */
async function countAgainstRule(record: CaseRecord, agreed: boolean, at: string): Promise<void> {
  const ruleId = (record as CaseRecord & { screening?: { ruleId?: string } }).screening?.ruleId;
  if (record.source !== 'own_initiative' || !ruleId || ruleId.startsWith('stay-down:')) return;
  const counts = await recordRuleAudit(ruleId, agreed);
  if (!counts) return;
  const { minAudits, maxDisagreementRate } = policy.ownInitiative.ruleSuspension;
  if (counts.audits >= minAudits && counts.disagreements / counts.audits > maxDisagreementRate) {
    if (await suspendScreeningRule(ruleId, { at, ...counts }))
      logger.warn('screening rule suspended after audits', { ruleId, ...counts });
  }
}

/**
 * The case decision route's use case: `uphold | restore` answers a re-review the case waits on,
 * or else the open audit of its automated decision; `approve | reject` decides a flagged
 * own-initiative listing, or else answers a review.
 */
export async function decideCaseOrAudit(
  caseId: string,
  reviewer: { role: 'reviewer' | 'admin'; id: string },
  body: { decision: CaseDecision; reasonCode: string; reasons: string; note?: string },
): Promise<void> {
  const { decision } = body;
  if (
    (decision === 'approve' || decision === 'reject') &&
    (await getItem(keys.proactiveReview(caseId)))
  ) {
    return decideFlaggedListing(caseId, reviewer, { ...body, decision });
  }
  if (decision === 'uphold' || decision === 'restore') {
    const pending: PendingTask | null = await getPendingTask(caseId);
    if (pending?.kind !== 're_review' && (await getAuditTask(caseId))) {
      return decideAudit(caseId, reviewer, { ...body, decision });
    }
  }
  await decide(caseId, reviewer, body);
}
