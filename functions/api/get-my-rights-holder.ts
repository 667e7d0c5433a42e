import { clock } from '../adapters/clock.ts';
import { getRightsHolder } from '../adapters/registry-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { notFound } from './lib/problem.ts';
import { standingOf } from './lib/standing.ts';
import { rightsHolderView } from './schemas/identity.ts';

/**
 * GET /v1/rights-holders/me (rights-holder): the caller's rights holder, with its standing:
 * accuracy = upheld ÷ (upheld + rejected + restored after a counter-notice + overturned on appeal)
 * over the policy window (null when nothing is decided), read from counters kept as outcomes
 * happen; the fast lane; a trusted-flagger award; the misuse steps; the standing timeline.
 */
export const handler = apiHandler('GET /v1/rights-holders/me', async ({ caller }) => {
  const linked = await callerRightsHolder(caller);
  const profile = linked ? await getRightsHolder(linked.rightsHolderId) : null;
  if (!profile) throw notFound('rights holder');
  return json(200, {
    ...rightsHolderView(profile),
    standing: await standingOf(profile, clock.now(), 'party'),
  });
});
