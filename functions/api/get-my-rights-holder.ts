import { decidedCaseCounts, getRightsHolder } from '../adapters/registry-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { notFound } from './lib/problem.ts';
import { rightsHolderView } from './schemas/identity.ts';

/**
 * GET /v1/rights-holders/me (rights-holder): the caller's rights holder, with its standing:
 * accuracy = upheld ÷ (upheld + rejected + restored) over its decided cases, null when none is
 * decided. `trusted` stays false until the standing rules arrive.
 */
export const handler = apiHandler('GET /v1/rights-holders/me', async ({ caller }) => {
  const linked = await callerRightsHolder(caller);
  const profile = linked ? await getRightsHolder(linked.rightsHolderId) : null;
  if (!profile) throw notFound('rights holder');
  const counts = await decidedCaseCounts(profile.rightsHolderId);
  const decided = counts.upheld + counts.rejected + counts.restored;
  return json(200, {
    ...rightsHolderView(profile),
    standing: {
      accuracy: decided === 0 ? null : counts.upheld / decided,
      decided,
      ...counts,
      trusted: false,
    },
  });
});
