import { getScan, requestScanStop } from '../adapters/scan-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { conflict, notFound } from './lib/problem.ts';
import { scanView } from './schemas/screening.ts';

/**
 * POST /v1/screening/scans/{scanId}/stop (admin): asks a running scan to stop. Batches that start
 * after it skip their rows; the scan ends `stopped`. 409 when it is not running.
 */
export const handler = apiHandler('POST /v1/screening/scans/{scanId}/stop', async ({ params }) => {
  const scan = await getScan(params.scanId!);
  if (!scan) throw notFound('scan');
  if (!(await requestScanStop(scan.scanId))) throw conflict(`The scan is ${scan.status}.`);
  return json(202, scanView({ ...scan, status: 'stopping' }));
});
