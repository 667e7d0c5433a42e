import {
  type CaseRecord,
  CaseStateConflict,
  getItem,
  StepAlreadyApplied,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { tableName } from '../adapters/dynamo-client.ts';
import { keys, OWN_INITIATIVE_PENDING_PARTITION } from '../adapters/keys.ts';
import { applyWorkflowStep } from '../workflow/lib/step.ts';
import { NotAwaitingInput } from './errors.ts';

/**
 * A reviewer decides a flagged own-initiative listing (`approve | reject` at the case decision
 * route): approve queues the immediate action for the own-initiative job (the decision is a
 * person's, detection automated); reject closes the case and the listing stays up. No marketplace
 * call here: the job acts within a minute.
 */
export async function decideFlaggedListing(
  caseId: string,
  reviewer: { role: 'reviewer' | 'admin'; id: string },
  body: { decision: 'approve' | 'reject'; reasonCode: string; reasons: string; note?: string },
): Promise<void> {
  const task = await getItem<{ taskId: string }>(keys.proactiveReview(caseId));
  if (!task) throw new NotAwaitingInput(`case ${caseId} has no flagged listing to decide`);
  const at = clock.now().toISOString();
  const approve = body.decision === 'approve';
  try {
    await applyWorkflowStep(caseId, {
      stepKey: 'proactive_review',
      at,
      from: ['awaiting_review'],
      set: {
        status: approve ? 'taking_down' : 'rejected',
        decision: {
          decision: body.decision,
          reasonCode: body.reasonCode,
          reasons: body.reasons,
          ...(body.note ? { note: body.note } : {}),
          reviewerId: reviewer.id,
          at,
        },
        ...(approve
          ? ({
              gsi2pk: OWN_INITIATIVE_PENDING_PARTITION,
              gsi2sk: `${at}#${caseId}`,
            } as Partial<CaseRecord>)
          : { closedAt: at, reasonCode: body.reasonCode }),
      },
      event: {
        type: 'decided',
        actor: reviewer,
        detail: { decision: body.decision, reasonCode: body.reasonCode },
      },
      also: [
        {
          Delete: {
            TableName: tableName,
            Key: keys.proactiveReview(caseId),
            ConditionExpression: 'taskId = :taskId',
            ExpressionAttributeValues: { ':taskId': task.taskId },
          },
        },
      ],
    });
  } catch (error) {
    if (error instanceof CaseStateConflict || error instanceof StepAlreadyApplied)
      throw new NotAwaitingInput(`the flagged listing of case ${caseId} was decided meanwhile`);
    throw error;
  }
}
