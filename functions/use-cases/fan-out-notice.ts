import {
  type BulkNoticeRecord,
  batchCounter,
  fanOutProgress,
  markFanOutEnded,
  recordBatch,
  recordManifestProblems,
} from '../adapters/bulk-notice-store.ts';
import { startCaseExecution } from '../adapters/case-execution.ts';
import { clearPendingStarts, PENDING_START_PARTITION } from '../adapters/case-start-outbox.ts';
import { clock } from '../adapters/clock.ts';
import { getEvidence, readSealedObject } from '../adapters/evidence-store.ts';
import { writeFanOutRows } from '../adapters/fan-out-rows.ts';
import { logger } from '../adapters/logger.ts';
import { marketplace } from '../adapters/marketplace.ts';
import { getCases, getNotice } from '../adapters/notice-store.ts';
import { bulkCaseId, type FanOutRow } from '../domain/bulk-notice.ts';
import { parseManifest, type RejectedRow } from '../domain/manifest.ts';
import { idSchema } from '../domain/vocabulary.ts';
import { withdrawBulkCaseBeforeScreening } from './bulk-withdrawal.ts';
import { newCaseWrites, writeGroups } from './notice-writes.ts';
import { pool } from './pool.ts';

async function bulkNotice(noticeId: string): Promise<BulkNoticeRecord> {
  const notice = (await getNotice(noticeId)) as BulkNoticeRecord | undefined;
  if (!notice?.bulk) throw new Error(`notice ${noticeId} is not a bulk notice`);
  return notice;
}

/**
 * The fan-out's first step: reads the sealed manifest, records its own problems (malformed rows
 * with their row numbers, rows repeated in the file) and writes the valid, distinct rows, each with
 * its row number, as JSON Lines for the distributed Map's item reader. Idempotent.
 */
export async function prepareFanOut(noticeId: string): Promise<{
  bucket: string;
  key: string;
  rows: number;
}> {
  const notice = await bulkNotice(noticeId);
  const manifest = await getEvidence(notice.bulk.manifestEvidenceId);
  if (!manifest) throw new Error(`manifest ${notice.bulk.manifestEvidenceId} is gone`);
  const parsed = parseManifest(await readSealedObject(manifest), notice.bulk.contentType);
  await recordManifestProblems(noticeId, parsed.rejectedRows, parsed.duplicates);
  const location = await writeFanOutRows(noticeId, parsed.rows);
  return { ...location, rows: parsed.rows.length };
}

/** Batch-level options: how fast one child run may start cases (see FAN_OUT). */
export interface StartPacing {
  /** Milliseconds between two starts of this batch; 0: unpaced. */
  intervalMs: number;
  /** Starts in flight at once when unpaced. */
  concurrency: number;
}

/**
 * One batch of the fan-out (a child run of the distributed Map): validates its rows, resolves
 * URLs through the marketplace, writes one case per distinct listing with the start outbox, and
 * starts them at the paced rate.
 *
 * 1. A row with a malformed id or URL, or a URL the marketplace does not know, is a rejected row.
 * 2. Each listing's case id derives from the notice and the listing, so the same listing named
 *    twice (in this batch or another, by id or by URL) is one case: the row that wrote it owns it,
 *    the others count as duplicates. A batch run again finds the same owners.
 * 3. The cases are written (case, `notice_received`, pending-start marker) before any starts, so
 *    a crash loses none: the reconciler starts what this run did not.
 * 4. The batch's findings are recorded on its own item; the starts are counted there in the
 *    transactions that clear the cases' markers (one per 99 cases), so `started` is exact whoever
 *    starts a case (this run or the reconciler).
 */
