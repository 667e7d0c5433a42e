import { clock } from '../adapters/clock.ts';
import { AlreadyDecided, decideRightsHolder, getRightsHolder } from '../adapters/registry-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { conflict, notFound } from './lib/problem.ts';
import { rightsHolderView, verificationBodySchema } from './schemas/identity.ts';

/**
 * POST /v1/rights-holders/{rightsHolderId}/verification (reviewer): verifies or rejects a pending
 * rights holder, with a reason, and takes it off the reviewer queue. A second decision gets 409.
 */
export const handler = apiHandler(
  'POST /v1/rights-holders/{rightsHolderId}/verification',
  async ({ caller, params, body }) => {
    const rightsHolderId = params.rightsHolderId!;
    const existing = await getRightsHolder(rightsHolderId);
    if (!existing) throw notFound('rights holder');
    const input = body(verificationBodySchema);
    if (existing.status !== 'pending_verification')
      throw conflict(`The rights holder was ${existing.status.replace('_', ' ')} already.`);
    try {
      const decided = await decideRightsHolder(rightsHolderId, {
        ...input,
        reviewerId: caller.sub,
        at: clock.now().toISOString(),
      });
      return json(200, rightsHolderView(decided, true));
    } catch (error) {
      if (error instanceof AlreadyDecided) throw conflict('The rights holder was decided already.');
      throw error;
    }
  },
);
