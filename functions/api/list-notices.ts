import { queryOwnItems } from '../adapters/notice-store.ts';
import { startKeyFrom } from './lib/cursor.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { encodeCursor, pageQuery } from './schemas/common.ts';

/** GET /v1/notices (rights holder): own notices, newest first, paginated. */
export const handler = apiHandler('GET /v1/notices', async ({ caller, query }) => {
  const { limit, cursor } = query(pageQuery);
  const rightsHolder = await callerRightsHolder(caller);
  if (!rightsHolder) return json(200, { items: [], nextCursor: null });
  const page = await queryOwnItems(
    `RH#${rightsHolder.rightsHolderId}`,
    'NOTICE#',
    limit,
    startKeyFrom(cursor, { gsi1pk: `RH#${rightsHolder.rightsHolderId}` }),
  );
  return json(200, {
    items: page.items.map((n) => ({
      noticeId: n.noticeId,
      rightsHolderId: n.rightsHolderId,
      ipRightId: n.ipRightId,
      infringementType: n.infringementType,
      jurisdiction: n.jurisdiction,
      explanation: n.explanation,
      evidenceIds: n.evidenceIds,
      createdAt: n.createdAt,
      caseCount: (n.caseIds as string[] | undefined)?.length ?? 0,
    })),
    nextCursor: encodeCursor(page.lastKey),
  });
});
