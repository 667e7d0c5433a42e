import { getCase } from '../adapters/case-store.ts';
import { retryCase } from '../use-cases/case-inputs.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound } from './lib/problem.ts';

/** POST /v1/cases/{caseId}/retry (reviewer): resumes a case parked in `action_failed`; else 409. */
export const handler = apiHandler('POST /v1/cases/{caseId}/retry', async ({ caller, params }) => {
  const existing = await getCase(params.caseId!);
  if (!existing) throw notFound('case');
  await retryCase(existing.caseId, { role: 'reviewer', id: caller.sub });
  return json(202, { caseId: existing.caseId, status: 'taking_down' });
});
