import { applyCaseStep, type CaseStep, getCase } from '../../adapters/case-store.ts';
import { publishCaseStatusChanged } from '../../adapters/domain-events.ts';

/**
 * Applies a workflow step (see `applyCaseStep`) and, when it changed the case's status, publishes
 * the change on the domain-event bus. Only the workflow changes statuses, so only workflow
 * functions carry the EventBridge client.
 */
export async function applyWorkflowStep(caseId: string, step: CaseStep): Promise<void> {
  await applyCaseStep(caseId, step);
  if (!step.set?.status) return;
  const record = await getCase(caseId);
  if (!record) return;
  await publishCaseStatusChanged({
    caseId,
    noticeId: record.noticeId,
    listingId: record.listingId,
    jurisdiction: record.jurisdiction,
    infringementType: record.infringementType,
    status: step.set.status,
    at: step.at,
  });
}
