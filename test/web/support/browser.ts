import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './npm-start.ts';

/** Where the journeys save their screenshots (one PNG per page and width). */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'web');

/** Debian's Chromium, as .ci/run installs it; the flags this machine needs (no network, root). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
}

/** A fresh browser profile (cookies, storage) in a language, at a width. */
export async function openContext(
  browser: Browser,
  options: { locale?: string; width?: number; height?: number } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  // Waits for the page (a navigation, a click's target) are limits for a hung page, not speed
  // checks: twice Playwright's 30 s, for a page whose data a loaded 2-core machine holds up.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    // A 4xx the page shows to the person is not a fault of the page.
    if (message.type() === 'error' && !/Failed to load resource/.test(text))
      problems.push(`console: ${text}`);
    if (/Content Security Policy/i.test(text)) problems.push(`CSP: ${text}`);
  });
  return { context, page, problems };
}

/** Whether the page scrolls sideways (it should not, even at 390 px). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}

/** Saves a screenshot as test-results/web/<name>.png. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Findings in Cloudscape's own markup that the app cannot change, each matched exactly (rule and
 * element), so that the same rule anywhere else still fails:
 * - the AppLayout's mobile toolbar (below 688 px) puts `aria-orientation` on a <nav>, which ARIA
 *   does not allow there (it has no effect on a navigation landmark).
 */
const CLOUDSCAPE_DEFECTS: { rule: string; html: RegExp }[] = [
  {
    rule: 'aria-allowed-attr',
    html: /^<nav[^>]*aria-orientation="horizontal"[^>]*awsui_mobile-toolbar-nav/,
  },
];

/** Every page's axe findings by impact, merged into test-results/web/axe.json for the record. */
function recordAxe(name: string, violations: { impact?: string | null; nodes: unknown[] }[]) {
  const file = join(SCREENSHOT_DIR, 'axe.json');
  const counts: Record<string, number> = {};
  for (const v of violations) {
    const impact = v.impact ?? 'unknown';
    counts[impact] = (counts[impact] ?? 0) + v.nodes.length;
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let summary: Record<string, Record<string, number>> = {};
  try {
    summary = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // first page of the run
  }
  summary[name] = counts;
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
}

type AxeViolations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/** The serious or critical findings, less Cloudscape's known defects, one line each. */
function seriousFindings(violations: AxeViolations): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter(
        (n) => !CLOUDSCAPE_DEFECTS.some((d) => d.rule === v.id && d.html.test(n.html)),
      ),
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe-core on the page as it is: no serious or critical violation of WCAG 2.1 A/AA. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const analyze = () =>
    new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  let result = await analyze();
  // A page caught mid-transition (a loading state, an animation) on a loaded machine can show
  // what the settled page does not: judge the page once it has settled. (Only for a finding that
  // counts: a known Cloudscape defect, on every narrow page, needs no second look.)
  if (seriousFindings(result.violations).length > 0) {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    result = await analyze();
  }
  recordAxe(name, result.violations);
  expect(seriousFindings(result.violations), `axe on ${name}`).toEqual([]);
}

/** Translation keys the app asked for and found in no language (see web/src/i18n). */
export function missingKeys(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.__takedownMissingKeys ?? []');
}

/**
 * Signs in through the real pages: the app's sign-in page, then the issuer's page to pick a demo
 * user; resolves once back in the app.
 */
export async function signIn(
  page: Page,
  base: string,
  user: string,
  signInLabel = 'Sign in',
  startPath = '/queue',
) {
  await page.goto(`${base}${startPath}`);
  await page.getByRole('button', { name: signInLabel, exact: true }).click();
  await page.waitForURL(/\/oidc\/authorize/);
  await page.getByRole('button', { name: `Sign in as ${user}` }).click();
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/oidc') && url.pathname !== '/auth/callback',
  );
}

/**
 * Follows a link of the side navigation, opening the navigation first if it is closed: once, under
 * a full suite, it showed closed at 1280 px after a counter-notice was sent (cause not found).
 */
export async function followNav(page: Page, name: string): Promise<void> {
  const link = page.getByRole('link', { name, exact: true });
  const open = page.getByRole('button', { name: 'Open navigation' });
  await link.or(open).first().waitFor({ state: 'visible' });
  if (!(await link.isVisible())) await open.click();
  await link.click();
}

/** axe, no sideways scroll, and a screenshot, for one page of a journey. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  await expectAccessible(page, name);
  await snap(page, name);
}
