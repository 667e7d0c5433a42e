import { randomUUID } from 'node:crypto';
import { startNamedExecution } from '../adapters/case-execution.ts';
import { catalogueExportExists } from '../adapters/catalogue-exports.ts';
import { clock } from '../adapters/clock.ts';
import { evidenceBucket } from '../adapters/s3-client.ts';
import { createScan } from '../adapters/scan-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { unprocessable } from './lib/problem.ts';
import { scanView, startScanBodySchema } from './schemas/screening.ts';

/**
 * POST /v1/screening/scans (admin): starts a catalogue scan of an export under
 * `catalogue-exports/` in the evidence bucket.
 *
 * 1. 422 when no object is at the key.
 * 2. Write the scan (status `running`, zero counts), then start the `scan` execution named by
 *    the scan id (a retried start is the same execution).
 */
export const handler = apiHandler('POST /v1/screening/scans', async ({ caller, body }) => {
  const input = body(startScanBodySchema);
  if (!(await catalogueExportExists(input.key)))
    throw unprocessable('No catalogue export is at this key.', [
      { path: 'key', message: 'No such object' },
    ]);
  const scanId = `scan-${randomUUID()}`;
  const scan = await createScan({
    scanId,
    key: input.key,
    format: input.format,
    startedAt: clock.now().toISOString(),
    startedBy: caller.sub,
  });
  await startNamedExecution(
    'scan',
    scanId,
    JSON.stringify({ v: 1, scanId, bucket: evidenceBucket, key: input.key, format: input.format }),
  );
  return json(202, scanView(scan));
});
