import { getCase } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { keys } from '../adapters/keys.ts';
import { marketplace } from '../adapters/marketplace.ts';
import { getIpRight } from '../adapters/registry-store.ts';
import {
  findTestBuyOrder,
  putTestBuy,
  TestBuyAlreadyRecorded,
} from '../adapters/test-buy-store.ts';
import { DomainRuleError } from '../domain/errors.ts';
import { type TestBuyInput, type TestBuyRecord, testBuyIdOf } from '../domain/test-buy.ts';
import { type InfringementType, RIGHT_KINDS_FOR_TYPE } from '../domain/vocabulary.ts';
import { assertOwnSealedEvidence } from './evidence-ownership.ts';
import { openOwnInitiativeCase } from './own-initiative.ts';

export { TestBuyAlreadyRecorded };

/** A case named by a test buy does not exist (→ 404). */
export class TestBuyCaseNotFound extends Error {
  override name = 'TestBuyCaseNotFound';
}

/** A test buy backs a takedown only for a counterfeit (the schema refuses anything else). */
const INFRINGEMENT_OF_TEST_BUY: InfringementType = 'counterfeit';

/** What a test buy that confirmed a counterfeit tells the seller, when it backs a takedown. */
const TEST_BUY_REASONS =
  'We ordered the goods of this listing in a test buy. The goods delivered were examined and found to be counterfeit; the signed test-buy report is part of this case.';

/**
 * Records a mystery test buy (issue 19, item 6) and, for a confirmed counterfeit with `takedown`,
 * opens an own-initiative case on the listing, decided by the reviewer: the listing is taken down
 * by the own-initiative job within a minute, with the same strike, statement of reasons and
 * redress as any case. One order is one test buy: a repeated order is refused.
 *
 * 1. the report must be staff's own sealed test-buy report (422 otherwise);
 * 2. a case named must exist (404) and be the seller's, about the listing named (422);
 * 3. a listing named must be the seller's on the marketplace (422);
 * 4. a takedown needs a verified IP right (422), and opens its case before the test buy is
 *    written, with an id derived from the order, so a retry after a crash opens nothing twice.
 *
 * @throws TestBuyAlreadyRecorded for an order already recorded (→ 409)
 */
export async function recordTestBuy(
  input: TestBuyInput,
  reviewerId: string,
  now: Date = clock.now(),
): Promise<TestBuyRecord> {
  const testBuyId = testBuyIdOf(input.orderId);
  const existing = await findTestBuyOrder(testBuyId);
  if (existing) throw new TestBuyAlreadyRecorded(existing);
  await assertOwnSealedEvidence(['PLATFORM'], [input.reportEvidenceId], 'reportEvidenceId', {
    purpose: 'test_buy_report',
  });
  const problems: { path: string; message: string }[] = [];
  if (input.caseId) {
    const record = await getCase(input.caseId);
    if (!record) throw new TestBuyCaseNotFound(`case ${input.caseId} does not exist`);
    if (record.sellerId !== input.sellerId)
      problems.push({ path: 'sellerId', message: 'Not the seller of the case' });
    if (input.listingId && record.listingId !== input.listingId)
      problems.push({ path: 'listingId', message: 'Not the listing of the case' });
  }
  const listing = input.listingId ? await marketplace().getListing(input.listingId) : null;
  if (input.listingId && listing?.sellerId !== input.sellerId)
    problems.push({
      path: 'listingId',
      message: 'The marketplace has no such listing of the seller',
    });
  const ipRight = input.ipRightId ? await getIpRight(input.ipRightId) : null;
  if (input.ipRightId && ipRight?.status !== 'verified')
    problems.push({ path: 'ipRightId', message: 'No verified IP right with this id' });
  else if (
    input.takedown &&
    ipRight &&
    !RIGHT_KINDS_FOR_TYPE[INFRINGEMENT_OF_TEST_BUY].includes(ipRight.kind)
  )
    problems.push({ path: 'ipRightId', message: 'A counterfeit infringes a trademark' });
  if (problems.length > 0)
    throw new DomainRuleError('test_buy_refused', 'The test buy cannot be recorded.', problems);

  const at = now.toISOString();
  let ownInitiativeCaseId: string | undefined;
  if (input.takedown && listing && ipRight) {
    const opened = await openOwnInitiativeCase(
      {
        hitId: testBuyId,
        listingId: listing.listingId,
        sellerId: listing.sellerId,
        listingTitle: listing.title,
        ipRightId: ipRight.ipRightId,
        rightsHolderId: ipRight.rightsHolderId,
        jurisdiction: ipRight.jurisdiction,
        infringementType: INFRINGEMENT_OF_TEST_BUY,
        testBuy: {
          testBuyId,
          reportEvidenceId: input.reportEvidenceId,
          reviewerId,
          reasons: TEST_BUY_REASONS,
        },
      },
      now,
    );
    if (!opened)
      throw new DomainRuleError('test_buy_refused', 'The test buy cannot be recorded.', [
        { path: 'listingId', message: 'The marketplace has no such listing of the seller' },
      ]);
    ownInitiativeCaseId = opened.caseId;
  }
  const caseId = input.caseId ?? ownInitiativeCaseId;
  const record: TestBuyRecord = {
    testBuyId,
    sellerId: input.sellerId,
    ...(input.listingId ? { listingId: input.listingId } : {}),
    ...(caseId ? { caseId } : {}),
    orderId: input.orderId,
    orderedAt: input.orderedAt,
    outcome: input.outcome,
    reportEvidenceId: input.reportEvidenceId,
    ...(input.ipRightId ? { ipRightId: input.ipRightId } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    ...(ownInitiativeCaseId ? { ownInitiativeCaseId } : {}),
    recordedBy: reviewerId,
    recordedAt: at,
  };
  // An existing case's timeline says a test buy was attached (the opened case says it itself).
  const timelineEvent =
    input.caseId !== undefined
      ? {
          ...keys.event(input.caseId, at, `test_buy_recorded#${testBuyId}`),
          type: 'TimelineEvent',
          at,
          actor: { role: 'reviewer', id: reviewerId },
          eventType: 'test_buy_recorded',
          detail: { testBuyId, outcome: input.outcome, reviewerId },
          stepKey: `test_buy_recorded#${testBuyId}`,
        }
      : undefined;
  await putTestBuy(record, timelineEvent);
  return record;
}
