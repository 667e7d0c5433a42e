import { applyCaseStep, type CaseStep, epochScoped, getCase } from '../../adapters/case-store.ts';
import { type CaseStatusChanged, publishCaseStatusChanged } from '../../adapters/domain-events.ts';
import { deleteOutboxItem, outboxItem } from '../../adapters/event-outbox.ts';

/**
 * Applies a workflow step (see `applyCaseStep`). When the step changes the case's status, its
 * domain event is written to the outbox in the same transaction, published, and removed from the
 * outbox once the bus accepted it; the event relay publishes what an outage left. Only the
 * workflow changes statuses, so only workflow functions carry the EventBridge client.
 * The step key is scoped to the case's epoch (a re-opened case runs its steps again).
 */
export async function applyWorkflowStep(caseId: string, unscoped: CaseStep): Promise<void> {
  const record = await getCase(caseId);
  if (!record) return applyCaseStep(caseId, unscoped);
  const step = { ...unscoped, stepKey: epochScoped(record, unscoped.stepKey) };
  const status = step.set?.status;
  if (!status) return applyCaseStep(caseId, step);
  const change: CaseStatusChanged = {
    caseId,
    noticeId: record.noticeId,
    listingId: record.listingId,
    jurisdiction: record.jurisdiction,
    infringementType: record.infringementType,
    status,
    at: step.at,
  };
  await applyCaseStep(caseId, {
    ...step,
    also: [...(step.also ?? []), outboxItem(change, step.stepKey)],
  });
  if (await publishCaseStatusChanged(change)) await deleteOutboxItem(caseId, step.stepKey);
}
