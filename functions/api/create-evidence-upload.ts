import { clock } from '../adapters/clock.ts';
import { createEvidenceUpload, evidencePolicy } from '../adapters/evidence-store.ts';
import { MANIFEST_CONTENT_TYPES } from '../domain/manifest.ts';
import { uploadOwnerOf } from './evidence-access.ts';
import { apiHandler, json } from './lib/handler.ts';
import { badRequest, HttpProblem } from './lib/problem.ts';
import { createEvidenceBodySchema } from './schemas/evidence.ts';

/**
 * POST /v1/evidence (rights-holder, seller; reviewer for a test buy's report): records a piece of evidence, `pending_upload`, and
 * answers a presigned POST whose policy admits exactly the declared size and type. A type outside
 * the configured list gets 400; a file above the size limit, 413. Sealing happens on upload.
 */
export const handler = apiHandler('POST /v1/evidence', async ({ caller, body }) => {
  const owner = await uploadOwnerOf(caller);
  const input = body(createEvidenceBodySchema);
  // Staff upload only the reports of their test buys; parties never upload one.
  if ((owner === 'PLATFORM') !== (input.purpose === 'test_buy_report')) {
    throw badRequest(
      owner === 'PLATFORM'
        ? 'Staff upload test-buy reports only: set purpose "test_buy_report".'
        : 'Only platform staff upload test-buy reports.',
      [
        {
          path: 'purpose',
          message: owner === 'PLATFORM' ? 'Must be test_buy_report' : 'Not allowed',
        },
      ],
    );
  }
  // A manifest lists a bulk notice's listings: CSV or JSON Lines only (API.md, Bulk notices).
  const accepted: readonly string[] =
    input.purpose === 'manifest' ? MANIFEST_CONTENT_TYPES : evidencePolicy.contentTypes;
  if (!accepted.includes(input.contentType)) {
    throw badRequest(`This type of file is not accepted as ${input.purpose}.`, [
      { path: 'contentType', message: `Must be one of: ${accepted.join(', ')}` },
    ]);
  }
  if (input.size > evidencePolicy.maxBytes) {
    throw new HttpProblem(
      413,
      'Content Too Large',
      `Evidence files may be at most ${evidencePolicy.maxBytes} bytes.`,
      [{ path: 'size', message: `At most ${evidencePolicy.maxBytes} bytes` }],
    );
  }
  const created = await createEvidenceUpload({ owner, ...input, now: clock.now() });
  return json(201, created);
});
