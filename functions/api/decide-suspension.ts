import { getSeller } from '../adapters/seller-store.ts';
import { decideSuspension } from '../use-cases/decide-suspension.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound, unprocessable } from './lib/problem.ts';
import { suspensionDecisionBodySchema } from './schemas/account-decisions.ts';

/**
 * POST /v1/sellers/{sellerId}/suspension-decision (reviewer): answers the seller's open
 * `suspension_review` task: `suspend` (for the policy period) or `hold_restricted`, with a reason
 * code, `reasons` for the seller's statement of reasons, and an internal `note`. 404 for an
 * unknown seller; 400 for a bad body or a reason code the decision does not allow; 422 when the
 * reviewer is the seller; 409 when no review is open, or another reviewer holds its claim.
 */
export const handler = apiHandler(
  'POST /v1/sellers/{sellerId}/suspension-decision',
  async ({ caller, params, body }) => {
    const seller = await getSeller(params.sellerId!);
    if (!seller) throw notFound('seller');
    const input = body(suspensionDecisionBodySchema);
    if (caller.sellerId === seller.sellerId)
      throw unprocessable(
        'You are this seller: another reviewer must decide.',
        undefined,
        'reviewer_is_party',
      );
    const decided = await decideSuspension({
      sellerId: seller.sellerId,
      reviewerId: caller.sub,
      ...input,
    });
    return json(200, { sellerId: seller.sellerId, ...decided });
  },
);
