import { policy } from '../adapters/policy-source.ts';
import { apiHandler, json } from './lib/handler.ts';

/**
 * GET /v1/reason-codes (reviewer, rights holder, seller): the catalogue of reason codes a case
 * decision must cite, as the policy in force lists them, labelled in English and Chinese.
 */
export const handler = apiHandler('GET /v1/reason-codes', async () =>
  json(200, { items: policy.reasonCodes }, { 'cache-control': 'private, max-age=300' }),
);
