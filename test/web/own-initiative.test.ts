import { describe, expect, it } from 'vitest';
import { checkPage, missingKeys, signIn } from './support/browser.ts';
import { journeyHarness, seen } from './support/harness.ts';

/**
 * Own-initiative cases in the browser, in Debian's Chromium against `npm start`, through the
 * real sign-in: cases opened by the platform's proactive screening (a reviewer's keyword rule,
 * the marketplace's screening call, the own-initiative job), not by a rights holder's notice.
 * The seller reads an automated takedown and contests it as it would a notice's; a reviewer
 * decides a flagged listing from the console. axe-core checks every page; no translation key may
 * be missing.
 */
const h = journeyHarness();

// A journey signs in through the real pages and waits on real workflows: on a loaded 2-core
// machine one can take over a minute.
describe('Own-initiative cases in the seller centre and the console (Chromium, npm start)', {
  timeout: 180_000,
}, () => {
  it('a seller reads an automated own-initiative takedown and files a counter-notice', async () => {
    const found = await h.api.ownInitiativeCase({ sellerId: 'seller-1', action: 'takedown' });
    await h.api.waitForStatus(found.caseId, ['awaiting_counter_notice'], 'PT1M');
    const { page } = await h.open();
    await signIn(page, h.url, 'seller-1', 'Sign in', '/');
    await page.waitForURL(`${h.url}/seller`);

    // The list tells the platform's own screening from a notice.
    const row = page.getByRole('row').filter({ hasText: found.title });
    expect(await seen(row)).toBe(1);
    expect(await row.getByText('Our own initiative, not a notice').count()).toBe(1);
    await checkPage(page, 'oi-seller-cases-1280');
    await row.getByRole('link', { name: found.title }).click();
    await page.waitForURL(`${h.url}/cases/${found.caseId}`);

    // Found by screening, decided by automated means; no notice and no notifier.
    expect(await seen(page.getByText('Found by our proactive screening'))).toBe(1);
    expect(
      await page.getByText(/The decision was taken by automated means, without a person/).count(),
    ).toBe(1);
    expect(await page.getByRole('heading', { name: 'How we found the listing' }).count()).toBe(1);
    expect(await page.getByText('By automated means', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Our proactive screening', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Notifier', { exact: true }).count()).toBe(0);
    expect(await page.getByText("The notifier's explanation").count()).toBe(0);
    // The statement of reasons as the inbox delivered it, with its automated-means section.
    expect(
      await seen(page.getByRole('heading', { name: 'Statement of reasons', exact: true })),
    ).toBe(1);
    expect(await page.getByRole('heading', { name: 'Automated means' }).count()).toBe(1);
    expect(
      await page.getByText('our own initiative (proactive screening), not a notice').count(),
    ).toBe(1);
    expect(await page.getByText('Counter-notice window closes').count()).toBeGreaterThan(0);
    // The way to contest, without a notifier who could report a lawsuit.
    expect(await page.getByText(/unless the notifier reports a lawsuit/).count()).toBe(0);
    expect(
      await page.getByText(/a reviewer who did not take the decision re-examines/).count(),
    ).toBe(1);
    await checkPage(page, 'oi-seller-case-1280');

    // The same counter-notice as after a notice: US, not copyright, so a reviewer re-examines.
    await page.getByRole('button', { name: 'File a counter-notice' }).first().click();
    await page.waitForURL(`${h.url}/seller/cases/${found.caseId}/counter-notice`);
    await page
      .getByLabel('Why the listing does not infringe')
      .fill('These shoes are my own Zorbo brand; they carry no ACME mark at all.');
    await page.getByLabel('Name', { exact: true }).fill('Sam Seller');
    await page.getByLabel('Address', { exact: true }).fill('12 Desert Road, Tucson, AZ 85701, US');
    await page.getByLabel('Telephone', { exact: true }).fill('+1-520-555-0199');
    expect(
      await seen(page.getByText(/Your counter-notice is re-reviewed by a person who did not take/)),
    ).toBe(1);
    // No notifier: the form does not promise to forward the seller's contact to one.
    expect(await page.getByText(/forwarded to the notifier/).count()).toBe(0);
    await page.getByLabel('Your full name, as your signature').fill('Sam Seller');
    await checkPage(page, 'oi-seller-counter-notice-1280');
    await page.getByRole('button', { name: 'Send the counter-notice' }).click();

    expect(await seen(page.getByText('Your counter-notice is sent.'))).toBe(1);
    await page.waitForURL(`${h.url}/cases/${found.caseId}`);
    // In the window, the parked case's execution starts at the counter-notice: a person
    // re-reviews the takedown (US, not copyright), as on a notice case.
    await h.api.waitForStatus(found.caseId, ['awaiting_re_review']);
    await page.reload();
    expect(await seen(page.getByRole('heading', { name: 'Your counter-notice' }))).toBe(1);
    expect(await page.getByText('An appeal of yours on this case is open').count()).toBe(0);
    await checkPage(page, 'oi-seller-case-contested-1280');
    expect(await missingKeys(page)).toEqual([]);
  });

  it('a reviewer finds a flagged own-initiative listing in the queue and approves its takedown', async () => {
    const found = await h.api.ownInitiativeCase({ sellerId: 'seller-2', action: 'flag' });
    await h.api.waitForStatus(found.caseId, ['awaiting_review']);
    const { page } = await h.open();
    await signIn(page, h.url, 'reviewer', 'Sign in', '/queue?queue=proactive');

    // The queue names the task and its source.
    const row = page.getByRole('row').filter({ hasText: found.title });
    expect(await seen(row)).toBe(1);
    expect(await row.getByText(/Flagged by screening/).count()).toBe(1);
    expect(await row.getByText('Our own initiative, not a notice', { exact: true }).count()).toBe(
      1,
    );
    await checkPage(page, 'oi-queue-1280');
    await row.getByRole('link', { name: found.title }).click();
    await page.waitForURL(`${h.url}/cases/${found.caseId}`);

    // The case page: no notice, the screening rule that matched, and a decision with the
    // options a flagged listing has (no notifier to ask for information).
    expect(
      await seen(page.getByRole('heading', { name: 'Proactive screening', exact: true })),
    ).toBe(1);
    expect(await page.getByRole('heading', { name: 'Notice', exact: true }).count()).toBe(0);
    expect(await page.getByText(`${found.ruleId} (rule set version`).count()).toBe(1);
    expect(await page.getByText('Flag for a reviewer', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Awaiting a reviewer', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Decide the flagged listing' }).count()).toBe(1);
    const options = page.getByRole('radio');
    expect(await seen(options)).toBe(2);
    expect(await page.getByRole('radio', { name: /Request more information/ }).count()).toBe(0);
    expect(
      await page.getByRole('radio', { name: 'Reject the flag: the listing stays online' }).count(),
    ).toBe(1);
    await page.getByRole('radio', { name: 'Approve: take the listing down' }).check();
    await page.getByRole('button', { name: /Reason code/ }).click();
    await page.getByRole('option').first().click();
    await page
      .getByLabel('Reasons for the parties')
      .fill('The listing offers shoes under a counterfeit of the ACME mark.');
    // What the parties are told: the seller only; no notice awaits an answer.
    expect(
      await page.getByText(/our proactive screening found it and a reviewer confirmed it/).count(),
    ).toBe(1);
    expect(await page.getByText(/the platform acted on its own initiative/).count()).toBe(1);
    await checkPage(page, 'oi-case-flagged-1280');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    expect(await seen(page.getByText(/Decision recorded/), 60_000)).toBe(1);

    // The own-initiative job takes it down; the case now reads a person's decision.
    await h.api.waitForStatus(found.caseId, ['awaiting_counter_notice'], 'PT1M');
    await page.reload();
    expect(await seen(page.getByText('Taken by a reviewer', { exact: true }))).toBe(1);
    expect(await page.getByRole('heading', { name: 'Decide the flagged listing' }).count()).toBe(0);
    // Only the seller was told: no notifier stands behind an own-initiative case.
    expect(await page.getByText('Decided: the reasons the seller received').count()).toBe(1);
    expect(await page.getByText('Decided: the reasons the parties received').count()).toBe(0);
    expect(await missingKeys(page)).toEqual([]);
  });
});
