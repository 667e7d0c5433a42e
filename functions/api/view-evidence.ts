import { evidenceViewUrl, inlineSafe } from '../adapters/evidence-store.ts';
import { evidenceForCaller } from './evidence-access.ts';
import { apiHandler } from './lib/handler.ts';
import { conflict } from './lib/problem.ts';
import { evidenceAccessQuerySchema } from './schemas/evidence.ts';

/**
 * GET /v1/evidence/{evidenceId}/view?caseId= (owner, reviewer, a party of a case that cites it):
 * 302 to a presigned GET valid 5 minutes that shows the sealed object inline, for images, PDF and
 * plain text only. HTML snapshots and anything else are served only as attachments (409 here:
 * use /download), since evidence is untrusted input.
 */
export const handler = apiHandler(
  'GET /v1/evidence/{evidenceId}/view',
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
    if (!inlineSafe(record.contentType))
      throw conflict(
        `Evidence of type ${record.contentType} is not shown inline; download it instead.`,
      );
    return {
      statusCode: 302,
      headers: {
        location: await evidenceViewUrl(record),
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      },
      body: '',
    };
  },
);
