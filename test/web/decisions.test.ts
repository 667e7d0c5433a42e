import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, followNav, signIn, snap } from './support/browser.ts';
import { journeyHarness, seen } from './support/harness.ts';

/**
 * The journeys that need the routes another branch adds (the unified queue with titles and claims,
 * the reason-code catalogue, the case file with its evidence, inline evidence, case search, and the
 * decision body with `reasons`). vitest.config.ts excludes this folder until that branch is merged;
 * remove the exclusion then.
 */
const h = journeyHarness();

async function reviewerPage(): Promise<Page> {
  const { page } = await h.open();
  await signIn(page, h.url, 'reviewer');
  return page;
}

/** Picks the first catalogued reason code offered for the decision, and writes the reasons. */
async function completeDecision(scope: Page | Locator, reasons: string) {
  await scope.getByRole('button', { name: /Reason code/ }).click();
  await scope.getByRole('option').first().click();
  await scope.getByLabel('Reasons for the parties').fill(reasons);
}

describe('Reviewer decisions (after the case-file, queue and reason-code routes are merged)', () => {
  it('finds the case in the default queue by its title, views the evidence inline and approves it with a reason code', async () => {
    const filed = await h.api.fileCase('ACME Roadrunner trainers, approval journey');
    await h.api.waitForStatus(filed.caseId, ['awaiting_review']);
    const page = await reviewerPage();

    const link = page.getByRole('link', { name: filed.title });
    expect(await seen(link)).toBe(1);
    await link.click();
    await page.waitForURL(`${h.url}/cases/${filed.caseId}`);

    // The notice's evidence, inline: name, sealed status, SHA-256 and the text itself.
    expect(await seen(page.getByText('acme-trademark-certificate.txt'))).toBeGreaterThan(0);
    expect(await page.getByText('Sealed', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/^[0-9a-f]{64}$/).count()).toBeGreaterThan(0);
    expect(await seen(page.getByText(/ACME trademark registration certificate/))).toBe(1);
    await expectAccessible(page, 'case page with evidence');
    await snap(page, 'case-evidence-1280');

    await page.getByRole('radio', { name: /Approve/ }).check();
    await completeDecision(page, 'The listing uses the ACME mark on goods ACME never made.');
    expect(
      await page.getByText('The listing uses the ACME mark on goods ACME never made.').count(),
    ).toBeGreaterThan(1);
    await snap(page, 'case-decision-1280');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();

    expect(await seen(page.getByText(/Decision recorded/), 60_000)).toBe(1);
    expect(['taking_down', 'awaiting_counter_notice', 'deciding']).toContain(
      await h.api.caseStatus(filed.caseId),
    );
  });

  it('rejects another case from the queue with r, after a confirmation with a reason code', async () => {
    const filed = await h.api.fileCase('ACME logo socks, rejection journey');
    await h.api.waitForStatus(filed.caseId, ['awaiting_review']);
    const page = await reviewerPage();
    const row = page.getByRole('row').filter({ hasText: filed.caseId });
    expect(await seen(row)).toBe(1);
    await row.getByRole('radio').check();
    await page.locator('body').click({ position: { x: 5, y: 300 } });

    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog');
    expect(await seen(dialog.getByText(/Reject the notice against/))).toBe(1);
    await completeDecision(dialog, 'The goods are genuine ACME stock resold by the seller.');
    await expectAccessible(page, 'reject confirmation');
    await dialog.getByRole('button', { name: 'Reject', exact: true }).click();

    expect(await seen(page.getByText(/Decision recorded/), 60_000)).toBe(1);
    await h.api.waitForStatus(filed.caseId, ['rejected']);
  });

  it('shows tasks of every queue by default, and claims and releases one', async () => {
    const applicant = await h.api.newRightsHolderApplicant('Acme Rival Trading Ltd');
    const page = await reviewerPage();
    const row = page.getByRole('row').filter({ hasText: applicant.rightsHolderId });
    expect(await seen(row)).toBe(1);
    await row.getByRole('radio').check();
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    expect(await seen(row.getByText(/^You\b/))).toBe(1);
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    expect(await seen(row.getByText('Unclaimed'))).toBe(1);
    await expectAccessible(page, 'queue with claims');
  });

  it('finds a case by its listing title in case search', async () => {
    const filed = await h.api.fileCase('ACME searchable kettle');
    await h.api.waitForStatus(filed.caseId, ['awaiting_review']);
    const page = await reviewerPage();
    await followNav(page, 'Case search');
    await page.getByRole('searchbox', { name: 'Listing title or id' }).fill('searchable kettle');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const link = page.getByRole('link', { name: filed.title });
    expect(await seen(link)).toBe(1);
    await expectAccessible(page, 'case search');
    await snap(page, 'search-1280');
    await link.click();
    await page.waitForURL(`${h.url}/cases/${filed.caseId}`);
  });

  it('shows an IP right under verification with its registration and proof', async () => {
    const page = await reviewerPage();
    await page.goto(`${h.url}/verification/ip-rights/ipr-acme-tm-us`);
    expect(await seen(page.getByRole('heading', { name: 'Verify IP right ACME' }))).toBe(1);
    expect(await seen(page.getByText('US-5550123'))).toBe(1);
    expect(await seen(page.getByRole('heading', { name: 'Proof of the IP right' }))).toBe(1);
    await expectAccessible(page, 'IP right verification');
    await snap(page, 'ip-right-verification-1280');
  });
});
