import { applyCaseStep, CaseStateConflict, epochScoped, getCase } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { logger } from '../adapters/logger.ts';

/**
 * Records a bulk notice's withdrawal on one of its cases that the fan-out has just written, before
 * or as its execution starts: the case is still `screening`, so its workflow's first step reads
 * the withdrawal and ends it `withdrawn` without screening it (as a withdrawal recorded on any
 * screening case is honoured). The same step and event as a withdrawal through the API
 * (requestUndo), so whichever records it first, the other finds it recorded. Needs no task token
 * and starts nothing. A case that has already moved past screening (started by the reconciler
 * after a crash, and screened) is the API withdrawal's: it read the batch that recorded it.
 * @returns whether the withdrawal is recorded on the case
 */
export async function withdrawBulkCaseBeforeScreening(
  caseId: string,
  rightsHolderId: string,
): Promise<boolean> {
  const record = await getCase(caseId);
  if (!record) return false;
  if (record.withdrawalRequestedAt) return true;
  const at = clock.now().toISOString();
  try {
    await applyCaseStep(caseId, {
      stepKey: epochScoped(record, 'withdrawal_requested'),
      at,
      from: ['screening'],
      set: { withdrawalRequestedAt: at },
      event: {
        type: 'withdrawal_requested',
        actor: { role: 'rights-holder', id: rightsHolderId },
        detail: {},
      },
    });
    return true;
  } catch (error) {
    if ((error as Error).name === 'StepAlreadyApplied') return true;
    if (!(error instanceof CaseStateConflict)) throw error;
    logger.warn('bulk notice withdrawn: a case had moved past screening; not withdrawn here', {
      caseId,
    });
    return false;
  }
}
