import { provideInfo } from '../use-cases/case-inputs.ts';
import { assertOwnSealedEvidence } from './evidence-access.ts';
import { caseForCaller } from './lib/case-access.ts';
import { apiHandler, json } from './lib/handler.ts';
import { infoBodySchema } from './schemas/cases.ts';

/** POST /v1/cases/{caseId}/info (owner rights holder): answers a request for information, citing only the caller's own sealed evidence (422); 409 unless awaited. */
export const handler = apiHandler(
  'POST /v1/cases/{caseId}/info',
  async ({ caller, params, body }) => {
    const { record } = await caseForCaller(caller, params.caseId!, ['rights-holder']);
    const info = body(infoBodySchema);
    await assertOwnSealedEvidence(caller, info.evidenceIds);
    await provideInfo(record.caseId, record.rightsHolderId, info);
    return json(202, { caseId: record.caseId, status: 'awaiting_review' });
  },
);