export async function startBatch(
  noticeId: string,
  rows: readonly FanOutRow[],
  pacing: StartPacing,
): Promise<{ cases: number; started: number; duplicates: number; rejected: number }> {
  const notice = await bulkNotice(noticeId);
  const counter = batchCounter(noticeId, Math.min(...rows.map((r) => r.row)));
  const rejectedRows: RejectedRow[] = [];
  const urls = rows.flatMap((r) => ('url' in r ? [r.url] : []));
  const byUrl = urls.length > 0 ? await marketplace().resolveListingUrls(urls) : new Map();
  const named: { row: number; listingId: string }[] = [];
  for (const row of rows) {
    const listingId = 'listingId' in row ? row.listingId : byUrl.get(row.url);
    if ('listingId' in row && !idSchema.safeParse(row.listingId).success)
      rejectedRows.push({ row: row.row, reason: 'Not a listing id' });
    else if (!listingId)
      rejectedRows.push({ row: row.row, reason: 'The marketplace has no listing at this URL' });
    else named.push({ row: row.row, listingId });
  }
  const at = clock.now().toISOString();
  const facts = {
    noticeId,
    rightsHolderId: notice.rightsHolderId,
    ipRightId: notice.ipRightId,
    jurisdiction: notice.jurisdiction,
    infringementType: notice.infringementType,
    digestOutcomes: true,
  };
  const firstRowOf = new Map<string, number>();
  for (const { row, listingId } of named)
    if (!firstRowOf.has(listingId)) firstRowOf.set(listingId, row);
  const listings = [...firstRowOf];
  const existed = await writeGroups(
    listings.map(([listingId, row]) =>
      newCaseWrites({
        caseId: bulkCaseId(noticeId, listingId),
        listingId,
        notice: facts,
        at,
        startCounter: counter,
        extra: { fanOutRow: row },
      }),
    ),
  );
  // A case this call wrote is this row's, and waits for its start. One written before (a run of
  // this batch that did not finish, or another row naming the same listing) is read back.
  const earlier = new Map(
    (
      await getCases(
        listings.flatMap(([listingId], i) => (existed[i] ? [bulkCaseId(noticeId, listingId)] : [])),
      )
    ).map((c) => [c.caseId, c as typeof c & { fanOutRow?: number; gsi2pk?: string }]),
  );
  const owned: string[] = [];
  const pending: string[] = [];
  for (const [i, [listingId, row]] of listings.entries()) {
    const caseId = bulkCaseId(noticeId, listingId);
    if (!existed[i]) {
      owned.push(caseId);
      pending.push(caseId);
      continue;
    }
    const found = earlier.get(caseId);
    if (found?.fanOutRow !== row) continue;
    owned.push(caseId);
    if (found.gsi2pk === PENDING_START_PARTITION) pending.push(caseId);
  }
  const duplicates = named.length - owned.length;
  await recordBatch(counter, {
    rows: rows.length,
    caseIds: owned,
    rejectedRows,
    duplicates,
  });
  await withdrawIfNoticeWithdrawn(noticeId, owned);
  const started = await startPaced(pending, counter, pacing);
  return { cases: owned.length, started, duplicates, rejected: rejectedRows.length };
}

/**
 * A bulk notice withdrawn while it fans out: the batch reads the notice again once its cases are
 * recorded on its item, and records the withdrawal on each of them before starting them, so their
 * workflows end them `withdrawn` at their first step (see requestNoticeWithdrawal for why no case
 * escapes, and withdrawBulkCaseBeforeScreening). A case already withdrawn is left as it is.
 */
async function withdrawIfNoticeWithdrawn(noticeId: string, caseIds: readonly string[]) {
  const notice = await bulkNotice(noticeId);
  if (!notice.withdrawalRequestedAt) return;
  await pool(caseIds, 8, async (caseId) => {
    await withdrawBulkCaseBeforeScreening(caseId, notice.rightsHolderId);
  });
}

/**
 * Starts cases (idempotently: the execution name derives from the case id), then clears their
 * markers and counts them on the batch in one transaction per 99 cases (clearPendingStarts), so a
 * batch updates its progress once, not once per case. Paced: one start every `intervalMs` (the
 * design rate); unpaced: `concurrency` at once. A start that fails keeps its marker for the
 * reconciler; so does a started case whose marker could not be cleared (the reconciler's start
 * then finds the execution, and clears and counts it).
 */
async function startPaced(
  caseIds: readonly string[],
  counter: ReturnType<typeof batchCounter>,
  pacing: StartPacing,
): Promise<number> {
  const started: string[] = [];
  const startOne = async (caseId: string) => {
    try {
      await startCaseExecution(caseId, JSON.stringify({ v: 1, caseId }));
      started.push(caseId);
    } catch (error) {
      logger.warn('case start failed; the reconciler will start it', {
        caseId,
        error: (error as Error).name,
      });
    }
  };
  if (pacing.intervalMs > 0) {
    for (const caseId of caseIds) {
      const began = Date.now();
      await startOne(caseId);
      const rest = pacing.intervalMs - (Date.now() - began);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  } else await pool(caseIds, pacing.concurrency, startOne);
  try {
    return (await clearPendingStarts(started, counter)).length;
  } catch (error) {
    logger.warn('clearing start markers failed; the reconciler will clear them', {
      cases: started.length,
      error: (error as Error).name,
    });
    return 0;
  }
}

/**
 * The fan-out's last step: records its end and returns the progress (for the summary email).
 * Cases whose start failed are the reconciler's; the notice reads `filed` once they are started.
 */
export async function finishFanOut(noticeId: string) {
  const notice = await bulkNotice(noticeId);
  await markFanOutEnded(noticeId, clock.now().toISOString());
  return { notice, progress: await fanOutProgress(notice) };
}
