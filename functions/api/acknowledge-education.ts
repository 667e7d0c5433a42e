import { clock } from '../adapters/clock.ts';
import { acknowledgeEducation } from '../adapters/seller-account.ts';
import { apiHandler } from './lib/handler.ts';
import { callerSellerId } from './lib/parties.ts';
import { conflict } from './lib/problem.ts';

/**
 * POST /v1/sellers/me/education-acknowledgement (seller): acknowledges the IP-education notice that
 * comes with a warning (the first rung of the ladder). 204; again 204 once acknowledged; 409 when
 * no warning awaits acknowledgement.
 */
export const handler = apiHandler(
  'POST /v1/sellers/me/education-acknowledgement',
  async ({ caller }) => {
    const sellerId = callerSellerId(caller);
    const outcome = await acknowledgeEducation(sellerId, clock.now().toISOString());
    if (outcome === 'no_warning') throw conflict('You have no warning to acknowledge.');
    return { statusCode: 204, headers: { 'cache-control': 'no-store' }, body: '' };
  },
);
