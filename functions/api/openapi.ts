import { apiHandler, json } from './lib/handler.ts';
import { buildOpenApiDocument } from './openapi/document.ts';

export { buildOpenApiDocument };

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** GET /v1/openapi.json: public; the document is built once per cold start. */
export const handler = apiHandler('GET /v1/openapi.json', async () => {
  cached ??= buildOpenApiDocument();
  return json(200, cached, { 'cache-control': 'public, max-age=300' });
});
