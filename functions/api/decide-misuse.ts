import { clock } from '../adapters/clock.ts';
import { getRightsHolder } from '../adapters/registry-store.ts';
import { decideMisuse } from '../use-cases/notifier-misuse.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { notFound, unprocessable } from './lib/problem.ts';
import { misuseDecisionBodySchema } from './schemas/account-decisions.ts';

/**
 * POST /v1/rights-holders/{rightsHolderId}/misuse-decision (reviewer): answers the notifier's open
 * `standing` review (DSA Art 23(2)-(3)): `suspend` stops its new notices for the policy period
 * (filing then answers 422 with `suspendedUntil`), `no_action` closes the review. 404 for an
 * unknown rights holder; 400 for a bad body or a reason code the decision does not allow; 422 when
 * the reviewer acts for this rights holder; 409 when no review is open or another holds its claim.
 */
export const handler = apiHandler(
  'POST /v1/rights-holders/{rightsHolderId}/misuse-decision',
  async ({ caller, params, body }) => {
    const profile = await getRightsHolder(params.rightsHolderId!);
    if (!profile) throw notFound('rights holder');
    const input = body(misuseDecisionBodySchema);
    const own = await callerRightsHolder(caller).catch(() => null);
    if (own?.rightsHolderId === profile.rightsHolderId)
      throw unprocessable(
        'You act for this rights holder: another reviewer must decide.',
        undefined,
        'reviewer_is_party',
      );
    const decided = await decideMisuse({
      rightsHolderId: profile.rightsHolderId,
      reviewer: {
        role: caller.roles.includes('reviewer') ? 'reviewer' : 'admin',
        id: caller.sub,
      },
      ...input,
      now: clock.now(),
    });
    return json(200, { rightsHolderId: profile.rightsHolderId, ...decided });
  },
);
