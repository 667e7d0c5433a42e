import { clock } from '../adapters/clock.ts';
import { queryPartyPage } from '../adapters/party-items.ts';
import { getSeller, listStrikes } from '../adapters/seller-store.ts';
import { isStrikeActive } from '../domain/strikes.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound } from './lib/problem.ts';

/**
 * GET /v1/sellers/{sellerId} (reviewer): a seller's measure, every strike (and whether it still
 * counts toward escalation) and its latest cases. The seller's email stays out: reviewers act on
 * the record, and the marketplace reaches the seller.
 */
export const handler = apiHandler('GET /v1/sellers/{sellerId}', async ({ params }) => {
  const sellerId = params.sellerId!;
  const [seller, strikes, cases] = await Promise.all([
    getSeller(sellerId),
    listStrikes(sellerId),
    queryPartyPage({ partition: `SELLER#${sellerId}`, skPrefix: 'CASE#', limit: 25 }),
  ]);
  if (!seller && cases.items.length === 0) throw notFound('seller');
  const now = clock.now();
  return json(200, {
    sellerId,
    measure: seller?.measure ?? 'none',
    ...(seller?.warnedAt ? { warnedAt: seller.warnedAt } : {}),
    ...(seller?.educationAcknowledgedAt
      ? { educationAcknowledgedAt: seller.educationAcknowledgedAt }
      : {}),
    strikes: strikes.map((strike) => ({
      strikeId: strike.strikeId,
      noticeId: strike.noticeId,
      caseIds: strike.caseIds,
      createdAt: strike.createdAt,
      expiresAt: strike.expiresAt,
      ...(strike.revokedAt ? { revokedAt: strike.revokedAt } : {}),
      weight: strike.weight,
      counts: isStrikeActive(strike, now),
    })),
    cases: cases.items.map((item) => ({
      caseId: item.caseId,
      listingId: item.listingId,
      ...(item.listingTitle ? { listingTitle: item.listingTitle } : {}),
      status: item.status,
      createdAt: item.createdAt,
    })),
  });
});
