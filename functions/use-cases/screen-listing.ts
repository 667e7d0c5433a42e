import {
  findStayDownFingerprint,
  hitIdFor,
  recordScreeningHit,
} from '../adapters/screening-hits.ts';
import { activeRuleSet } from '../adapters/screening-rule-cache.ts';
import {
  type RuleHit,
  type ScreenedListing,
  type Verdict,
  verdictOf,
} from '../domain/screening-rules.ts';
import { type StayDownHit, stayDownHit, titleFingerprint } from '../domain/stay-down.ts';
import { openCasesForHits } from './own-initiative.ts';

export interface ListingToScreen extends ScreenedListing {
  listingId: string;
  sellerId: string;
}

export interface ScreeningOutcome {
  verdict: Verdict;
  ruleSetVersion: number;
  hits: (RuleHit | StayDownHit)[];
  hitId?: string;
  /** The own-initiative cases the hits opened (one per IP right). */
  caseIds?: string[];
}

/**
 * Screens one listing (the marketplace's call, or one row of a catalogue scan).
 *
 * 1. Match the title and description against the active rule set (compiled once per version).
 * 2. Look up the seller's stay-down fingerprint of this title: a relisting of a listing taken
 *    down earlier (another listing id) is a `flag` hit naming the earlier case.
 * 3. The verdict is the strongest action of the hits.
 * 4. A `flag` or `takedown` verdict records a hit in the `proactive` queue (once per listing,
 *    title and rule-set version), for a reviewer until own-initiative cases turn hits into cases.
 */
export async function screenListing(
  listing: ListingToScreen,
  source: string,
  now: Date,
): Promise<ScreeningOutcome> {
  const rules = await activeRuleSet();
  const hits: (RuleHit | StayDownHit)[] = rules.match(listing);
  const earlier = await findStayDownFingerprint(listing.sellerId, titleFingerprint(listing.title));
  if (earlier && earlier.listingId !== listing.listingId)
    hits.push(stayDownHit(listing.title, earlier));
  const verdict = verdictOf(hits);
  if (verdict === 'clear') return { verdict, ruleSetVersion: rules.version, hits };
  const hitId = hitIdFor(listing.listingId, listing.title, rules.version);
  await recordScreeningHit({
    hitId,
    listingId: listing.listingId,
    sellerId: listing.sellerId,
    listingTitle: listing.title,
    verdict,
    ruleSetVersion: rules.version,
    hits: hits.map(({ action: _action, ...hit }) => hit),
    source,
    createdAt: now.toISOString(),
  });
  const caseIds = await openCasesForHits({
    hitId,
    listingId: listing.listingId,
    sellerId: listing.sellerId,
    listingTitle: listing.title,
    ruleSetVersion: rules.version,
    hits,
    now,
  });
  return { verdict, ruleSetVersion: rules.version, hits, hitId, caseIds };
}
