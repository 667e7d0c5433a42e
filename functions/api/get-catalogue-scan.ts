import { getScan } from '../adapters/scan-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound } from './lib/problem.ts';
import { scanView } from './schemas/screening.ts';

/** GET /v1/screening/scans/{scanId} (admin): the scan's status and counts so far. */
export const handler = apiHandler('GET /v1/screening/scans/{scanId}', async ({ params }) => {
  const scan = await getScan(params.scanId!);
  if (!scan) throw notFound('scan');
  return json(200, scanView(scan));
});
