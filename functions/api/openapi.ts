import { apiHandler, json } from './lib/handler.ts';
import document from './openapi/openapi.json' with { type: 'json' };

/**
 * GET /v1/openapi.json: public. It serves the document generated from the route table and the
 * schemas (`npm run gen:client`; a test fails while it is stale), so the function carries JSON, not
 * the generator.
 */
export const handler = apiHandler('GET /v1/openapi.json', async () =>
  json(200, document, { 'cache-control': 'public, max-age=300' }),
);
