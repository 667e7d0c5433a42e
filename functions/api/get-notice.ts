import { getCases, getNotice } from '../adapters/notice-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { notFound } from './lib/problem.ts';

/** GET /v1/notices/{noticeId}: the owner rights holder or a reviewer; anyone else gets 404. */
export const handler = apiHandler('GET /v1/notices/{noticeId}', async ({ caller, params }) => {
  const notice = await getNotice(params.noticeId!);
  if (!notice) throw notFound('notice');
  if (!caller.isReviewer) {
    const rightsHolder = await callerRightsHolder(caller);
    if (!rightsHolder || rightsHolder.rightsHolderId !== notice.rightsHolderId)
      throw notFound('notice');
  }
  const cases = await getCases(notice.caseIds);
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
    cases: cases.map((c) => ({ caseId: c.caseId, listingId: c.listingId, status: c.status })),
  });
});
