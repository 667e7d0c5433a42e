import { describe, expect, it } from 'vitest';
import { checkPage, missingKeys, signIn } from './support/browser.ts';
import { journeyHarness, seen } from './support/harness.ts';

/**
 * A bulk notice from the browser (API.md, Bulk notices), in Debian's Chromium against
 * `npm start`, through the real sign-in: the demo rights holder uploads a small manifest of the
 * local marketplace's seeded listings (by id and by URL, one repeated) with an unknown URL and a
 * malformed row, is refused once for its daily quota (the reset time in its own zone), files,
 * and watches the fan-out reach every case started with the two rejected rows listed.
 */
const h = journeyHarness();

interface Listing {
  listingId: string;
  title: string;
  url?: string;
}

describe('Bulk notice journey (Chromium, npm start)', { timeout: 180_000 }, () => {
  it('files a notice with a manifest file and sees its progress and rejected rows', async () => {
    const seeded = (await (
      await fetch(`${h.url}/_local/marketplace/listings?sellerId=seller-1`)
    ).json()) as Listing[];
    const [first, second, third] = seeded as [Listing, Listing, Listing];
    expect(third.url, 'the demo marketplace gives each listing its URL').toMatch(/^https:/);
    const manifest = [
      'listingId,url',
      `${first.listingId},`, // row 1
      `${second.listingId},`, // row 2
      `,${third.url}`, // row 3: by URL
      `${first.listingId},`, // row 4: a duplicate of row 1
      ',https://demo-marketplace.invalid/listings/lst-no-such-listing', // row 5: unknown URL
      'not a listing id!,', // row 6: malformed
    ].join('\n');

    const { page } = await h.open();
    await signIn(page, h.url, 'acme-brand', 'Sign in', '/');
    await page.waitForURL(`${h.url}/portal`);
    await page.getByRole('button', { name: 'File a notice' }).click();
    await page.waitForURL(`${h.url}/portal/notices/new`);
    await page.getByRole('button', { name: /Choose an IP right/ }).click();
    await page.getByRole('option', { name: /ACME/ }).first().click();
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 2: the manifest instead of a paste; the browser refuses a file without the header.
    await page.getByRole('radio', { name: /Upload a manifest file/ }).check();
    expect(await seen(page.getByText(/at most 10,000 rows/))).toBeGreaterThan(0);
    const picker = page.locator('input[type="file"]').first();
    await picker.setInputFiles({
      name: 'no-header.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${first.listingId}\n${second.listingId}\n`),
    });
    expect(await seen(page.getByText(/The first row of no-header\.csv must be a header/))).toBe(1);
    await picker.setInputFiles({
      name: 'acme-listings.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(manifest),
    });
    await page.getByText("Sealed: the service's hash matches").waitFor({ timeout: 60_000 });
    expect(await page.getByText(/must be a header/).count()).toBe(0);
    await checkPage(page, 'bulk-notice-manifest-1280');
    await page.getByRole('button', { name: 'Next' }).click();

    await page
      .getByLabel('Explanation', { exact: true })
      .fill('Each listing offers goods bearing the ACME mark that ACME never made.');
    await page.getByRole('button', { name: 'Next' }).click();
    const statements = page.getByRole('checkbox');
    expect(await seen(statements)).toBeGreaterThanOrEqual(3);
    for (const box of await statements.all()) await box.check();
    await page.getByLabel('Your full name, as your signature').fill('Wile E. Coyote');
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await seen(page.getByText('acme-listings.csv'))).toBeGreaterThan(0);

    // Past the daily quota the service answers 429 with resetsAt: shown in the viewer's zone
    // (the browser is in Asia/Shanghai). The service's own quota is far away: this answer is
    // stubbed once, then the notice is filed for real.
    const filing = (url: URL) => url.pathname === '/v1/notices';
    await page.route(filing, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 429,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Too Many Requests',
              status: 429,
              detail: 'The daily volume quota of 5000 listings is used up.',
              code: 'volume_quota_exceeded',
              quota: 5000,
              used: 4998,
              requested: 6,
              resetsAt: '2030-01-01T16:00:00.000Z',
            }),
          })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'File the notice' }).click();
    expect(await seen(page.getByText('Your daily volume of listings is used up'))).toBe(1);
    expect(await page.getByText(/4,998 are used, and this notice names 6/).count()).toBe(1);
    expect(await page.locator('time[datetime="2030-01-01T16:00:00.000Z"]').innerText()).toMatch(
      /Jan 2, 2030.*12:00.*GMT\+8/,
    );
    await page.unroute(filing);

    await page.getByRole('button', { name: 'File the notice' }).click();
    await page.waitForURL(/\/portal\/cases\?noticeId=/);
    const noticeId = new URL(page.url()).searchParams.get('noticeId')!;
    expect(await seen(page.getByText(/is filed\. Its listings are opened as cases now/))).toBe(1);
    expect(await seen(page.getByRole('heading', { name: `Bulk notice ${noticeId}` }))).toBe(1);

    // The fan-out ends: three cases started, one duplicate merged, rows 5 and 6 rejected.
    await page.getByText('Every row is processed').waitFor({ timeout: 60_000 });
    expect(await page.getByText('3 of 6 rows have their case started').count()).toBe(1);
    const rejected = page.getByRole('table', { name: 'Rejected rows' });
    const rows = rejected.getByRole('row');
    expect(await seen(rows)).toBe(3); // the header and two rows
    expect(await rows.nth(1).getByRole('cell').first().innerText()).toBe('5');
    expect(await rows.nth(2).getByRole('cell').first().innerText()).toBe('6');
    expect(await rows.nth(2).innerText()).toMatch(/Not a listing id/);
    // The notice's cases fill the table below as they start.
    expect(await seen(page.getByRole('link', { name: first.title, exact: false }))).toBe(1);
    await checkPage(page, 'bulk-notice-progress-1280');

    const notice = await h.api.rightsHolder.get<{
      status: string;
      progress: { total: number; started: number; duplicates: number; rejectedRows: unknown[] };
    }>(`/v1/notices/${noticeId}`);
    expect(notice.body.progress).toMatchObject({ total: 6, started: 3, duplicates: 1 });
    expect(notice.body.progress.rejectedRows).toHaveLength(2);
    expect(await missingKeys(page)).toEqual([]);
  });
});
