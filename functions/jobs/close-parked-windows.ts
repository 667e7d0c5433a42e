import { logger } from '../adapters/logger.ts';
import { closeExpiredWindows } from '../use-cases/parked-cases.ts';

/**
 * Scheduled (hourly): closes, in bulk, the counter-notice windows of parked own-initiative cases
 * that have ended; each becomes `upheld` without any execution having waited on it.
 */
export async function handler(): Promise<{ closed: number }> {
  const closed = await closeExpiredWindows();
  if (closed) logger.info('parked windows closed', { closed });
  return { closed };
}
