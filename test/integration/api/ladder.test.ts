import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../../local/cloud.ts';
import { noticeBody } from '../../support/api.ts';
import { startTestCloud } from '../../support/cloud.ts';
import { call, demoToken, tokenFor } from './support.ts';

let cloud: LocalCloud;
let acme: string;
let reviewer: string;
const sellerId = `ladder-seller-${process.pid}`;
let otherListing: string;

async function newListing(title: string): Promise<string> {
  const res = await fetch(`${cloud.url}/_local/marketplace/listings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sellerId, title }),
  });
  return ((await res.json()) as { listingId: string }).listingId;
}

/** Files a one-listing notice against a new listing of the seller and approves it. */
async function infringe(n: number): Promise<string> {
  const listingId = await newListing(`ACME-style sneaker ${n}`);
  const filed = await call(
    cloud,
    'POST',
    '/v1/notices',
    acme,
    noticeBody([listingId], {
      infringementType: 'counterfeit',
      explanation: 'Counterfeit ACME goods: logo, packaging and name copied.',
    }),
    { 'idempotency-key': `ladder-${process.pid}-${n}` },
  );
  expect(filed.status).toBe(202);
  await cloud.settled();
  const caseId = filed.body.cases[0].caseId as string;
  const decided = await call(cloud, 'POST', `/v1/cases/${caseId}/decision`, reviewer, {
    decision: 'approve',
    reasonCode: 'counterfeit_goods',
    reasons:
      'The listing sells goods bearing the registered mark that the rights holder did not make.',
  });
  expect(decided.status).toBe(200);
  await cloud.settled();
  return caseId;
}

beforeAll(async () => {
  cloud = await startTestCloud();
  acme = await demoToken(cloud, 'acme-brand');
  reviewer = await demoToken(cloud, 'reviewer');
  otherListing = await newListing('An honest sneaker');
  for (let n = 1; n <= 3; n++) await infringe(n);
});

afterAll(async () => {
  await cloud?.stop();
});

describe('The suspension review over HTTP', () => {
  it('shows the seller held at restricted, which strikes count, and the review with its facts', async () => {
    // Act
    const seller = await call(cloud, 'GET', `/v1/sellers/${sellerId}`, reviewer);

    // Assert
    expect(seller.status).toBe(200);
    expect(seller.body.measure).toBe('restricted');
    expect(seller.body.strikes.map((s: { counts: boolean }) => s.counts).sort()).toEqual([
      false,
      true,
      true,
    ]);
    expect(seller.body.suspensionReview).toMatchObject({
      taskId: `suspension-review:${sellerId}:1`,
      facts: { countingStrikes: 2, countingItems: 2, totalListings: 4, liveListings: 1 },
    });
  });

  it('lists the review in the suspension_review queue, without a case', async () => {
    // Act
    const queue = await call(cloud, 'GET', '/v1/review-tasks?queue=suspension_review', reviewer);

    // Assert
    expect(queue.status).toBe(200);
    const task = queue.body.items.find(
      (item: { subjectId: string }) => item.subjectId === sellerId,
    );
    expect(task).toMatchObject({
      taskId: `suspension-review:${sellerId}:1`,
      kind: 'suspension_review',
      queue: 'suspension_review',
      sellerId,
    });
    expect(task.caseId).toBeUndefined();
  });

  it('refuses a reason code the decision does not allow with 400, writing nothing', async () => {
    // Act
    const res = await call(cloud, 'POST', `/v1/sellers/${sellerId}/suspension-decision`, reviewer, {
      decision: 'suspend',
      reasonCode: 'isolated_incidents',
      reasons: 'Three counterfeits.',
    });
    const after = await call(cloud, 'GET', `/v1/sellers/${sellerId}`, reviewer);

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('reasonCode');
    expect(after.body.suspensionReview).toBeDefined();
  });

  it('answers 409 while another reviewer holds the task’s claim', async () => {
    // Arrange
    const other = await tokenFor(cloud, { sub: 'reviewer-2', groups: ['reviewer'] });
    const taskId = encodeURIComponent(`suspension-review:${sellerId}:1`);
    expect((await call(cloud, 'POST', `/v1/review-tasks/${taskId}/claim`, other)).status).toBe(200);

    // Act
    const res = await call(cloud, 'POST', `/v1/sellers/${sellerId}/suspension-decision`, reviewer, {
      decision: 'suspend',
      reasonCode: 'repeated_manifestly_illegal_items',
      reasons: 'Three counterfeits.',
    });

    // Assert
    expect(res.status).toBe(409);
    expect((await call(cloud, 'DELETE', `/v1/review-tasks/${taskId}/claim`, other)).status).toBe(
      204,
    );
  });

  it('suspends for the policy period, takes the seller’s listings off the marketplace, and a second decision gets 409', async () => {
    // Act
    const res = await call(cloud, 'POST', `/v1/sellers/${sellerId}/suspension-decision`, reviewer, {
      decision: 'suspend',
      reasonCode: 'repeated_manifestly_illegal_items',
      reasons: 'Two counterfeit listings posted after the warning.',
      note: 'Internal: same supplier as last month.',
    });
    const again = await call(
      cloud,
      'POST',
      `/v1/sellers/${sellerId}/suspension-decision`,
      reviewer,
      {
        decision: 'hold_restricted',
        reasonCode: 'isolated_incidents',
        reasons: 'x',
      },
    );
    const listing = (await (
      await fetch(`${cloud.url}/_local/marketplace/listings/${otherListing}`)
    ).json()) as { status: string };
    const seller = await call(cloud, 'GET', `/v1/sellers/${sellerId}`, reviewer);

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sellerId, measure: 'suspended', until: expect.any(String) });
    expect(again.status).toBe(409);
    expect(listing.status).toBe('disabled');
    expect(seller.body.decisions[0]).toMatchObject({
      decision: 'suspend',
      reasons: 'Two counterfeit listings posted after the warning.',
    });
    // The transparency report counts the Art 23(1) suspension, once.
    const day = new Date(cloud.clock.now()).toISOString().slice(0, 10);
    const admin = await demoToken(cloud, 'admin');
    const report = await call(cloud, 'GET', `/v1/transparency/report?from=${day}&to=${day}`, admin);
    expect(report.body.suspensions).toMatchObject({ sellers: 1 });
  });
});
