import { logger } from '../adapters/logger.ts';
import { sendDueDigests } from '../use-cases/send-digests.ts';

/** Scheduled (hourly): sends the notifiers' hourly and the sellers' daily digests that are due. */
export async function handler(): Promise<{ sent: number }> {
  const result = await sendDueDigests();
  if (result.sent) logger.info('digests sent', result);
  return result;
}
