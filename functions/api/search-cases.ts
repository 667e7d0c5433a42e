import type { BulkNoticeRecord } from '../adapters/bulk-notice-store.ts';
import { type CaseSearch, searchCases } from '../adapters/case-search.ts';
import { clock } from '../adapters/clock.ts';
import { getNotice } from '../adapters/notice-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { notFound } from './lib/problem.ts';
import { caseSearchQuerySchema } from './schemas/cases.ts';

/**
 * GET /v1/cases (reviewer; rights holder, over its own cases only): case summaries matching the
 * filters, newest first, paginated, from the search indexes (adapters/case-search.ts); a notice's
 * cases come from the notice itself. A rights holder naming another rights holder, or another's
 * notice, gets 404.
 */
export const handler = apiHandler('GET /v1/cases', async ({ caller, query }) => {
  const input = query(caseSearchQuerySchema);
  let rightsHolderId = input.rightsHolderId;
  if (!caller.isReviewer) {
    const own = await callerRightsHolder(caller);
    if (!own || (rightsHolderId && rightsHolderId !== own.rightsHolderId))
      throw notFound('rights holder');
    rightsHolderId = own.rightsHolderId;
  }
  const to = new Date(input.to ?? clock.now()).toISOString();
  const from = input.from ? new Date(input.from).toISOString() : '1970-01-01T00:00:00.000Z';
  const search: CaseSearch = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.jurisdiction ? { jurisdiction: input.jurisdiction } : {}),
    ...(input.sellerId ? { sellerId: input.sellerId } : {}),
    ...(rightsHolderId ? { rightsHolderId } : {}),
    ...(input.listingId ? { listingId: input.listingId } : {}),
    ...(input.q ? { q: input.q } : {}),
    from,
    to,
  };
  // A notice's cases were all filed at the notice's instant: that bounds every index's range. A
  // bulk notice's cases are written as its fan-out reaches their rows: from the notice's instant on.
  if (input.noticeId) {
    const notice = await getNotice(input.noticeId);
    if (!notice || (rightsHolderId && notice.rightsHolderId !== rightsHolderId))
      throw notFound('notice');
    Object.assign(search, {
      noticeId: notice.noticeId,
      from: notice.createdAt,
      to: (notice as BulkNoticeRecord).bulk ? to : notice.createdAt,
    });
  }
  const page = await searchCases(search, input.limit, input.cursor);
  return json(200, { items: page.items.map(summary), nextCursor: page.nextCursor });
});

const FIELDS = [
  'caseId',
  'noticeId',
  'listingId',
  'listingTitle',
  'sellerId',
  'rightsHolderId',
  'jurisdiction',
  'infringementType',
  'status',
  'createdAt',
  'updatedAt',
] as const;

/** Only the summary's fields leave the table. */
function summary(item: Record<string, unknown>) {
  return Object.fromEntries(
    FIELDS.filter((field) => item[field] !== undefined).map((f) => [f, item[f]]),
  );
}
