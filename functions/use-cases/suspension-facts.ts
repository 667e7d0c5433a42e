import { marketplace } from '../adapters/marketplace.ts';
import { policy } from '../adapters/policy-source.ts';
import type { SellerRecord } from '../adapters/seller-store.ts';
import { nextMeasure } from '../domain/ladder.ts';
import type { SuspensionFacts } from '../domain/seller-measure-text.ts';
import { activeStrikes, type StrikeRecord } from '../domain/strikes.ts';

/** The facts of a seller's suspension review (DSA Art 23(3)), from its strikes and the marketplace. */
export async function suspensionFacts(
  seller: SellerRecord,
  strikes: readonly StrikeRecord[],
  now: Date,
): Promise<SuspensionFacts> {
  const decision = nextMeasure(seller.measure, strikes, now, seller, policy);
  const counting = strikes.filter((s) => decision.countingStrikeIds.includes(s.strikeId));
  const counts = await marketplace().countSellerListings(seller.sellerId);
  const countingItems = counting.reduce((n, s) => n + s.caseIds.length, 0);
  return {
    activeStrikes: activeStrikes(strikes, now).length,
    countingStrikes: counting.length,
    countingItems,
    aggravatedStrikes: counting.filter((s) => s.weight > 1).length,
    liveListings: counts.live,
    totalListings: counts.total,
    share: countingItems === 0 ? 0 : countingItems / Math.max(counts.total, countingItems),
  };
}
