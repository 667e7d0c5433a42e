import { getCases, getNotice } from '../adapters/notice-store.ts';
import { isTerminal } from '../domain/case.ts';
import { NotAwaitingInput } from '../use-cases/answer-pending-task.ts';
import { withdrawCase } from '../use-cases/case-inputs.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { conflict, notFound } from './lib/problem.ts';

/**
 * POST /v1/notices/{noticeId}/withdrawal (owner): withdraws every open case of the notice (each
 * restored if taken down, its strike revoked). 409 when no case is open any more.
 */
export const handler = apiHandler(
  'POST /v1/notices/{noticeId}/withdrawal',
  async ({ caller, params }) => {
    const notice = await getNotice(params.noticeId!);
    const rightsHolder = await callerRightsHolder(caller);
    if (!notice || !rightsHolder || rightsHolder.rightsHolderId !== notice.rightsHolderId)
      throw notFound('notice');
    const open = (await getCases(notice.caseIds)).filter((c) => !isTerminal(c.status));
    if (open.length === 0) throw conflict('Every case of this notice is closed.');
    const withdrawn: { caseId: string; listingId: string; status: string }[] = [];
    for (const c of open) {
      try {
        await withdrawCase(c.caseId, notice.rightsHolderId);
        withdrawn.push({
          caseId: c.caseId,
          listingId: c.listingId,
          status: 'withdrawal_requested',
        });
      } catch (error) {
        if (!(error instanceof NotAwaitingInput)) throw error;
      }
    }
    return json(202, { noticeId: notice.noticeId, cases: withdrawn });
  },
);
