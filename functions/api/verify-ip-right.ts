import { clock } from '../adapters/clock.ts';
import { AlreadyDecided, decideIpRight, getIpRight } from '../adapters/registry-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { conflict, notFound } from './lib/problem.ts';
import { ipRightView, verificationBodySchema } from './schemas/identity.ts';

/**
 * POST /v1/ip-rights/{ipRightId}/verification (reviewer): verifies or rejects a pending IP right,
 * with a reason, and takes it off the reviewer queue. A second decision gets 409.
 */
export const handler = apiHandler(
  'POST /v1/ip-rights/{ipRightId}/verification',
  async ({ caller, params, body }) => {
    const ipRightId = params.ipRightId!;
    const existing = await getIpRight(ipRightId);
    if (!existing) throw notFound('IP right');
    const input = body(verificationBodySchema);
    if (existing.status !== 'pending_verification')
      throw conflict(`The IP right was ${existing.status.replace('_', ' ')} already.`);
    try {
      const decided = await decideIpRight(ipRightId, {
        ...input,
        reviewerId: caller.sub,
        at: clock.now().toISOString(),
      });
      return json(200, ipRightView(decided, true));
    } catch (error) {
      if (error instanceof AlreadyDecided) throw conflict('The IP right was decided already.');
      throw error;
    }
  },
);
