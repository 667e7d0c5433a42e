import { listSellerCases } from '../adapters/seller-account.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerSellerId } from './lib/parties.ts';
import { sellerCasesQuerySchema, sellerCaseView } from './schemas/sellers.ts';

/**
 * GET /v1/sellers/me/cases (seller): the cases against the caller's listings, newest first,
 * paginated, without the notifier's contact details.
 */
export const handler = apiHandler('GET /v1/sellers/me/cases', async ({ caller, query }) => {
  const sellerId = callerSellerId(caller);
  const { limit, cursor } = query(sellerCasesQuerySchema);
  const page = await listSellerCases(sellerId, { limit, ...(cursor ? { cursor } : {}) });
  return json(200, { items: page.items.map(sellerCaseView), nextCursor: page.nextCursor });
});
