import type { Browser, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { cloudApi } from './api.ts';
import { launchChromium, openContext, snap, type Watched } from './browser.ts';
import { type StartedCloud, startNpmStart } from './npm-start.ts';

/**
 * One `npm start` and one Chromium for a file of journeys, a fresh browser context per journey,
 * and after each: no console error, page error or CSP violation in any context it opened, and a
 * screenshot of where a failed journey stopped (test-results/web/failed-*.png).
 */
export function journeyHarness() {
  let cloud: StartedCloud;
  let browser: Browser;
  let api: Awaited<ReturnType<typeof cloudApi>>;
  const opened: Watched[] = [];

  beforeAll(async () => {
    [cloud, browser] = await Promise.all([startNpmStart(), launchChromium()]);
    api = await cloudApi(cloud.url);
  }, 240_000);

  afterEach(async (context) => {
    const last = opened.at(-1);
    if (context.task.result?.state === 'fail' && last)
      await snap(last.page, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(
        () => undefined,
      );
    const contexts = opened.splice(0);
    await Promise.all(contexts.map((w) => w.context.close()));
    for (const w of contexts) expect(w.problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  return {
    get url() {
      return cloud.url;
    },
    get api() {
      return api;
    },
    async open(options?: Parameters<typeof openContext>[1]): Promise<Watched> {
      const watched = await openContext(browser, options);
      opened.push(watched);
      return watched;
    },
  };
}

/**
 * Waits (up to 45 s, or `timeoutMs`) until the locator shows, then counts its matches.
 * @param timeoutMs longer for a route whose first (cold) invocation a loaded machine holds up: the
 *   decision, under a full suite, once took over 20 s to show as recorded.
 */
export async function seen(locator: Locator, timeoutMs = 45_000): Promise<number> {
  // A table that refetches can drop its rows for a moment between the wait and the count:
  // count once the matches are visible, waiting again if a refresh took them away.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await locator
      .first()
      .waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
    const count = await locator.count();
    if (count > 0 || Date.now() >= deadline) return count;
  }
}
