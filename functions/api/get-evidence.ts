import { evidenceForCaller } from './evidence-access.ts';
import { apiHandler, json } from './lib/handler.ts';
import { evidenceView } from './schemas/evidence.ts';

/**
 * GET /v1/evidence/{evidenceId} (owner, reviewer): the evidence record and its sealing status.
 * Another party's evidence is 404.
 */
export const handler = apiHandler('GET /v1/evidence/{evidenceId}', async ({ caller, params }) => {
  const record = await evidenceForCaller(caller, params.evidenceId!, { citedForSeller: false });
  return json(200, evidenceView(record));
});
