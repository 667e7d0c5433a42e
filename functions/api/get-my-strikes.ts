import { clock } from '../adapters/clock.ts';
import { policy } from '../adapters/policy-source.ts';
import { getSeller, listStrikes } from '../adapters/seller-store.ts';
import { nextMeasure } from '../domain/ladder.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerSellerId } from './lib/parties.ts';
import { strikesView } from './schemas/sellers.ts';

/**
 * GET /v1/sellers/me/strikes (seller): the caller's strikes (one per notice, with its cases), how
 * many are active now, which count toward escalation past the warning, and the account measure.
 */
export const handler = apiHandler('GET /v1/sellers/me/strikes', async ({ caller }) => {
  const sellerId = callerSellerId(caller);
  const [seller, strikes] = await Promise.all([getSeller(sellerId), listStrikes(sellerId)]);
  const now = clock.now();
  const counting = seller
    ? nextMeasure(seller.measure, strikes, now, seller, policy).countingStrikeIds
    : [];
  return json(200, strikesView(seller, strikes, now, counting));
});
