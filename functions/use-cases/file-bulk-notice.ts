import { clearPendingFanOut, pendingFanOutMarker } from '../adapters/bulk-notice-store.ts';
import { fanOutExecutionName, startNamedExecution } from '../adapters/case-execution.ts';
import { putIfAbsent } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import type { EvidenceRecord } from '../adapters/evidence-store.ts';
import { logger } from '../adapters/logger.ts';
import type { Notice } from '../domain/notice.ts';
import { noticeItem } from './notice-writes.ts';

/** The answer to a bulk notice: accepted, its cases to come (API.md, Bulk notices). */
export interface FiledBulkNotice {
  noticeId: string;
  status: 'fanning_out';
  cases: [];
}

/** The fan-out execution's input (payload version 1). */
export const fanOutInput = (noticeId: string) => JSON.stringify({ v: 1, noticeId });

/**
 * Files a bulk notice: the notice is written `fanning_out`, with the manifest it names and the
 * number of rows, and the fan-out execution (a distributed Map over the manifest) is started.
 *
 * 1. Write the notice once, with a fan-out marker (the outbox): a replay finds it written.
 * 2. Start the fan-out, named from the notice id (a second start is the same execution), and
 *    clear the marker. A start that fails leaves the marker, and the reconciler starts it, so
 *    the 202 never promises a fan-out that cannot happen.
 */
export async function fileBulkNotice(input: {
  rightsHolderId: string;
  noticeId: string;
  notice: Notice;
  manifest: EvidenceRecord;
  /** Rows the manifest holds (header excluded). */
  total: number;
  filedBy: string;
}): Promise<FiledBulkNotice> {
  const { noticeId, notice, rightsHolderId } = input;
  const at = clock.now().toISOString();
  await putIfAbsent({
    ...noticeItem({
      noticeId,
      rightsHolderId,
      filedBy: input.filedBy,
      notice,
      at,
      listingIds: [],
      caseIds: [],
    }),
    bulk: {
      manifestEvidenceId: input.manifest.evidenceId,
      contentType: input.manifest.stored?.contentType ?? input.manifest.contentType,
      total: input.total,
    },
    ...pendingFanOutMarker(noticeId, at),
  });
  try {
    await startFanOut(noticeId);
  } catch (error) {
    logger.warn('fan-out start failed; the reconciler will start it', {
      noticeId,
      error: (error as Error).name,
    });
  }
  return { noticeId, status: 'fanning_out', cases: [] };
}

/**
 * Starts a notice's fan-out (idempotently) and clears its marker. Throws when either fails; the
 * marker then stays, for the reconciler.
 */
export async function startFanOut(noticeId: string): Promise<void> {
  await startNamedExecution('bulk-notice', fanOutExecutionName(noticeId), fanOutInput(noticeId));
  await clearPendingFanOut(noticeId);
}
