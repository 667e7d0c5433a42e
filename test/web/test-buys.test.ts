import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage, missingKeys, signIn } from './support/browser.ts';
import { journeyHarness, seen } from './support/harness.ts';

/**
 * Mystery test buys in the reviewer console, in Debian's Chromium against `npm start`, through
 * the real sign-in: a reviewer records a test buy on a notice's case (the signed report uploaded
 * and sealed, the order, its date and time, the outcome, an internal note), then a confirmed
 * counterfeit of the same seller's other listing that takes it down in a case of our own
 * initiative. axe-core checks every page; no translation key may be missing.
 */
const h = journeyHarness();

/** A signed report as the browser uploads it: text whose random tail makes its hash new. */
function reportFile(name: string) {
  return {
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(
      `Test-buy report\nSigned: Platform IP team\nNonce: ${randomBytes(8).toString('hex')}\n`,
    ),
  };
}

/** Opens the form, uploads the report and fills the order; the outcome is the caller's. */
async function fillTestBuy(page: Page, orderId: string, notes: string) {
  await page.getByRole('button', { name: 'Record a test buy' }).click();
  const form = page.getByRole('form', { name: 'Record a test buy' });
  await form.locator('input[type="file"]').setInputFiles(reportFile(`${orderId}-report.txt`));
  await form.getByText("Sealed: the service's hash matches").waitFor({ timeout: 60_000 });
  await form.getByLabel('Order id').fill(orderId);
  await form.getByRole('textbox', { name: 'Order date' }).fill('2026/11/20');
  await form.getByRole('textbox', { name: 'Order time' }).fill('14:30');
  await form.getByLabel('Internal note').fill(notes);
  return form;
}

describe('Test buys in the reviewer console (Chromium, npm start)', { timeout: 180_000 }, () => {
  it('a reviewer attaches a test buy to an open case, then takes the listing down on a confirmed counterfeit once the notice is rejected', async () => {
    const filed = await h.api.fileCase(
      `ACME trainers, test-buy journey ${randomBytes(2).toString('hex')}`,
    );
    await h.api.waitForStatus(filed.caseId, ['awaiting_review']);
    const { page } = await h.open();
    await signIn(page, h.url, 'reviewer', 'Sign in', `/cases/${filed.caseId}`);
    await page.waitForURL(`${h.url}/cases/${filed.caseId}`);

    // 1. On a case under review: the test buy is attached to it, to weigh in its decision.
    expect(await seen(page.getByRole('heading', { name: 'Test buys (0)', exact: true }))).toBe(1);
    expect(await page.getByText('No test buy is attached to this case.').count()).toBe(1);
    const firstOrder = `ORD-${randomBytes(3).toString('hex')}`;
    await fillTestBuy(page, firstOrder, 'Box damaged; labels unreadable.');
    await page.getByRole('radio', { name: /Counterfeit confirmed/ }).check();
    expect(await seen(page.getByText(/This case can still take the listing down/))).toBe(1);
    expect(await page.getByRole('checkbox', { name: /Take the listing down/ }).count()).toBe(0);
    await page.getByRole('radio', { name: /Inconclusive/ }).check();
    await checkPage(page, 'test-buy-form-1280');
    await page.getByRole('button', { name: 'Record the test buy' }).click();
    expect(await seen(page.getByText(`Test buy ${firstOrder} recorded.`))).toBe(1);
    const row = page.getByRole('row').filter({ hasText: firstOrder });
    expect(await seen(row)).toBe(1);
    expect(await row.getByText('Inconclusive').count()).toBe(1);
    expect(await row.getByText('This case').count()).toBe(1);
    expect(await row.getByText('Box damaged; labels unreadable.').count()).toBe(1);
    expect(await row.getByText(`${firstOrder}-report.txt`).count()).toBe(1);
    const attached = await h.api.reviewer.get<{
      testBuys: { orderId: string; orderedAt: string; outcome: string }[];
    }>(`/v1/cases/${filed.caseId}`);
    // The browser runs in Asia/Shanghai: 14:30 there is 06:30 UTC.
    expect(attached.body.testBuys).toMatchObject([
      { orderId: firstOrder, orderedAt: '2026-11-20T06:30:00.000Z', outcome: 'inconclusive' },
    ]);
    await checkPage(page, 'test-buys-case-1280');

    // 2. The notice is rejected, the listing stays up; a later test buy confirms a counterfeit
    // and takes it down in a case of our own initiative, decided by the reviewer.
    const rejected = await h.api.reviewer.post(`/v1/cases/${filed.caseId}/decision`, {
      decision: 'reject',
      reasonCode: 'insufficient_evidence',
      reasons: 'The notice shows no evidence that these trainers are not genuine.',
    });
    expect(rejected.status).toBe(200);
    await h.api.waitForStatus(filed.caseId, ['rejected']);
    await page.reload();
    const secondOrder = `ORD-${randomBytes(3).toString('hex')}`;
    await fillTestBuy(page, secondOrder, 'Fake stitching; no hologram.');
    await page.getByRole('radio', { name: /Counterfeit confirmed/ }).check();
    await page.getByRole('checkbox', { name: /Take the listing down/ }).check();
    await checkPage(page, 'test-buy-form-takedown-1280');
    await page.getByRole('button', { name: 'Record and take down' }).click();
    const open = page.getByRole('link', { name: /^Open case oi-/ });
    expect(await seen(open)).toBe(1);
    // The new case is listed among the seller's other test buys.
    const takedownRow = page.getByRole('row').filter({ hasText: secondOrder });
    expect(await seen(takedownRow.getByText(/\(takedown\)/))).toBe(1);
    await open.click();
    await page.waitForURL(/\/cases\/oi-/);
    const ownCaseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    // The own-initiative case: found by the test buy, decided by a person, the test buy attached.
    expect(await seen(page.getByRole('heading', { name: 'Test buy', exact: true }))).toBe(1);
    expect(await page.getByText(/Found by a mystery test buy/).count()).toBe(1);
    expect(await page.getByText('Taken by a reviewer', { exact: true }).count()).toBe(1);
    expect(await page.getByText(/By a person: the goods were ordered/).count()).toBe(1);
    const ownRow = page.getByRole('row').filter({ hasText: secondOrder });
    expect(await seen(ownRow.getByText('This case'))).toBe(1);
    expect(await ownRow.getByText('Counterfeit confirmed').count()).toBe(1);
    await h.api.waitForStatus(ownCaseId, ['awaiting_counter_notice'], 'PT1M');
    await page.reload();
    expect(await seen(page.getByText('Awaiting counter-notice', { exact: true }))).toBe(1);
    await checkPage(page, 'test-buy-own-initiative-case-1280');
    expect(await missingKeys(page)).toEqual([]);
  });
});
