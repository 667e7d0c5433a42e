import { readCaseFile } from '../adapters/case-file-reader.ts';
import { clock } from '../adapters/clock.ts';
import { policy } from '../adapters/policy-source.ts';
import { viewOfCase } from './lib/case-access.ts';
import { caseFileView } from './lib/case-file-view.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound } from './lib/problem.ts';
import { standingOf } from './lib/standing.ts';

/**
 * GET /v1/cases/{caseId} (the owner rights holder, the case's seller, a reviewer): the case file,
 * each party seeing what API.md lists for it, assembled in three rounds of DynamoDB reads
 * (adapters/case-file-reader.ts). Another party's case is 404.
 */
export const handler = apiHandler('GET /v1/cases/{caseId}', async ({ caller, params }) => {
  const files = await readCaseFile(params.caseId!, { withSeller: caller.isReviewer });
  if (!files) throw notFound('case');
  const view = await viewOfCase(caller, files.record, ['reviewer', 'rights-holder', 'seller']);
  const now = clock.now();
  const standing =
    view === 'reviewer' && files.rightsHolder
      ? await standingOf(files.rightsHolder, now, 'reviewer')
      : undefined;
  return json(200, caseFileView(files, view, { policy, now, ...(standing ? { standing } : {}) }));
});
