import { createHash } from 'node:crypto';
import { addBatchCounts, getScan, type ScanCounts } from '../adapters/scan-store.ts';
import { listingToScreenSchema } from '../domain/screening-rules.ts';
import { screenListing } from './screen-listing.ts';

/** Listings of a batch screened at once (each is a GetItem, and a PutItem for a hit). */
const PARALLEL = 20;

/**
 * Screens one batch of a catalogue scan (rows as the item reader gives them: JSON Lines objects,
 * or CSV rows whose fields are strings).
 *
 * 1. A scan asked to stop skips the batch's rows (counted as `skipped`).
 * 2. Each row that is a listing (listingToScreenSchema; an empty optional CSV cell is absent) is
 *    screened as the screening API screens it, hits recorded with the source `scan:<scanId>`;
 *    any other row is counted `invalid`, never failing the batch.
 * 3. The batch's counts are added to the scan's once: the batch id derives from its rows, so a
 *    retried batch (or a re-run after an interruption) adds nothing twice.
 */
export async function screenCatalogueBatch(
  scanId: string,
  rows: readonly unknown[],
  now: Date,
): Promise<Omit<ScanCounts, 'batches'>> {
  const counts = { screened: 0, clear: 0, flag: 0, takedown: 0, invalid: 0, skipped: 0 };
  const batchId = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 32);
  const scan = await getScan(scanId);
  if (scan?.status !== 'running') {
    counts.skipped = rows.length;
  } else {
    for (let i = 0; i < rows.length; i += PARALLEL) {
      await Promise.all(
        rows.slice(i, i + PARALLEL).map(async (row) => {
          const parsed = listingToScreenSchema.safeParse(withoutEmptyCells(row));
          if (!parsed.success) {
            counts.invalid++;
            return;
          }
          const outcome = await screenListing(parsed.data, `scan:${scanId}`, now);
          counts.screened++;
          counts[outcome.verdict]++;
        }),
      );
    }
  }
  await addBatchCounts(scanId, batchId, counts);
  return counts;
}

/** A CSV row has every header's cell; an empty optional one means absent. */
function withoutEmptyCells(row: unknown): unknown {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return row;
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
}
