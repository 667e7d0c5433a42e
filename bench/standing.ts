/**
 * Standing run (`npm run bench:standing`): 200 notices with mixed outcomes against `npm start`'s
 * stack (throwaway DATA_DIR, free port), all through the public API, and the counts issue 15 asks
 * for: how many notices went to the fast lane (priority queue), and how many sellers were warned,
 * restricted, put under suspension review, suspended and terminated.
 *
 * The mix: 40 sellers, 5 one-listing notices each, from the seeded rights holder. Half the sellers
 * post each listing just before its notice (conduct after the warning); the other half posted all
 * five before the first notice (old listings noticed within the clean-up grace). A reviewer
 * approves 9 notices in 10 and rejects the 10th (every other rejection as manifestly unfounded);
 * every suspension review it meets is confirmed, every misuse review closed with no action.
 *
 *   N=200 npm run bench:standing
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoTokens, startStack } from './lib/stack.ts';

const N = Number(process.env.N ?? 200);
const PER_SELLER = 5;
const dataDir = mkdtempSync(join(tmpdir(), 'takedown-bench-standing-'));

type Json = Record<string, unknown> & { [key: string]: unknown };

const { child, url } = await startStack(dataDir);
try {
  const token = await demoTokens(url);
  const acme = token('acme-brand');
  const reviewer = token('reviewer');
  const call = async (method: string, path: string, bearer: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${Math.random().toString(36).slice(2)}`,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
  };
  const newListing = async (sellerId: string) =>
    (
      (await (
        await fetch(`${url}/_local/marketplace/listings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sellerId, title: `Sneaker of ${sellerId}` }),
        })
      ).json()) as { listingId: string }
    ).listingId;
  const waitFor = async (caseId: string, statuses: string[]) => {
    let last: Json = {};
    for (let i = 0; i < 600; i++) {
      last = (await call('GET', `/v1/cases/${caseId}`, reviewer)).body;
      if (statuses.includes(String(last.status))) return last;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(
      `case ${caseId} never reached ${statuses.join('|')}: ${last.status} ${JSON.stringify(last.timeline)}`,
    );
  };

  const sellers = Array.from({ length: N / PER_SELLER }, (_, i) => `bench-seller-${i}`);
  const oldListings = new Map<string, string[]>();
  for (const [i, sellerId] of sellers.entries()) {
    if (i % 2 === 1)
      oldListings.set(
        sellerId,
        await Promise.all(Array.from({ length: PER_SELLER }, () => newListing(sellerId))),
      );
  }
  const counts = {
    notices: 0,
    priority: 0,
    approved: 0,
    rejected: 0,
    manifestlyUnfounded: 0,
    suspensionReviews: 0,
    misuseReviews: 0,
    screenedOut: 0,
  };
  const started = Date.now();
  for (let n = 0; n < N; n++) {
    const sellerId = sellers[n % sellers.length]!;
    const round = Math.floor(n / sellers.length);
    const listingId = oldListings.get(sellerId)?.[round] ?? (await newListing(sellerId));
    const filed = await call('POST', '/v1/notices', acme, {
      ipRightId: 'ipr-acme-tm-us',
      infringementType: 'counterfeit',
      jurisdiction: 'US',
      listings: [{ listingId }],
      explanation: 'Counterfeit ACME goods: logo, packaging and name copied.',
      evidenceIds: ['ev-acme-certificate'],
      statements: { goodFaith: true, accurate: true, authorizedUnderPenaltyOfPerjury: true },
      signature: { fullName: 'Bench Mark', signedAt: new Date().toISOString() },
    });
    if (filed.status !== 202)
      throw new Error(`notice ${n}: ${filed.status} ${JSON.stringify(filed.body)}`);
    counts.notices++;
    const caseId = (filed.body.cases as { caseId: string }[])[0]!.caseId;
    const screened = await waitFor(caseId, ['awaiting_review', 'rejected']);
    if (screened.status === 'rejected') {
      // A suspended or terminated seller's listings are not live: screening rejects the notice.
      counts.screenedOut++;
      continue;
    }
    const task = await call('GET', '/v1/review-tasks?queue=priority&limit=100', reviewer);
    if ((task.body.items as { caseId?: string }[]).some((item) => item.caseId === caseId))
      counts.priority++;
    const reject = n % 10 === 9;
    const unfounded = reject && n % 20 === 19;
    const decided = await call('POST', `/v1/cases/${caseId}/decision`, reviewer, {
      decision: reject ? 'reject' : 'approve',
      reasonCode: reject
        ? unfounded
          ? 'manifestly_unfounded'
          : 'no_infringement'
        : 'counterfeit_goods',
      reasons: reject
        ? 'The evidence does not show that this listing infringes.'
        : 'The listing sells goods bearing the registered mark that the rights holder did not make.',
    });
    if (decided.status !== 200) throw new Error(`decision ${n}: ${decided.status}`);
    counts[reject ? 'rejected' : 'approved']++;
    if (unfounded) counts.manifestlyUnfounded++;
    await waitFor(caseId, ['awaiting_counter_notice', 'rejected']);
    // Answer whatever reviews the ladder and standing opened.
    const reviews = await call('GET', '/v1/review-tasks?queue=suspension_review', reviewer);
    for (const item of reviews.body.items as { sellerId: string }[]) {
      const res = await call('POST', `/v1/sellers/${item.sellerId}/suspension-decision`, reviewer, {
        decision: 'suspend',
        reasonCode: 'repeated_manifestly_illegal_items',
        reasons: 'Repeated counterfeit listings posted after the warning.',
      });
      if (res.status === 200) counts.suspensionReviews++;
    }
    const misuse = await call('GET', '/v1/review-tasks?queue=standing', reviewer);
    for (const _ of misuse.body.items as unknown[]) {
      const res = await call('POST', '/v1/rights-holders/rh-acme/misuse-decision', reviewer, {
        decision: 'no_action',
        reasonCode: 'errors_in_good_faith',
        reasons: 'Rejections spread over many sellers; no pattern of bad faith.',
      });
      if (res.status === 200) counts.misuseReviews++;
    }
  }
  const measures: Record<string, number> = {};
  const reachedWarning = { postedAfter: 0, oldListings: 0 };
  for (const sellerId of sellers) {
    const seller = await call('GET', `/v1/sellers/${sellerId}`, reviewer);
    const measure = String(seller.body.measure);
    measures[measure] = (measures[measure] ?? 0) + 1;
    if (measure === 'warning')
      reachedWarning[oldListings.has(sellerId) ? 'oldListings' : 'postedAfter']++;
  }
  // The last case's close step counts its outcome just after its status is written: wait for it.
  let standing: Json = {};
  for (let i = 0; i < 200; i++) {
    standing = (await call('GET', '/v1/rights-holders/me', acme)).body.standing as Json;
    if (Number(standing.decided) >= counts.approved + counts.rejected) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`standing run: ${counts.notices} notices in ${seconds} s against ${url}`);
  console.log(
    `  reviewer: ${counts.approved} approved, ${counts.rejected} rejected (${counts.manifestlyUnfounded} manifestly unfounded)`,
  );
  console.log(
    `  screening: ${counts.screenedOut} notices rejected because the listing was no longer live (its seller suspended or terminated)`,
  );
  console.log(`  fast lane: ${counts.priority} notices went to the priority queue`);
  console.log(
    `  sellers (${sellers.length}): ${Object.entries(measures)
      .map(([m, c]) => `${c} ${m}`)
      .join(', ')}`,
  );
  console.log(
    `  held at the warning: ${reachedWarning.oldListings} of ${oldListings.size} sellers whose listings predate the warning, ${reachedWarning.postedAfter} of ${sellers.length - oldListings.size} posting after it`,
  );
  console.log(`  suspension reviews decided (suspend): ${counts.suspensionReviews}`);
  console.log(
    `  notifier: accuracy ${standing.accuracy} over ${standing.decided} decided (window ${standing.window}), fast lane ${standing.fastLane}, misuse ${JSON.stringify(standing.misuse)}, misuse reviews closed: ${counts.misuseReviews}`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
