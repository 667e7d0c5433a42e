import { logger } from '../adapters/logger.ts';
import { actOnPendingCases } from '../use-cases/act-on-own-initiative.ts';

/**
 * Scheduled (every minute): runs the immediate part of every approved own-initiative case still
 * pending (takedown, strike, measure, statement of reasons to the seller's inbox), then parks it.
 * A case whose action failed (the marketplace down) stays pending for the next run.
 */
export async function handler(): Promise<{ parked: number; failed: number }> {
  const result = await actOnPendingCases();
  if (result.parked || result.failed) logger.info('own-initiative cases acted on', result);
  return result;
}
