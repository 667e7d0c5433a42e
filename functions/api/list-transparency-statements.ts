import { listStatements } from '../adapters/transparency-statements.ts';
import { apiHandler, json } from './lib/handler.ts';
import { statementsQuerySchema } from './schemas/transparency.ts';

/**
 * GET /v1/transparency/statements (admin): the period's EU statements of reasons in the DSA
 * Transparency Database's batch shape (`{statements: [...]}`), each validated with the database's
 * documented rules when it was produced; no personal data in any field.
 */
export const handler = apiHandler('GET /v1/transparency/statements', async ({ query }) => {
  const input = query(statementsQuerySchema);
  return json(200, { statements: await listStatements(input.from, input.to) });
});
