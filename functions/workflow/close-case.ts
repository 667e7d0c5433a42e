import * as z from 'zod';
import {
  type CaseRecord,
  CaseStateConflict,
  deletePendingTaskItem,
  getPendingTask,
  releaseOpenCaseLockItem,
  StepAlreadyApplied,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { recordNotifierOutcome } from '../adapters/notifier-standing.ts';
import { policy } from '../adapters/policy-source.ts';
import type { TimelineEventType } from '../domain/case.ts';
import { isTerminal } from '../domain/case.ts';
import { addDuration } from '../domain/duration.ts';
import { reasonCodeFor } from '../domain/reason-codes.ts';
import type { RedressOption } from '../domain/statement-of-reasons.ts';
import { recordUnfoundedNotice } from '../use-cases/notifier-misuse.ts';
import { loadCase, WORKFLOW_ACTOR } from './lib/context.ts';
import { listingOf, notifyRightsHolder, notifySeller, partyReasons } from './lib/notify.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const OUTCOMES = ['rejected', 'abandoned', 'upheld', 'upheld_pending_court'] as const;
type Outcome = (typeof OUTCOMES)[number];
const input = taskInput({
  step: z.literal('close'),
  outcome: z.enum(OUTCOMES),
  /** A reviewer's rejection, as the workflow received it. */
  decision: z
    .object({ reasons: z.string().optional(), at: z.string().optional() })
    .loose()
    .nullish(),
});

/** The closing event; a reviewer's rejection is already on the timeline as `decided`. */
const EVENTS: Record<Outcome, TimelineEventType | undefined> = {
  rejected: undefined,
  abandoned: 'info_window_expired',
  upheld: 'upheld',
  upheld_pending_court: 'upheld',
};

/**
 * Closes a case with a final outcome: rejected by a reviewer, abandoned (no information in
 * time), upheld (no counter-notice, or a re-review upheld it), or upheld pending court.
 * Releases the open-case lock unless the listing stays down, clears any pending task, records the
 * outcome, tells the parties.
 */
export async function handler(event: unknown): Promise<{ status: string }> {
  const task = parseTaskInput(input, event);
  const record = await loadCase(task.caseId);
  const at = clock.now().toISOString();
  const stepKey = `close#${task.outcome}`;
  if (!isTerminal(record.status)) {
    const pending = await getPendingTask(record.caseId);
    try {
      await applyWorkflowStep(record.caseId, {
        stepKey,
        at,
        set: { status: task.outcome, closedAt: at },
        ...(EVENTS[task.outcome]
          ? {
              event: {
                type: EVENTS[task.outcome]!,
                actor: WORKFLOW_ACTOR,
                detail: { outcome: task.outcome },
              },
            }
          : {}),
        also: [
          // The duplicate lock holds while the listing is down (upheld: a withdrawal or an
          // appeal may still restore it); a case that took nothing down releases it.
          ...(task.outcome === 'rejected' || task.outcome === 'abandoned'
            ? [releaseOpenCaseLockItem(record.listingId, record.ipRightId, record.caseId)]
            : []),
          ...(pending ? [deletePendingTaskItem(record.caseId, pending.taskId)] : []),
        ],
      });
    } catch (error) {
      if (!(error instanceof StepAlreadyApplied) && !(error instanceof CaseStateConflict))
        throw error;
    }
  }
  await countForStanding(record, task.outcome, task.decision, at);
  await tellParties(record, task.outcome, stepKey, task.decision, at);
  return { status: task.outcome };
}

/**
 * Issue 15: the notifier's standing counts the outcome (idempotent per case): an upheld takedown,
 * or a reviewer's rejection; a rejection whose reason is of the manifestly-unfounded class also
 * counts toward misuse (DSA Art 23(2)). Screening rejections judge the listing, not the notice.
 */
async function countForStanding(
  record: CaseRecord,
  outcome: Outcome,
  decision: Record<string, unknown> | null | undefined,
  at: string,
): Promise<void> {
  const base = { rightsHolderId: record.rightsHolderId, caseId: record.caseId, at };
  if (outcome === 'upheld' || outcome === 'upheld_pending_court') {
    await recordNotifierOutcome({ ...base, outcome: 'upheld' });
    return;
  }
  // The decision as the workflow received it: the API records it on the case only after the
  // engine accepted it, so the case may not show it yet.
  const reviewer = decision?.decision ? decision : record.decision;
  if (outcome !== 'rejected' || reviewer?.decision !== 'reject') return;
  await recordNotifierOutcome({ ...base, outcome: 'rejected' });
  const reason = reasonCodeFor(policy.reasonCodes, String(reviewer.reasonCode), 'reject');
  if (reason?.class === 'manifestly_unfounded')
    await recordUnfoundedNotice({ ...base, noticeId: record.noticeId });
}

/**
 * The rights holder learns the outcome (a rejection with its reasons and redress, DSA Art 16(5));
 * the seller, whose listing was taken down, learns that the removal is upheld.
 */
async function tellParties(
  record: CaseRecord,
  outcome: Outcome,
  stepKey: string,
  decision: { reasons?: string; at?: string } | null | undefined,
  at: string,
): Promise<void> {
  const template = `case_${outcome}`;
  const listing = listingOf(record);
  const appealWindow = policy.profiles[record.jurisdiction].appealWindow;
  if (outcome === 'rejected') {
    const decidedAt = decision?.at ?? record.decision?.at ?? at;
    const reasons = partyReasons(decision, record, ['reject']);
    await notifyRightsHolder(record, {
      step: stepKey,
      template,
      message: {
        kind: 'listing_decision',
        facts: {
          caseId: record.caseId,
          noticeId: record.noticeId,
          listing,
          jurisdiction: record.jurisdiction,
          decidedAt,
          outcome: 'rejected',
          ...(reasons ? { reasons } : {}),
          complaintUntil: addDuration(new Date(decidedAt), appealWindow).toISOString(),
        },
      },
    });
    return;
  }
  // An upheld re-review gives reasons; a window that simply ran out has none.
  const reasons = outcome === 'upheld' ? partyReasons(undefined, record, ['uphold']) : undefined;
  const facts = {
    caseId: record.caseId,
    listing,
    jurisdiction: record.jurisdiction,
    ...(reasons ? { reasons } : {}),
  };
  await notifyRightsHolder(record, {
    step: stepKey,
    template,
    message: { kind: 'case_outcome', facts: { ...facts, outcome } },
  });
  if (outcome === 'upheld' || outcome === 'upheld_pending_court') {
    const statement = record.statementOfReasons as { redress?: RedressOption[] } | undefined;
    const complaint = statement?.redress?.find((o) => o.kind === 'internal_complaint');
    await notifySeller(record, {
      step: stepKey,
      template,
      message: {
        kind: 'seller_case_update',
        facts: {
          ...facts,
          outcome,
          ...(complaint?.kind === 'internal_complaint'
            ? { complaintUntil: complaint.availableUntil }
            : {}),
        },
      },
    });
  }
}
