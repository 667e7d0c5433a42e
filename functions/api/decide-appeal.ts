import { getAppeal } from '../adapters/appeal-store.ts';
import { getCase } from '../adapters/case-store.ts';
import { policy } from '../adapters/policy-source.ts';
import { decideAppeal } from '../use-cases/redress.ts';
import { apiHandler, json } from './lib/handler.ts';
import { staffActor } from './lib/identity.ts';
import { refuseIfPartyToCase } from './lib/party-to-case.ts';
import { badRequest, notFound } from './lib/problem.ts';
import { appealDecisionBodySchema } from './schemas/appeals.ts';

/**
 * POST /v1/appeals/{appealId}/decision (reviewer): uphold or dismiss an appeal, with a catalogued
 * reason code on the merits, `reasons` for the parties and an internal `note`. 422 when the
 * reviewer took a decision on the case or is a party to it; 409 when the appeal is not open.
 */
export const handler = apiHandler(
  'POST /v1/appeals/{appealId}/decision',
  async ({ caller, params, body }) => {
    const appeal = await getAppeal(params.appealId!);
    const record = appeal ? await getCase(appeal.caseId) : null;
    if (!appeal || !record) throw notFound('appeal');
    const decision = body(appealDecisionBodySchema);
    if (!policy.reasonCodes.some((entry) => entry.code === decision.reasonCode)) {
      throw badRequest('Unknown reason code.', [
        { path: 'reasonCode', message: 'Not a reason code: see GET /v1/reason-codes' },
      ]);
    }
    await refuseIfPartyToCase(caller, record);
    await decideAppeal(appeal.appealId, staffActor(caller), decision);
    const after = await getAppeal(appeal.appealId);
    // The follow-up applies the decision right after the engine accepted it.
    const status = after && after.status !== 'open' ? after.status : 'deciding';
    return json(200, { appealId: appeal.appealId, status });
  },
);
