import { listPublicDecisions, PUBLIC_PARTITION } from '../adapters/public-decisions.ts';
import { startKeyFrom } from './lib/cursor.ts';
import { apiHandler, json } from './lib/handler.ts';
import { encodeCursor } from './schemas/common.ts';
import { publicDecisionsQuerySchema } from './schemas/transparency.ts';

const PAGE = 100;

/**
 * GET /v1/public/decisions (no token): China's E-Commerce Law Art 44 publication of notices,
 * declarations and outcomes of CN cases, oldest first, 100 a page. Ids, types and outcome codes
 * only: no name, contact or free text.
 */
export const handler = apiHandler('GET /v1/public/decisions', async ({ query }) => {
  const input = query(publicDecisionsQuerySchema);
  const page = await listPublicDecisions(
    input.from,
    input.to,
    PAGE,
    startKeyFrom(input.cursor, { pk: PUBLIC_PARTITION }),
  );
  return {
    ...json(200, { items: page.items, nextCursor: encodeCursor(page.lastKey) }),
  };
});
