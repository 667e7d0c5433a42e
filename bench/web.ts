/**
 * Web benchmark (`npm run bench:web`): the time to an interactive queue page in Debian's Chromium
 * against `npm start` (a signed-in reviewer, 20 tasks in the queue), from the browser's navigation
 * timing, median of 5 loads; the app's initial JavaScript and CSS, gzipped, from web/dist; and the
 * initial JavaScript of each area (console, rights-holder portal, seller centre): every script the
 * browser fetched to show the area's landing page to its user, gzipped.
 *
 * "Interactive" here: the queue's first task row is on screen (its data fetched and rendered).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cloudApi } from '../test/web/support/api.ts';
import { launchChromium, openContext, signIn } from '../test/web/support/browser.ts';
import { startNpmStart } from '../test/web/support/npm-start.ts';
import { DIST_DIR } from '../web/build.ts';

const RUNS = Number(process.env.RUNS ?? 5);

/** The initial assets of index.html (its script, modulepreloads and stylesheets), gzipped. */
function initialAssets(): { js: number; css: number } {
  const html = readFileSync(join(DIST_DIR, 'index.html'), 'utf8');
  const size = (pattern: RegExp) =>
    [...html.matchAll(pattern)]
      .map((m) => gzipSync(readFileSync(join(DIST_DIR, m[1]!)), { level: 9 }).length)
      .reduce((a, b) => a + b, 0);
  return {
    js: size(/(?:src|href)="\/(assets\/[^"]+\.js)"/g),
    css: size(/href="\/(assets\/[^"]+\.css)"/g),
  };
}

/** The areas, each with the user that opens it and what shows once its landing page is ready. */
const AREAS = [
  { area: 'console', user: 'reviewer', path: '/queue', ready: 'Review queue' },
  { area: 'portal', user: 'acme-brand', path: '/portal', ready: 'ACME Brands Ltd' },
  { area: 'seller', user: 'seller-1', path: '/seller', ready: 'Cases against my listings' },
] as const;

/** Gzipped bytes of every script a fresh browser fetches to show `path` to a signed-in `user`. */
async function areaInitialJs(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  base: string,
  area: (typeof AREAS)[number],
): Promise<{ files: number; gzipBytes: number }> {
  const { page, context } = await openContext(browser);
  try {
    await signIn(page, base, area.user, 'Sign in', area.path);
    // Reload in the same tab (the session lives in the tab's sessionStorage) with the browser's
    // cache off, so every script the area's landing page needs is fetched again and counted.
    const fresh = page;
    const cdp = await context.newCDPSession(fresh);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const scripts = new Map<string, number>();
    fresh.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.origin !== base || !url.pathname.endsWith('.js')) return;
      const body = await response.body().catch(() => undefined);
      if (body) scripts.set(url.pathname, gzipSync(body, { level: 9 }).length);
    });
    await fresh.route('**/*', (route) => route.continue());
    await fresh.goto(`${base}${area.path}`);
    await fresh.getByRole('heading', { name: area.ready }).first().waitFor({ timeout: 30_000 });
    await fresh.waitForLoadState('networkidle');
    return {
      files: scripts.size,
      gzipBytes: [...scripts.values()].reduce((a, b) => a + b, 0),
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const cloud = await startNpmStart();
const browser = await launchChromium();
try {
  const api = await cloudApi(cloud.url);
  for (let i = 0; i < 20; i++) await api.fileCase(`ACME benchmark listing ${i + 1}`);
  const { page } = await openContext(browser);
  await signIn(page, cloud.url, 'reviewer');
  const samples: { interactive: number; domContentLoaded: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${cloud.url}/queue`);
    await page.getByRole('row').filter({ hasText: 'case-' }).first().waitFor({ timeout: 30_000 });
    samples.push(
      await page.evaluate<{ interactive: number; domContentLoaded: number }>(`(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return { interactive: Math.round(performance.now()), domContentLoaded: Math.round(nav.domContentLoadedEventEnd) };
      })()`),
    );
  }
  const assets = initialAssets();
  const areas: Record<string, { files: number; gzipBytes: number }> = {};
  for (const area of AREAS) areas[area.area] = await areaInitialJs(browser, cloud.url, area);
  console.log(
    JSON.stringify(
      {
        runs: RUNS,
        queueInteractiveMs: {
          median: median(samples.map((s) => s.interactive)),
          samples: samples.map((s) => s.interactive),
        },
        domContentLoadedMs: median(samples.map((s) => s.domContentLoaded)),
        initialJsGzipBytes: assets.js,
        initialCssGzipBytes: assets.css,
        initialJsGzipBytesByArea: areas,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await cloud.stop();
}
