/**
 * Own-initiative throughput (`npm run bench:own-initiative`, issue 19): on `npm start`'s stack
 * (throwaway DATA_DIR, free port), a reviewer writes a takedown rule, the marketplace screens N
 * new listings through `POST /v1/screening/listings` with its machine token, and the clock is
 * advanced a minute at a time (the own-initiative job runs every minute) until every listing is
 * down on the marketplace. Prints the cases per second from the first screening call to the last
 * listing down, and the screening calls' own rate.
 *
 *   N=1000 npm run bench:own-initiative
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoTokens, startStack } from './lib/stack.ts';

const N = Number(process.env.N ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const dataDir = mkdtempSync(join(tmpdir(), 'takedown-bench-oi-'));
const { child, url } = await startStack(dataDir);
try {
  const token = await demoTokens(url);
  const post = async (path: string, bearer: string | undefined, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as never };
  };
  const rule = await post('/v1/screening-rules', token('reviewer'), {
    ipRightId: 'ipr-acme-tm-us',
    terms: ['ACME'],
    action: 'takedown',
  });
  if (rule.status !== 201) throw new Error(`rule: ${rule.status} ${JSON.stringify(rule.body)}`);
  const machine = (
    (await post('/_local/tokens', undefined, {
      sub: 'marketplace-bench',
      scope: 'takedown/screening',
    })) as { body: { token: string } }
  ).body.token;
  // Sellers of 10 listings each, so strikes and measures run as they would.
  const listings = Array.from({ length: N }, (_, i) => ({
    listingId: `oi-bench-${i}`,
    sellerId: `oi-bench-seller-${Math.floor(i / 10)}`,
  }));
  for (let s = 0; s < N / 10; s++) {
    await post('/_local/marketplace/listings/batch', undefined, {
      sellerId: `oi-bench-seller-${s}`,
      title: 'ACME sneakers, special price',
      listingIds: listings.slice(s * 10, s * 10 + 10).map((l) => l.listingId),
    });
  }

  const started = performance.now();
  let next = 0;
  let cases = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < listings.length) {
        const listing = listings[next++]!;
        const screened = await post('/v1/screening/listings', machine, {
          ...listing,
          title: 'ACME sneakers, special price',
        });
        const body = screened.body as { verdict?: string; caseIds?: string[] };
        if (body.verdict !== 'takedown') throw new Error(`verdict ${JSON.stringify(body)}`);
        cases += body.caseIds?.length ?? 0;
      }
    }),
  );
  const screenedAt = performance.now();
  const down = async () => {
    const all = (await (await fetch(`${url}/_local/marketplace/listings`)).json()) as {
      listingId: string;
      status: string;
    }[];
    return all.filter((l) => l.listingId.startsWith('oi-bench-') && l.status === 'disabled').length;
  };
  let minutes = 0;
  while ((await down()) < N && minutes < 60) {
    await post('/_local/clock/advance', undefined, { by: 'PT1M' });
    minutes++;
  }
  const doneAt = performance.now();
  const downCount = await down();
  const seconds = (doneAt - started) / 1000;
  console.log(`listings screened          ${N} (${cases} own-initiative cases opened)`);
  console.log(
    `screening calls            ${((N / (screenedAt - started)) * 1000).toFixed(1)} per second (${CONCURRENCY} at a time)`,
  );
  console.log(`listings down              ${downCount} after ${minutes} virtual minute(s)`);
  console.log(`hit to listing down        ${seconds.toFixed(1)} s wall clock`);
  console.log(`throughput                 ${(downCount / seconds).toFixed(1)} cases per second`);
  if (downCount < N) process.exitCode = 1;
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
