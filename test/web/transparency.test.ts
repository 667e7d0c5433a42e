import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectAccessible, missingKeys, signIn, snap } from './support/browser.ts';
import { journeyHarness, seen } from './support/harness.ts';

/**
 * The admin's transparency report, in Debian's Chromium against `npm start`, through the real
 * sign-in: a takedown decided in the console shows in the report's figures, and the CSV download
 * carries the same figures. axe-core checks the page; no translation key may be missing.
 */
const h = journeyHarness();

describe('Transparency report (Chromium, npm start)', { timeout: 180_000 }, () => {
  it('an admin reads the period’s figures and downloads them as CSV', async () => {
    // Arrange: a listing taken down, counted as the workflow runs.
    const listing = await h.api.addListing('seller-transparency-web', 'ACME rocket skates');
    const caseId = await h.api.fileAndApprove(listing.listingId, {});
    await h.api.waitForStatus(caseId, ['awaiting_counter_notice']);
    const { page } = await h.open();

    // Act
    await signIn(page, h.url, 'admin', 'Sign in', '/transparency');
    await page.waitForURL(`${h.url}/transparency`);

    // Assert: the figures, from the counters (at least the takedown above).
    expect(await seen(page.getByRole('heading', { name: 'Transparency report', level: 1 }))).toBe(
      1,
    );
    const disabled = page.getByText('Listings disabled', { exact: true });
    expect(await seen(disabled)).toBe(1);
    const value = (await disabled.locator('xpath=ancestor::div[1]').textContent()) ?? '';
    expect(Number(/(\d+)\s*$/.exec(value)?.[1])).toBeGreaterThanOrEqual(1);
    expect(await missingKeys(page)).toEqual([]);
    await expectAccessible(page, 'transparency report');
    await snap(page, 'transparency-report-1280');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^transparency-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('section,metric,value');
    const removed = /^actions,listingsDisabled,(\d+)$/m.exec(csv.replace(/\r/g, ''));
    expect(Number(removed?.[1])).toBeGreaterThanOrEqual(1);
  });
});
