import { clock } from '../adapters/clock.ts';
import { screenListing } from '../use-cases/screen-listing.ts';
import { apiHandler, json } from './lib/handler.ts';
import { screeningBodySchema } from './schemas/screening.ts';

/**
 * POST /v1/screening/listings (marketplace, machine identity): the verdict on one listing,
 * `clear | flag | takedown`, with the hits and their spans and the rule-set version used.
 */
export const handler = apiHandler('POST /v1/screening/listings', async ({ body }) => {
  const listing = body(screeningBodySchema);
  const outcome = await screenListing(listing, 'screening', clock.now());
  return json(200, {
    verdict: outcome.verdict,
    ruleSetVersion: outcome.ruleSetVersion,
    hits: outcome.hits.map((hit) => ({
      kind: hit.kind,
      ...(hit.kind === 'rule' ? { ruleId: hit.ruleId } : { caseId: hit.caseId }),
      term: hit.term,
      start: hit.start,
      end: hit.end,
    })),
    ...(outcome.hitId ? { hitId: outcome.hitId } : {}),
    ...(outcome.caseIds ? { caseIds: outcome.caseIds } : {}),
  });
});
