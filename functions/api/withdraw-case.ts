import { withdrawCase } from '../use-cases/case-inputs.ts';
import { caseForCaller } from './lib/case-access.ts';
import { apiHandler, json } from './lib/handler.ts';

/**
 * POST /v1/cases/{caseId}/withdrawal (owner rights holder): withdraws one case. A waiting task is
 * completed with the withdrawal; otherwise the workflow honours it at its next step. 409 once closed.
 */
export const handler = apiHandler(
  'POST /v1/cases/{caseId}/withdrawal',
  async ({ caller, params }) => {
    const { record } = await caseForCaller(caller, params.caseId!, ['rights-holder']);
    await withdrawCase(record.caseId, record.rightsHolderId);
    return json(202, { caseId: record.caseId, status: 'withdrawal_requested' });
  },
);
