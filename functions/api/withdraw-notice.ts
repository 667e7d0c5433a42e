import {
  asBulkNotice,
  fanOutProgress,
  requestNoticeWithdrawal,
} from '../adapters/bulk-notice-store.ts';
import { clock } from '../adapters/clock.ts';
import { getCases, getNotice } from '../adapters/notice-store.ts';
import { fanOutComplete } from '../domain/bulk-notice.ts';
import { isTerminal } from '../domain/case.ts';
import { withdrawCase } from '../use-cases/case-inputs.ts';
import { NotAwaitingInput } from '../use-cases/errors.ts';

import { pool } from '../use-cases/pool.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { conflict, notFound } from './lib/problem.ts';

/** Cases withdrawn at once (a bulk notice has up to 10,000). */
const CONCURRENCY = 8;

/**
 * POST /v1/notices/{noticeId}/withdrawal (owner): withdraws every open case of the notice (each
 * restored if taken down, its strike revoked). 409 when no case is open any more.
 *
 * A bulk notice's cases are recorded on its fan-out's batches, not on the notice: the notice is
 * marked withdrawn first, then every case its batches recorded so far is withdrawn, and a batch
 * that records its cases after the mark withdraws them itself before starting them
 * (requestNoticeWithdrawal). So a bulk notice withdrawn while it fans out still gets one case per
 * listing, each ending `withdrawn`, and the answer lists the cases withdrawn so far (possibly none
 * yet: 202 all the same while the fan-out runs).
 */
export const handler = apiHandler(
  'POST /v1/notices/{noticeId}/withdrawal',
  async ({ caller, params }) => {
    const notice = await getNotice(params.noticeId!);
    const rightsHolder = await callerRightsHolder(caller);
    if (!notice || !rightsHolder || rightsHolder.rightsHolderId !== notice.rightsHolderId)
      throw notFound('notice');
    const bulk = asBulkNotice(notice);
    let caseIds = notice.caseIds;
    let fanningOut = false;
    if (bulk) {
      await requestNoticeWithdrawal(bulk.noticeId, clock.now().toISOString());
      const progress = await fanOutProgress(bulk);
      caseIds = progress.caseIds;
      fanningOut = !fanOutComplete(progress);
    }
    const open = (await getCases(caseIds)).filter((c) => !isTerminal(c.status));
    if (open.length === 0 && !fanningOut) throw conflict('Every case of this notice is closed.');
    const withdrawn: { caseId: string; listingId: string; status: string }[] = [];
    await pool(open, CONCURRENCY, async (c) => {
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
    });
    const order = new Map(caseIds.map((id, i) => [id, i]));
    withdrawn.sort((a, b) => (order.get(a.caseId) ?? 0) - (order.get(b.caseId) ?? 0));
    return json(202, { noticeId: notice.noticeId, cases: withdrawn });
  },
);
