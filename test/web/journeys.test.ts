import { describe, expect, it } from 'vitest';
import { expectAccessible, followNav, missingKeys, signIn, snap } from './support/browser.ts';
import { journeyHarness, seen } from './support/harness.ts';

/**
 * Reviewer journeys in Debian's Chromium against `npm start`, through the real sign-in pages.
 * Each page a journey visits is checked with axe-core and saved to test-results/web/.
 */
const h = journeyHarness();
const open = h.open;

describe('Reviewer console journeys (Chromium, npm start)', () => {
  it('a reviewer signs in through the sign-in page and finds a case filed through the API in the queue', async () => {
    // Prepare: a notice filed through the API, its case awaiting review.
    const filed = await h.api.fileCase('ACME Roadrunner trainers, journey edition');
    await h.api.waitForStatus(filed.caseId, ['awaiting_review']);
    const { page } = await open();

    // Act: the app's sign-in page, then the issuer's page.
    await page.goto(`${h.url}/queue`);
    expect(await seen(page.getByRole('heading', { name: 'Sign in to Takedown' }))).toBe(1);
    await expectAccessible(page, 'sign-in page');
    await snap(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/oidc\/authorize/);
    await expectAccessible(page, 'issuer sign-in page');
    await snap(page, 'issuer-sign-in');
    await page.getByRole('button', { name: 'Sign in as reviewer' }).click();

    // Assess: back on the queue, no code or state in the URL, the token in this tab's session only.
    await page.waitForURL(`${h.url}/queue`);
    expect(page.url()).not.toMatch(/code=|state=|token/);
    const row = page.getByRole('row').filter({ hasText: filed.caseId });
    expect(await seen(row)).toBe(1);
    expect(await row.textContent()).toContain(filed.listingId);
    const stored = await page.evaluate<{ session: number; local: string }>(
      `({ session: Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')).length,
          local: JSON.stringify(localStorage) })`,
    );
    expect(stored.session).toBe(1);
    expect(stored.local).not.toMatch(/eyJ/);
    await expectAccessible(page, 'queue');
    await snap(page, 'queue-1280');
  });

  it('opens the case from the queue with the keyboard and sees its facts on one page', async () => {
    const filed = await h.api.fileCase('ACME anvil lookalike, keyboard journey');
    await h.api.waitForStatus(filed.caseId, ['awaiting_review']);
    const { page } = await open();
    await signIn(page, h.url, 'reviewer');
    const row = page.getByRole('row').filter({ hasText: filed.caseId });
    expect(await seen(row)).toBe(1);

    // j walks the queue until our task is selected; Enter opens it.
    for (let i = 0; i < 50; i++) {
      await page.keyboard.press('j');
      if (await row.getByRole('radio').isChecked()) break;
    }
    expect(await row.getByRole('radio').isChecked()).toBe(true);

    // a asks for confirmation and sends nothing until confirmed.
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog');
    expect(await seen(dialog.getByText(/Approve the takedown of/))).toBe(1);
    await expectAccessible(page, 'keyboard decision confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await h.api.caseStatus(filed.caseId)).toBe('awaiting_review');

    await page.keyboard.press('Enter');
    await page.waitForURL(`${h.url}/cases/${filed.caseId}`);
    expect(await seen(page.getByText('Awaiting review', { exact: true }))).toBeGreaterThan(0);
    for (const text of [
      'Listing and IP right',
      'Notice',
      'Parties',
      'Deadlines',
      'Review due',
      'Timeline',
      'Notice received',
    ]) {
      expect(await page.getByText(text, { exact: true }).count(), text).toBeGreaterThan(0);
    }
    expect(await page.getByRole('heading', { name: 'Decision' }).count()).toBe(1);
    await expectAccessible(page, 'case page');
    await snap(page, 'case-1280');
  });

  it('a verification is decided: a new rights holder is verified from the queue', async () => {
    const applicant = await h.api.newRightsHolderApplicant('Wile E. Brands GmbH');
    const { page } = await open();
    await signIn(page, h.url, 'reviewer');

    // Narrow the queue to rights holders, the way a reviewer would.
    await page.getByRole('button', { name: /Queue/ }).first().click();
    await page.getByRole('option', { name: 'Rights holders' }).click();
    await page.waitForURL(/queue=rights_holders/);
    const link = page.getByRole('link', { name: applicant.rightsHolderId });
    expect(await seen(link)).toBe(1);
    await link.click();
    await page.waitForURL(`${h.url}/verification/rights-holders/${applicant.rightsHolderId}`);
    await expectAccessible(page, 'rights-holder verification page');
    await snap(page, 'verification-1280');

    // A reason the API refuses: its problem+json field error shows beside the field.
    await page.getByRole('radio', { name: 'Verify' }).check();
    await page.getByLabel('Reason').fill('x'.repeat(2001));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    expect(await seen(page.getByText('Some of what you entered is not valid'))).toBe(1);
    // Beside the field: its error is the textarea's own description.
    const reason = page.getByLabel('Reason');
    await page
      .getByText(/<=2000 characters/)
      .first()
      .waitFor();
    const describedBy = ((await reason.getAttribute('aria-describedby')) ?? '').split(' ');
    const descriptions = await Promise.all(
      describedBy.filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions.join(' ')).toMatch(/<=2000 characters/);
    await expectAccessible(page, 'verification page with a field error');
    await snap(page, 'verification-field-error-1280');

    await page
      .getByLabel('Reason')
      .fill('Company register extract and trademark certificate checked.');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();

    await page.waitForURL(/\/queue/);
    expect(await seen(page.getByText(/is verified/))).toBe(1);
    const profile = await applicant.client.get<{ status: string }>('/v1/rights-holders/me');
    expect(profile.body.status).toBe('verified');
  });

  it('a parked case (the marketplace down at screening) is retried from the failed-actions list', async () => {
    await h.api.marketplaceFaults(50);
    const filed = await h.api.fileCase('ACME rocket skates, parked journey');
    await h.api.waitForStatus(filed.caseId, ['action_failed'], 'PT10M');
    await h.api.marketplaceFaults(0);
    const { page } = await open();
    await signIn(page, h.url, 'reviewer');
    await followNav(page, 'Failed actions');
    await page.waitForURL(`${h.url}/action-failed`);
    const row = page.getByRole('row').filter({ hasText: filed.caseId });
    expect(await seen(row)).toBe(1);
    await expectAccessible(page, 'failed actions');
    await snap(page, 'action-failed-1280');

    await row.getByRole('button', { name: /Retry/ }).click();

    expect(await seen(page.getByText(/Retry started for/))).toBe(1);
    await h.api.waitForStatus(filed.caseId, ['awaiting_review', 'escalated_review']);
  });

  it('a signed-in seller on a console page sees why it is closed to them, and where to go', async () => {
    const { page } = await open();
    await signIn(page, h.url, 'seller-1');
    expect(await seen(page.getByText('This console is for reviewers'))).toBe(1);
    expect(await page.getByText(/role: Seller/).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Seller centre' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Review queue' }).count()).toBe(0);
    await expectAccessible(page, 'no-role page');
    await snap(page, 'no-role-1280');
  });

  it('renders every page of the journeys in Simplified Chinese (from the browser), with no missing key', async () => {
    const filed = await h.api.fileCase('ACME 跑鞋（中文旅程）');
    await h.api.waitForStatus(filed.caseId, ['awaiting_review']);
    const { page } = await open({ locale: 'zh-CN' });
    await page.goto(`${h.url}/queue`);
    expect(await seen(page.getByRole('heading', { name: '登录 Takedown' }))).toBe(1);
    await expectAccessible(page, 'zh-CN sign-in page');
    await snap(page, 'sign-in-zh-CN');
    await signIn(page, h.url, 'reviewer', '登录');
    expect(await seen(page.getByRole('heading', { name: /审核队列/ }))).toBe(1);
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await expectAccessible(page, 'zh-CN queue');
    await snap(page, 'queue-zh-CN');
    await page.goto(`${h.url}/cases/${filed.caseId}`);
    expect(await seen(page.getByText('待审核', { exact: true }))).toBeGreaterThan(0);
    await expectAccessible(page, 'zh-CN case page');
    await snap(page, 'case-zh-CN');
    for (const path of ['/action-failed', '/cases', `/verification/ip-rights/ipr-acme-tm-us`]) {
      await page.goto(`${h.url}${path}`);
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `zh-CN ${path}`);
    }
    expect(await missingKeys(page)).toEqual([]);

    // And back to English through the language menu.
    await page.goto(`${h.url}/queue`);
    await page.getByRole('button', { name: /语言/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    expect(await seen(page.getByRole('heading', { name: /Review queue/ }))).toBe(1);
  });

  it('is usable at 390 px wide: no page scrolls sideways', async () => {
    const filed = await h.api.fileCase('ACME hoodie, narrow screen journey');
    await h.api.waitForStatus(filed.caseId, ['awaiting_review']);
    const { page } = await open({ width: 390, height: 844 });
    await signIn(page, h.url, 'reviewer');
    for (const [path, name] of [
      ['/queue', 'queue-390'],
      [`/cases/${filed.caseId}`, 'case-390'],
      ['/action-failed', 'action-failed-390'],
    ] as const) {
      await page.goto(`${h.url}${path}`);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expectAccessible(page, `${path} at 390 px`);
      await snap(page, name);
    }
  });

  it('signs out through the issuer and leaves no session in the tab', async () => {
    const { page } = await open();
    await signIn(page, h.url, 'reviewer');
    await page.getByRole('button', { name: /Account of/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    expect(await seen(page.getByRole('heading', { name: 'Sign in to Takedown' }))).toBe(1);
    const users = await page.evaluate<string[]>(
      "Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:'))",
    );
    expect(users).toEqual([]);
  });
});
