import { evidenceDownloadUrl } from '../adapters/evidence-store.ts';
import { sealedEvidenceRedirect } from './lib/evidence-redirect.ts';
import { apiHandler } from './lib/handler.ts';

/**
 * GET /v1/evidence/{evidenceId}/download?caseId= (owner, reviewer, a party of a case that cites
 * it): 302 to a presigned GET of the sealed object, valid 5 minutes, served as an attachment
 * (evidence is untrusted input: an HTML snapshot must never render inline). 409 until sealed.
 */
export const handler = apiHandler('GET /v1/evidence/{evidenceId}/download', (ctx) =>
  sealedEvidenceRedirect(ctx, evidenceDownloadUrl),
);
