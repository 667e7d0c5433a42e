import { reportCourtAction } from '../use-cases/redress.ts';
import { assertOwnSealedEvidence } from './evidence-access.ts';
import { caseForCaller } from './lib/case-access.ts';
import { apiHandler, json } from './lib/handler.ts';
import { courtActionBodySchema } from './schemas/cases.ts';

/**
 * POST /v1/cases/{caseId}/court-action (owner rights holder): a lawsuit, or in China an authority
 * complaint. The listing stays down. Accepted while the case awaits it, up to the moment the
 * restore starts; 409 otherwise.
 */
export const handler = apiHandler(
  'POST /v1/cases/{caseId}/court-action',
  async ({ caller, params, body }) => {
    const { record } = await caseForCaller(caller, params.caseId!, ['rights-holder']);
    const report = body(courtActionBodySchema);
    await assertOwnSealedEvidence(caller, report.evidenceIds);
    await reportCourtAction(record.caseId, record.rightsHolderId, report);
    return json(202, { caseId: record.caseId, status: 'upheld_pending_court' });
  },
);
