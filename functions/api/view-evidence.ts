import { evidenceViewUrl, inlineSafe } from '../adapters/evidence-store.ts';
import { sealedEvidenceRedirect } from './lib/evidence-redirect.ts';
import { apiHandler } from './lib/handler.ts';
import { conflict } from './lib/problem.ts';

/**
 * GET /v1/evidence/{evidenceId}/view?caseId= (owner, reviewer, a party of a case that cites it):
 * 302 to a presigned GET valid 5 minutes that shows the sealed object inline, for images, PDF and
 * plain text only. HTML snapshots and anything else are served only as attachments (409 here:
 * use /download), since evidence is untrusted input.
 */
export const handler = apiHandler('GET /v1/evidence/{evidenceId}/view', (ctx) =>
  sealedEvidenceRedirect(ctx, async (record) => {
    if (!inlineSafe(record.contentType))
      throw conflict(
        `Evidence of type ${record.contentType} is not shown inline; download it instead.`,
      );
    return evidenceViewUrl(record);
  }),
);
