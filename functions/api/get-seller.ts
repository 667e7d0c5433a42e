import { clock } from '../adapters/clock.ts';
import { queryPartyPage } from '../adapters/party-items.ts';
import { policy } from '../adapters/policy-source.ts';
import { getSeller, listSellerDecisions, listStrikes } from '../adapters/seller-store.ts';
import { nextMeasure } from '../domain/ladder.ts';
import { isStrikeActive } from '../domain/strikes.ts';
import { suspensionFacts } from '../use-cases/suspension-facts.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound } from './lib/problem.ts';

/**
 * GET /v1/sellers/{sellerId} (reviewer): a seller's measure; every strike, whether it is active
 * and whether it counts toward escalation past the warning (conduct after the warning, DSA
 * Art 23(1)); its latest cases; an open suspension review with the Art 23(3) facts (numbers, the
 * share of the seller's listings, gravity); the current suspension or termination; and the
 * reviewers' decisions on the account. The seller's email stays out: reviewers act on the record.
 */
export const handler = apiHandler('GET /v1/sellers/{sellerId}', async ({ params }) => {
  const sellerId = params.sellerId!;
  const [seller, strikes, cases, decisions] = await Promise.all([
    getSeller(sellerId),
    listStrikes(sellerId),
    queryPartyPage({ partition: `SELLER#${sellerId}`, skPrefix: 'CASE#', limit: 25 }),
    listSellerDecisions(sellerId),
  ]);
  if (!seller && cases.items.length === 0) throw notFound('seller');
  const now = clock.now();
  const ladder = seller ? nextMeasure(seller.measure, strikes, now, seller, policy) : undefined;
  const review = seller?.suspensionReview;
  return json(200, {
    sellerId,
    measure: seller?.measure ?? 'none',
    ...(seller?.warnedAt ? { warnedAt: seller.warnedAt } : {}),
    ...(seller?.educationAcknowledgedAt
      ? { educationAcknowledgedAt: seller.educationAcknowledgedAt }
      : {}),
    ...(seller?.suspension ? { suspension: seller.suspension } : {}),
    ...(seller?.terminatedAt ? { terminatedAt: seller.terminatedAt } : {}),
    ...(review && seller
      ? {
          suspensionReview: {
            ...review,
            facts: await suspensionFacts(seller, strikes, now),
          },
        }
      : {}),
    strikes: strikes.map((strike) => ({
      strikeId: strike.strikeId,
      noticeId: strike.noticeId,
      caseIds: strike.caseIds,
      createdAt: strike.createdAt,
      expiresAt: strike.expiresAt,
      ...(strike.revokedAt ? { revokedAt: strike.revokedAt } : {}),
      ...(strike.listingCreatedAt ? { listingCreatedAt: strike.listingCreatedAt } : {}),
      ...(strike.noticeReceivedAt ? { noticeReceivedAt: strike.noticeReceivedAt } : {}),
      ...(strike.warningSentAt ? { warningSentAt: strike.warningSentAt } : {}),
      weight: strike.weight,
      active: isStrikeActive(strike, now),
      counts: ladder?.countingStrikeIds.includes(strike.strikeId) ?? false,
    })),
    decisions,
    cases: cases.items.map((item) => ({
      caseId: item.caseId,
      listingId: item.listingId,
      ...(item.listingTitle ? { listingTitle: item.listingTitle } : {}),
      status: item.status,
      createdAt: item.createdAt,
    })),
  });
});
