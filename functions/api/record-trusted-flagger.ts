import { clock } from '../adapters/clock.ts';
import { getRightsHolder } from '../adapters/registry-store.ts';
import { recordTrustedFlagger } from '../use-cases/trusted-flagger.ts';
import { apiHandler, json } from './lib/handler.ts';
import { conflict, notFound } from './lib/problem.ts';
import { trustedFlaggerBodySchema } from './schemas/identity.ts';

/**
 * POST /v1/rights-holders/{rightsHolderId}/trusted-flagger (admin): records a Digital Services
 * Coordinator's award of trusted-flagger status (DSA Art 22), or its revocation. Its notices then
 * go to the priority queue and are reported as `SOURCE_TRUSTED_FLAGGER`. 409 for a revocation of
 * a status it does not hold.
 */
export const handler = apiHandler(
  'POST /v1/rights-holders/{rightsHolderId}/trusted-flagger',
  async ({ caller, params, body }) => {
    const profile = await getRightsHolder(params.rightsHolderId!);
    if (!profile) throw notFound('rights holder');
    const input = body(trustedFlaggerBodySchema);
    if (input.status === 'revoked' && !profile.trustedFlagger)
      throw conflict('The rights holder holds no trusted-flagger status to revoke.');
    const at = clock.now().toISOString();
    await recordTrustedFlagger({
      rightsHolderId: profile.rightsHolderId,
      ...input,
      adminId: caller.sub,
      at,
    });
    return json(200, {
      rightsHolderId: profile.rightsHolderId,
      trustedFlagger:
        input.status === 'granted'
          ? {
              coordinator: input.coordinator,
              reference: input.reference,
              areas: input.areas,
              since: at,
            }
          : null,
    });
  },
);
