import { evidenceDownloadUrl } from '../adapters/evidence-store.ts';
import { evidenceForCaller } from './evidence-access.ts';
import { apiHandler } from './lib/handler.ts';
import { conflict } from './lib/problem.ts';
import { evidenceAccessQuerySchema } from './schemas/evidence.ts';

/**
 * GET /v1/evidence/{evidenceId}/download?caseId= (owner, reviewer, a party of a case that cites
 * it): 302 to a presigned GET of the sealed object, valid 5 minutes, served as an attachment
 * (evidence is untrusted input: an HTML snapshot must never render inline). 409 until sealed.
 */
export const handler = apiHandler(
  'GET /v1/evidence/{evidenceId}/download',
  async ({ caller, params, query }) => {
    const { caseId } = query(evidenceAccessQuerySchema);
    const record = await evidenceForCaller(caller, params.evidenceId!, {
      citedForSeller: true,
      ...(caseId ? { caseId } : {}),
    });
    if (record.status !== 'sealed')
      throw conflict(
        record.status === 'rejected'
          ? 'The evidence was rejected at sealing and is not served.'
          : 'The evidence is not sealed yet.',
      );
    return {
      statusCode: 302,
      headers: {
        location: await evidenceDownloadUrl(record),
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      },
      body: '',
    };
  },
);
