import { getCase } from '../adapters/case-store.ts';
import { decide } from '../use-cases/case-inputs.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound } from './lib/problem.ts';
import { decisionBodySchema } from './schemas/cases.ts';

/**
 * POST /v1/cases/{caseId}/decision (reviewer): approve / reject / request_info, or restore / uphold
 * on a re-review. The backend finds the case's task token and completes the wait; 200 once the
 * engine accepted it; 409 if the case does not await that decision or it was decided already.
 */
export const handler = apiHandler(
  'POST /v1/cases/{caseId}/decision',
  async ({ caller, params, body }) => {
    const existing = await getCase(params.caseId!);
    if (!existing) throw notFound('case');
    const decision = body(decisionBodySchema);
    await decide(
      existing.caseId,
      {
        role:
          caller.roles.includes('admin') && !caller.roles.includes('reviewer')
            ? 'admin'
            : 'reviewer',
        id: caller.sub,
      },
      decision,
    );
    const after = await getCase(existing.caseId);
    return json(200, { caseId: existing.caseId, status: after?.status ?? existing.status });
  },
);
