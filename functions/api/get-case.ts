import { getTimeline } from '../adapters/case-store.ts';
import { policy } from '../adapters/policy-source.ts';
import { getRightsHolder } from '../adapters/registry-store.ts';
import { caseForCaller } from './lib/case-access.ts';
import { apiHandler, json } from './lib/handler.ts';

/** GET /v1/cases/{caseId}: the owner rights holder, the case's seller, or a reviewer. */
export const handler = apiHandler('GET /v1/cases/{caseId}', async ({ caller, params }) => {
  const { record, view } = await caseForCaller(caller, params.caseId!, [
    'reviewer',
    'rights-holder',
    'seller',
  ]);
  const [timeline, rightsHolder] = await Promise.all([
    getTimeline(record.caseId),
    getRightsHolder(record.rightsHolderId),
  ]);
  // The seller sees the notifier's name only as far as the policy discloses it, never its contact.
  const disclosure = policy.profiles[record.jurisdiction].notifierDisclosure;
  const notifier =
    view === 'seller'
      ? {
          rightsHolderId: record.rightsHolderId,
          ...(disclosure !== 'none' && rightsHolder ? { name: rightsHolder.legalName } : {}),
        }
      : {
          rightsHolderId: record.rightsHolderId,
          ...(rightsHolder ? { name: rightsHolder.legalName, email: rightsHolder.email } : {}),
        };
  return json(200, {
    caseId: record.caseId,
    noticeId: record.noticeId,
    listingId: record.listingId,
    ...(record.listingUrl ? { listingUrl: record.listingUrl } : {}),
    ...(record.listingTitle ? { listingTitle: record.listingTitle } : {}),
    sellerId: record.sellerId ?? null,
    jurisdiction: record.jurisdiction,
    infringementType: record.infringementType,
    status: record.status,
    deadlines: deadlinesInForce(record.status, record.deadlines ?? {}),
    ...(record.counterNoticeMode ? { counterNoticeMode: record.counterNoticeMode } : {}),
    ...(record.duplicateOf ? { duplicateOf: record.duplicateOf } : {}),
    ...(record.reasonCode ? { reasonCode: record.reasonCode } : {}),
    notifier,
    timeline,
  });
});

/** The deadlines that bind someone in the case's current status (API.md: "present while they apply"). */
const DEADLINES_BY_STATUS: Partial<Record<string, readonly string[]>> = {
  awaiting_review: ['reviewDueAt'],
  escalated_review: ['reviewDueAt'],
  awaiting_info: ['infoDueAt'],
  awaiting_counter_notice: ['counterNoticeDueAt'],
  awaiting_court_action: ['restoreNotBefore', 'restoreBy', 'courtActionDueAt'],
  awaiting_re_review: ['reReviewDueAt'],
};

function deadlinesInForce(
  status: string,
  deadlines: Record<string, string>,
): Record<string, string> {
  const keys = DEADLINES_BY_STATUS[status] ?? [];
  return Object.fromEntries(Object.entries(deadlines).filter(([key]) => keys.includes(key)));
}
