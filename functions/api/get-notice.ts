import { asBulkNotice, fanOutProgress } from '../adapters/bulk-notice-store.ts';
import { getCases, getNotice } from '../adapters/notice-store.ts';
import { fanOutComplete } from '../domain/bulk-notice.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { notFound } from './lib/problem.ts';

/**
 * GET /v1/notices/{noticeId}: the owner rights holder or a reviewer; anyone else gets 404. A bulk
 * notice also shows its fan-out's progress (`status` `fanning_out` until every row is a started
 * case, a duplicate or a rejected row; then `filed`).
 */
export const handler = apiHandler('GET /v1/notices/{noticeId}', async ({ caller, params }) => {
  const notice = await getNotice(params.noticeId!);
  if (!notice) throw notFound('notice');
  if (!caller.isReviewer) {
    const rightsHolder = await callerRightsHolder(caller);
    if (!rightsHolder || rightsHolder.rightsHolderId !== notice.rightsHolderId)
      throw notFound('notice');
  }
  const bulk = asBulkNotice(notice);
  const progress = bulk ? await fanOutProgress(bulk) : undefined;
  // A bulk notice's cases: the first page here; all of them at GET /v1/cases?noticeId=.
  const cases = await getCases(progress ? progress.caseIds.slice(0, 100) : notice.caseIds);
  return json(200, {
    noticeId: notice.noticeId,
    rightsHolderId: notice.rightsHolderId,
    ipRightId: notice.ipRightId,
    infringementType: notice.infringementType,
    jurisdiction: notice.jurisdiction,
    explanation: notice.explanation,
    evidenceIds: notice.evidenceIds,
    ...(notice.testBuy ? { testBuy: notice.testBuy } : {}),
    createdAt: notice.createdAt,
    ...(progress
      ? {
          status: fanOutComplete(progress) ? 'filed' : 'fanning_out',
          progress: {
            total: progress.total,
            started: progress.started,
            duplicates: progress.duplicates,
            rejectedRows: progress.rejectedRows,
          },
        }
      : {}),
    cases: cases.map((c) => ({ caseId: c.caseId, listingId: c.listingId, status: c.status })),
  });
});
