import { getEvidenceRecords } from '../adapters/evidence-records.ts';
import { listSellerTestBuys } from '../adapters/test-buy-store.ts';
import { testBuyView } from './lib/case-file-view.ts';
import { apiHandler, json } from './lib/handler.ts';
import { listTestBuysQuerySchema } from './schemas/test-buys.ts';

/** GET /v1/test-buys?sellerId= (reviewer): a seller's test buys, on it and on its cases, newest first. */
export const handler = apiHandler('GET /v1/test-buys', async ({ query }) => {
  const { sellerId, limit, cursor } = query(listTestBuysQuerySchema);
  const page = await listSellerTestBuys(sellerId, { limit, ...(cursor ? { cursor } : {}) });
  const reports = await getEvidenceRecords(page.items.map((item) => item.reportEvidenceId));
  return json(200, {
    items: page.items.map((item) =>
      testBuyView(item, reports.get(item.reportEvidenceId), 'reviewer'),
    ),
    nextCursor: page.nextCursor,
  });
});
