import { getEvidenceRecords } from '../adapters/evidence-records.ts';
import {
  recordTestBuy,
  TestBuyAlreadyRecorded,
  TestBuyCaseNotFound,
} from '../use-cases/test-buys.ts';
import { testBuyView } from './lib/case-file-view.ts';
import { apiHandler, json } from './lib/handler.ts';
import { conflict, notFound } from './lib/problem.ts';
import { recordTestBuyBodySchema } from './schemas/test-buys.ts';

/**
 * POST /v1/test-buys (reviewer): records a mystery test buy on a seller or one of its cases; a
 * confirmed counterfeit with `takedown` opens an own-initiative case the reviewer decided.
 * 404 for a case that does not exist, 409 for an order already recorded, 422 for a report that is
 * not staff's sealed test-buy report, a listing or case that is not the seller's, or an IP right
 * that is not verified.
 */
export const handler = apiHandler('POST /v1/test-buys', async ({ caller, body }) => {
  const input = body(recordTestBuyBodySchema);
  try {
    const record = await recordTestBuy(input, caller.sub);
    const reports = await getEvidenceRecords([record.reportEvidenceId]);
    return json(201, testBuyView(record, reports.get(record.reportEvidenceId), 'reviewer'));
  } catch (error) {
    if (error instanceof TestBuyCaseNotFound) throw notFound('case');
    if (error instanceof TestBuyAlreadyRecorded)
      throw conflict(`This order is already recorded as test buy ${error.existing.testBuyId}.`);
    throw error;
  }
});
