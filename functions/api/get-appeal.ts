import { getAppeal } from '../adapters/appeal-store.ts';
import { getCase } from '../adapters/case-store.ts';
import { getEvidence } from '../adapters/evidence-records.ts';
import { viewOfCase } from './lib/case-access.ts';
import { appealView, evidenceView } from './lib/case-file-view.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound } from './lib/problem.ts';

/**
 * GET /v1/appeals/{appealId} (the appellant, reviewers): the appeal, its evidence and, once
 * decided, the outcome with its reasons. Another party's appeal is 404.
 */
export const handler = apiHandler('GET /v1/appeals/{appealId}', async ({ caller, params }) => {
  const appeal = await getAppeal(params.appealId!);
  const record = appeal ? await getCase(appeal.caseId) : null;
  if (!appeal || !record) throw notFound('appeal');
  const view = await viewOfCase(caller, record, ['reviewer', 'seller', 'rights-holder']).catch(
    () => {
      throw notFound('appeal');
    },
  );
  if (view !== 'reviewer' && view !== appeal.appellant.role) throw notFound('appeal');
  const files = new Map(
    await Promise.all(
      appeal.evidenceIds.map(async (id) => [id, (await getEvidence(id)) ?? undefined] as const),
    ),
  );
  const evidence = (ids: readonly string[]) => ids.map((id) => evidenceView(id, files.get(id)));
  return json(200, appealView(appeal, evidence, view === 'reviewer'));
});
