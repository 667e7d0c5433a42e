import { fileAppeal } from '../use-cases/redress.ts';
import { assertOwnSealedEvidence } from './evidence-access.ts';
import { caseForCaller } from './lib/case-access.ts';
import { apiHandler, json } from './lib/handler.ts';
import { appealBodySchema } from './schemas/appeals.ts';

/**
 * POST /v1/cases/{caseId}/appeals (the case's seller; the owner rights holder): an appeal against
 * a decision on the case (DSA Art 20), citing only the caller's own sealed evidence (422). 409
 * outside the appeal window, for a decision the case did not take, while a follow-up of the case
 * is open, or for a decision appealed before.
 */
export const handler = apiHandler(
  'POST /v1/cases/{caseId}/appeals',
  async ({ caller, params, body }) => {
    const { record, view } = await caseForCaller(caller, params.caseId!, [
      'seller',
      'rights-holder',
    ]);
    const appeal = body(appealBodySchema);
    await assertOwnSealedEvidence(caller, appeal.evidenceIds);
    const appellant =
      view === 'seller'
        ? { role: 'seller' as const, id: record.sellerId! }
        : { role: 'rights-holder' as const, id: record.rightsHolderId };
    const filed = await fileAppeal(record, appellant, appeal);
    return json(202, { appealId: filed.appealId, caseId: record.caseId, status: filed.status });
  },
);
