import { getCase } from '../adapters/case-store.ts';
import { policy } from '../adapters/policy-source.ts';
import { reasonCodeFor } from '../domain/reason-codes.ts';
import { decideCaseOrAudit } from '../use-cases/audit.ts';
import { apiHandler, json } from './lib/handler.ts';
import { staffActor } from './lib/identity.ts';
import { refuseIfPartyToCase } from './lib/party-to-case.ts';
import { badRequest, notFound } from './lib/problem.ts';
import { decisionBodySchema } from './schemas/cases.ts';

/**
 * POST /v1/cases/{caseId}/decision (reviewer): approve / reject / request_info, or restore / uphold
 * on a re-review or on the audit of an automated decision, with a catalogued reason code, `reasons` for the parties and an internal `note`.
 * The backend finds the case's task token and completes the wait; 200 once the engine accepted it;
 * 400 for a reason code the catalogue does not list for the decision; 422 when the reviewer is a
 * party to the case; 409 if the case does not await that decision, it was decided already, or
 * another reviewer holds the task's claim.
 */
export const handler = apiHandler(
  'POST /v1/cases/{caseId}/decision',
  async ({ caller, params, body }) => {
    const existing = await getCase(params.caseId!);
    if (!existing) throw notFound('case');
    const decision = body(decisionBodySchema);
    if (!reasonCodeFor(policy.reasonCodes, decision.reasonCode, decision.decision)) {
      throw badRequest('Unknown reason code for this decision.', [
        {
          path: 'reasonCode',
          message: `Not a reason code for "${decision.decision}": see GET /v1/reason-codes`,
        },
      ]);
    }
    await refuseIfPartyToCase(caller, existing);
    await decideCaseOrAudit(existing.caseId, staffActor(caller), decision);
    const after = await getCase(existing.caseId);
    return json(200, { caseId: existing.caseId, status: after?.status ?? existing.status });
  },
);
