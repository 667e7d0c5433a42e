import { listIpRights } from '../adapters/registry-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { ipRightsQuerySchema, ipRightView } from './schemas/identity.ts';

/**
 * GET /v1/ip-rights (rights-holder): the caller's own IP rights, newest first, paginated. A caller
 * with no registered rights holder has none.
 */
export const handler = apiHandler('GET /v1/ip-rights', async ({ caller, query }) => {
  const rightsHolder = await callerRightsHolder(caller);
  const { limit, cursor } = query(ipRightsQuerySchema);
  if (!rightsHolder) return json(200, { items: [], nextCursor: null });
  const page = await listIpRights(rightsHolder.rightsHolderId, {
    limit,
    ...(cursor ? { cursor } : {}),
  });
  return json(200, {
    items: page.items.map((item) => ipRightView(item)),
    nextCursor: page.nextCursor,
  });
});
