import { clock } from '../adapters/clock.ts';
import { getSeller, listStrikes } from '../adapters/seller-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerSellerId } from './lib/parties.ts';
import { strikesView } from './schemas/sellers.ts';

/**
 * GET /v1/sellers/me/strikes (seller): the caller's strikes (one per notice, with its cases), how
 * many are active now, and the account measure the ladder decided.
 */
export const handler = apiHandler('GET /v1/sellers/me/strikes', async ({ caller }) => {
  const sellerId = callerSellerId(caller);
  const [seller, strikes] = await Promise.all([getSeller(sellerId), listStrikes(sellerId)]);
  return json(200, strikesView(seller, strikes, clock.now()));
});
