import { type CaseRecord, getCase } from '../../adapters/case-store.ts';
import type { TimelineActor } from '../../domain/case.ts';

export const WORKFLOW_ACTOR: TimelineActor = { role: 'system', id: 'workflow' };

/** Reads the case a task acts on; a missing case is a hard failure (the workflow parks it). */
export async function loadCase(caseId: string): Promise<CaseRecord> {
  const record = await getCase(caseId);
  if (!record) {
    const error = new Error(`case ${caseId} not found`);
    error.name = 'CaseNotFound';
    throw error;
  }
  return record;
}

/** Whether the rights holder asked to withdraw the case (the workflow honours it at its next step). */
export function withdrawalRequested(record: CaseRecord): boolean {
  return record.withdrawalRequestedAt !== undefined;
}
