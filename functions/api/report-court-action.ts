import { reportCourtAction } from '../use-cases/case-inputs.ts';
import { caseForCaller } from './lib/case-access.ts';
import { apiHandler, json } from './lib/handler.ts';
import { courtActionBodySchema } from './schemas/cases.ts';

/** POST /v1/cases/{caseId}/court-action (owner rights holder): the listing stays down; 409 unless awaited. */
export const handler = apiHandler(
  'POST /v1/cases/{caseId}/court-action',
  async ({ caller, params, body }) => {
    const { record } = await caseForCaller(caller, params.caseId!, ['rights-holder']);
    const report = body(courtActionBodySchema);
    await reportCourtAction(record.caseId, record.rightsHolderId, report);
    return json(202, { caseId: record.caseId, status: 'upheld_pending_court' });
  },
);
