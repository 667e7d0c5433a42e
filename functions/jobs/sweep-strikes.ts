import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '../adapters/clock.ts';
import { dynamo } from '../adapters/dynamo-client.ts';
import { logger } from '../adapters/logger.ts';
import { policy } from '../adapters/policy-source.ts';
import { measureWrites } from '../adapters/seller-measure-writes.ts';
import {
  getSeller,
  listEndedSuspensions,
  listExpiredStrikes,
  listStrikes,
  putStrikeItem,
} from '../adapters/seller-store.ts';
import { nextMeasure } from '../domain/ladder.ts';
import { syncSellerMeasure } from '../use-cases/sync-seller-measure.ts';

/**
 * The strike sweeper (a scheduled job). Strike expiry is data (`expiresAt`), never a wait inside a
 * case's execution, so this job applies it:
 * 1. find active strikes whose `expiresAt` has passed (index STRIKE_EXPIRY, oldest first);
 * 2. for each seller, recompute the measure from the strikes still active, and un-index the
 *    expired strikes, in one transaction conditional on the seller's version;
 * 3. lift the measure on the marketplace when it dropped below a threshold;
 * 4. likewise for sellers whose confirmed suspension reached its end (index SUSPENSION_END):
 *    the measure falls back to what the ladder says without the suspension.
 * A termination is never lifted here: expiry does not lift it (17 U.S.C. §512(i)).
 * Idempotent: an expired strike leaves the index once; a rerun finds nothing to do.
 */
export async function handler(): Promise<{ sellers: number; strikes: number }> {
  const now = clock.now();
  const expired = await listExpiredStrikes(now);
  const ended = await listEndedSuspensions(now);
  const sellers = [...new Set([...expired.map((e) => e.sellerId), ...ended])];
  let strikes = 0;
  for (const sellerId of sellers) {
    try {
      // The seller first, then its strikes: the version condition then covers both reads.
      const seller = await getSeller(sellerId);
      const all = await listStrikes(sellerId);
      if (!seller) continue;
      const due = all.filter((s) => s.revokedAt === undefined && new Date(s.expiresAt) <= now);
      const decision = nextMeasure(seller.measure, all, now, seller, policy);
      const writes = measureWrites(seller, decision, { now, policy, strikes: all });
      // An expired strike is kept for the record, but no longer indexed for expiry.
      const items = due.map((strike) => {
        const put = putStrikeItem(sellerId, { ...strike, revokedAt: undefined });
        const item = put.Put!.Item as Record<string, unknown>;
        delete item.gsi2pk;
        delete item.gsi2sk;
        item.expiredAt = now.toISOString();
        return put;
      });
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [...items, ...writes.items],
        }),
      );
      strikes += due.length;
      await syncSellerMeasure(sellerId);
      logger.info('strikes expired', { sellerId, expired: due.length, measure: decision.measure });
    } catch (error) {
      logger.error('strike sweep failed for a seller; the next run retries', {
        sellerId,
        error: (error as Error).name,
      });
    }
  }
  return { sellers: sellers.length, strikes };
}
