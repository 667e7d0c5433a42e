import { createHash, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage, followNav, missingKeys, signIn, snap } from './support/browser.ts';
import { journeyHarness, seen } from './support/harness.ts';

/**
 * The rights-holder portal and the seller centre, in Debian's Chromium against `npm start`,
 * through the real sign-in: a notice filed from the browser against two listings, decided in the
 * console, contested by the seller, and the listing restored when the clock runs out; and a
 * seller reading Chinese doing the same. axe-core checks every page; no translation key may be
 * missing.
 */
const h = journeyHarness();

/** What the first journeys leave for the next ones (they run in order, in one cloud). */
const state: {
  listings: { listingId: string; title: string }[];
  noticeId?: string;
  approved?: string;
  rejected?: string;
} = { listings: [] };

/** A file the browser uploads: random bytes (so its hash is new) behind a text header. */
function evidenceFile(name: string, size: number) {
  const buffer = Buffer.concat([
    Buffer.from(`Evidence ${name}\n`),
    Buffer.from(randomBytes(size).toString('base64').slice(0, size)),
  ]);
  return {
    file: { name, mimeType: 'text/plain', buffer },
    sha256: createHash('sha256').update(buffer).digest('hex'),
  };
}

async function chooseOption(page: Page, button: RegExp | string, option: RegExp | string) {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('option', { name: option }).click();
}

// A journey signs in through the real pages and waits on real uploads and workflows: on a loaded
// 2-core machine one can take over a minute.
describe('Rights-holder portal and seller centre journeys (Chromium, npm start)', {
  timeout: 180_000,
}, () => {
  it('(1) a rights holder uploads evidence and files a notice against two listings', async () => {
    for (const title of ['Roadrunner photo poster (copied)', 'Roadrunner photo mug (copied)'])
      state.listings.push({
        ...(await h.api.addListing('seller-1', `${title} ${randomBytes(2).toString('hex')}`)),
        title,
      });
    const [first, second] = state.listings as [
      { listingId: string; title: string },
      { listingId: string; title: string },
    ];
    const { page, context } = await h.open();
    await signIn(page, h.url, 'acme-brand', 'Sign in', '/');
    await page.waitForURL(`${h.url}/portal`);
    expect(await seen(page.getByRole('heading', { name: 'ACME Brands Ltd' }))).toBe(1);
    expect(await page.getByText('Verified', { exact: true }).count()).toBeGreaterThan(0);
    await checkPage(page, 'portal-home-1280');

    await followNav(page, 'IP rights');
    await page.waitForURL(`${h.url}/portal/ip-rights`);
    expect(await seen(page.getByText('Roadrunner product photography 2025'))).toBe(1);
    await checkPage(page, 'portal-ip-rights-1280');

    await page.goto(`${h.url}/portal`);
    await page.getByRole('button', { name: 'File a notice' }).click();
    await page.waitForURL(`${h.url}/portal/notices/new`);
    // Step 1: the IP right; a copyright right offers only the copyright complaint.
    await chooseOption(page, /Choose an IP right/, /Roadrunner product photography 2025/);
    expect(await page.getByText('Copyright', { exact: true }).count()).toBeGreaterThan(0);
    await checkPage(page, 'notice-step-right-1280');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 2: one listing by id, one by URL, pasted as a list (a duplicate line is merged).
    const listingsField = page.getByLabel('Listing ids or URLs');
    await listingsField.fill(
      `${first.listingId}\nhttps://demo-marketplace.invalid/listings/${second.listingId}\n${first.listingId}`,
    );
    expect(await seen(page.getByText('2 listings recognised'))).toBe(1);
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 3: explanation and evidence; the upload is slowed so its progress bar shows.
    await page
      .getByLabel('Explanation', { exact: true })
      .fill('Both listings print our 2025 Roadrunner photographs without a licence.');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    const evidence = evidenceFile('roadrunner-photo-comparison.txt', 900_000);
    await page.locator('input[type="file"]').first().setInputFiles(evidence.file);
    expect(await seen(page.getByRole('progressbar'))).toBe(1);
    await snap(page, 'notice-upload-progress-1280');
    // The hash shown was computed in the browser before the upload: it is the file's own.
    expect(await seen(page.getByText(evidence.sha256))).toBe(1);
    await page.getByText("Sealed: the service's hash matches").waitFor({ timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await checkPage(page, 'notice-step-evidence-1280');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 4: each statutory statement agreed, and the signature.
    const statements = page.getByRole('checkbox');
    expect(await seen(statements)).toBeGreaterThanOrEqual(3);
    for (const box of await statements.all()) await box.check();
    await page.getByLabel('Your full name, as your signature').fill('Wile E. Coyote');
    await checkPage(page, 'notice-step-statements-1280');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 5: the review shows everything; a double click files once.
    expect(await seen(page.getByText(first.listingId, { exact: true }))).toBe(1);
    // A pasted URL is sent as it is, for the marketplace to resolve to its listing.
    expect(
      await page
        .getByText(`https://demo-marketplace.invalid/listings/${second.listingId}`, {
          exact: true,
        })
        .count(),
    ).toBe(1);
    expect(await page.getByText('Wile E. Coyote', { exact: true }).count()).toBe(1);
    await checkPage(page, 'notice-review-1280');
    await page.getByRole('button', { name: 'File the notice' }).dblclick();

    await page.waitForURL(/\/portal\/cases\?noticeId=/);
    state.noticeId = new URL(page.url()).searchParams.get('noticeId')!;
    expect(await seen(page.getByText(/is filed: 2 cases opened/))).toBe(1);
    expect(await seen(page.getByRole('link', { name: first.title, exact: false }))).toBe(1);
    await checkPage(page, 'portal-cases-1280');

    const cases = await h.api.rightsHolder.get<{ items: { caseId: string; listingId: string }[] }>(
      `/v1/cases?noticeId=${state.noticeId}`,
    );
    expect(cases.body.items.map((c) => c.listingId).sort()).toEqual(
      [first.listingId, second.listingId].sort(),
    );
    for (const listing of [first, second]) {
      const own = await h.api.rightsHolder.get<{ items: unknown[] }>(
        `/v1/cases?listingId=${listing.listingId}`,
      );
      expect(own.body.items, 'one notice, not two').toHaveLength(1);
    }
    state.approved = cases.body.items.find((c) => c.listingId === first.listingId)!.caseId;
    state.rejected = cases.body.items.find((c) => c.listingId === second.listingId)!.caseId;
    expect(await missingKeys(page)).toEqual([]);
  });

  it('(2) a reviewer approves one case and rejects the other in the console', async () => {
    const { approved, rejected } = state as Required<typeof state>;
    for (const caseId of [approved, rejected])
      await h.api.waitForStatus(caseId, ['awaiting_review']);
    const { page } = await h.open();
    await signIn(page, h.url, 'reviewer');
    for (const [caseId, decision, reasons] of [
      [approved, 'Approve', 'The poster reproduces the registered 2025 photograph in full.'],
      [rejected, 'Reject', 'The mug shows a different photograph, not the registered work.'],
    ] as const) {
      await page.goto(`${h.url}/cases/${caseId}`);
      await page.getByRole('radio', { name: new RegExp(decision) }).check();
      await page.getByRole('button', { name: /Reason code/ }).click();
      await page.getByRole('option').first().click();
      await page.getByLabel('Reasons for the parties').fill(reasons);
      await page.getByRole('button', { name: decision, exact: true }).click();
      expect(await seen(page.getByText(/Decision recorded/), 60_000)).toBe(1);
    }
    await h.api.waitForStatus(approved, ['awaiting_counter_notice']);
    await h.api.waitForStatus(rejected, ['rejected']);
  });

  it('(3) the seller reads the statement of reasons, files a counter-notice and acknowledges the IP education', async () => {
    const { approved } = state as Required<typeof state>;
    const { page } = await h.open();
    await signIn(page, h.url, 'seller-1', 'Sign in', '/');
    await page.waitForURL(`${h.url}/seller`);
    const link = page.getByRole('link', { name: state.listings[0]!.title, exact: false });
    expect(await seen(link)).toBe(1);
    await checkPage(page, 'seller-cases-1280');
    await link.click();
    await page.waitForURL(`${h.url}/cases/${approved}`);

    // The statement of reasons, laid out by its sections, with the reviewer's reasons.
    expect(
      await seen(page.getByRole('heading', { name: 'Statement of reasons', exact: true })),
    ).toBe(1);
    expect(await seen(page.getByRole('heading', { name: 'What we did' }))).toBe(1);
    expect(await page.getByRole('heading', { name: 'Legal ground' }).count()).toBe(1);
    expect(
      await page.getByText('The poster reproduces the registered 2025 photograph in full.').count(),
    ).toBeGreaterThan(0);
    expect(await page.getByText('Counter-notice window closes').count()).toBeGreaterThan(0);
    await checkPage(page, 'seller-case-statement-1280');

    await page.getByRole('button', { name: 'File a counter-notice' }).first().click();
    await page.waitForURL(`${h.url}/seller/cases/${approved}/counter-notice`);
    await page
      .getByLabel('Why the listing does not infringe')
      .fill('The poster uses my own photograph of a roadrunner, taken in 2024 in Arizona.');
    await page.getByLabel('Name', { exact: true }).fill('Sam Seller');
    await page.getByLabel('Address', { exact: true }).fill('12 Desert Road, Tucson, AZ 85701, US');
    await page.getByLabel('Telephone', { exact: true }).fill('+1-520-555-0199');
    // 17 U.S.C. §512(g)(3): the removed material and where it was, the district, and (C)-(D)
    // agreed one by one in the statute's words.
    expect(await page.getByLabel('The removed material').inputValue()).toContain('Roadrunner');
    await page.getByLabel('Judicial district', { exact: true }).fill('District of Arizona');
    const statements = page.getByRole('checkbox');
    expect(await seen(statements)).toBe(3);
    expect(await page.getByText('17 U.S.C. §512(g)(3)(C)').count()).toBe(1);
    for (const box of await statements.all()) await box.check();
    await page.getByLabel('Your full name, as your signature').fill('Sam Seller');
    await checkPage(page, 'seller-counter-notice-1280');
    await page.getByRole('button', { name: 'Send the counter-notice' }).click();

    expect(await seen(page.getByText('Your counter-notice is sent.'))).toBe(1);
    await page.waitForURL(`${h.url}/cases/${approved}`);
    await h.api.waitForStatus(approved, ['awaiting_court_action']);

    // The strike, its expiry and the IP-education module ending in the acknowledgement.
    await followNav(page, 'Strikes and account');
    await page.waitForURL(`${h.url}/seller/account`);
    expect(await seen(page.getByText('Expires', { exact: true }))).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: approved }).count()).toBe(1);
    await checkPage(page, 'seller-account-1280');
    await page.getByRole('checkbox', { name: 'I have read and understood this notice.' }).check();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    expect(await seen(page.getByText(/Acknowledged on/))).toBe(1);
    expect(await missingKeys(page)).toEqual([]);
  });

  // Before (4): the clock must stay inside the years of China's published holidays, past which
  // a CN deadline is refused (the case parks for operators) rather than guessed.
  it('(5) a seller of seller-2 reads the statement of reasons and files a declaration in Chinese, at 390 px', async () => {
    const listing = await h.api.addListing(
      'seller-2',
      `ACME 铁砧仿品 ${randomBytes(2).toString('hex')}`,
    );
    const caseId = await h.api.fileAndApprove(listing.listingId, {
      ipRightId: 'ipr-acme-tm-cn',
      infringementType: 'counterfeit',
      jurisdiction: 'CN',
    });
    await h.api.waitForStatus(caseId, ['awaiting_counter_notice']);
    const { page } = await h.open({ locale: 'zh-CN', width: 390, height: 844 });
    await signIn(page, h.url, 'seller-2', '登录', '/');
    await page.waitForURL(`${h.url}/seller`);
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    const link = page.getByRole('link', { name: /ACME 铁砧仿品/ });
    expect(await seen(link)).toBeGreaterThan(0);
    await checkPage(page, 'seller-cases-zh-CN-390');
    await page.goto(`${h.url}/cases/${caseId}`);
    expect(await seen(page.getByRole('heading', { name: '处理理由说明', exact: true }))).toBe(1);
    expect(await page.locator('[lang="zh-CN"].statement').count()).toBe(1);
    await checkPage(page, 'seller-case-statement-zh-CN-390');

    await page.getByRole('button', { name: '提交反通知' }).first().click();
    await page.waitForURL(`${h.url}/seller/cases/${caseId}/counter-notice`);
    await page.getByLabel('商品为何不构成侵权').fill('该铁砧为本店自行铸造，未使用 ACME 商标。');
    await page.getByLabel('姓名', { exact: true }).fill('王小明');
    await page.getByLabel('地址', { exact: true }).fill('上海市浦东新区世纪大道 100 号');
    const proof = evidenceFile('invoice.txt', 2_000);
    await page.locator('input[type="file"]').first().setInputFiles(proof.file);
    expect(await seen(page.getByText(proof.sha256))).toBe(1);
    await page.getByText('已封存：服务计算的哈希值一致').waitFor({ timeout: 60_000 });
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await checkPage(page, 'seller-counter-notice-zh-CN-390');
    await page.getByRole('button', { name: '发送反通知' }).click();
    expect(await seen(page.getByText('您的反通知已发送。'))).toBe(1);
    await h.api.waitForStatus(caseId, ['awaiting_court_action']);
    await page.goto(`${h.url}/seller/account`);
    await checkPage(page, 'seller-account-zh-CN-390');
    expect(await missingKeys(page)).toEqual([]);
  });
  it('(4) the clock runs out and the rights holder sees the listing restored, at 390 px', async () => {
    const { approved, rejected } = state as Required<typeof state>;
    // The US restore starts at the 11th business day after receipt: 20 days cover it.
    await h.api.waitForStatus(approved, ['restored'], 'P20D');
    const { page } = await h.open({ width: 390, height: 844 });
    await signIn(page, h.url, 'acme-brand', 'Sign in', '/');
    await page.waitForURL(`${h.url}/portal`);
    await checkPage(page, 'portal-home-390');
    await page.goto(`${h.url}/portal/cases?noticeId=${state.noticeId}`);
    const restoredRow = page.getByRole('row').filter({ hasText: state.listings[0]!.listingId });
    expect(await seen(restoredRow.getByText('Restored'))).toBe(1);
    expect(
      await page
        .getByRole('row')
        .filter({ hasText: state.listings[1]!.listingId })
        .getByText('Rejected')
        .count(),
    ).toBe(1);
    await checkPage(page, 'portal-cases-390');
    await page.goto(`${h.url}/cases/${approved}`);
    expect(await seen(page.getByText('Live on the marketplace'))).toBe(1);
    expect(await page.getByRole('heading', { name: 'Counter-notice' }).count()).toBe(1);
    expect(await page.getByText(/my own photograph of a roadrunner/).count()).toBe(1);
    await checkPage(page, 'portal-case-restored-390');
    await page.goto(`${h.url}/cases/${rejected}`);
    expect(
      await seen(page.getByText('The mug shows a different photograph, not the registered work.')),
    ).toBe(1);
    await checkPage(page, 'portal-case-rejected-390');
    expect(await missingKeys(page)).toEqual([]);
  });

  it('(6) a seller appeals an upheld takedown; the reviewer who decided is refused, and another (admin) upholds it in the console', async () => {
    const listing = await h.api.addListing(
      'seller-1',
      `ACME anvil replica ${randomBytes(2).toString('hex')}`,
    );
    const caseId = await h.api.fileAndApprove(listing.listingId, {
      ipRightId: 'ipr-acme-tm-us',
      infringementType: 'counterfeit',
      jurisdiction: 'US',
    });
    await h.api.waitForStatus(caseId, ['awaiting_counter_notice']);
    // The counter-notice window (14 days) ends: the case reads upheld, and appeals open.
    await h.api.waitForStatus(caseId, ['upheld'], 'P15D');

    const seller = (await h.open()).page;
    await signIn(seller, h.url, 'seller-1', 'Sign in', '/');
    await seller.waitForURL(`${h.url}/seller`);
    await seller.goto(`${h.url}/cases/${caseId}`);
    expect(await seen(seller.getByRole('heading', { name: 'Appeal', exact: true }))).toBe(1);
    expect(await seen(seller.getByText('DSA Art 20', { exact: true }))).toBe(1);
    await seller.getByRole('radio', { name: 'The takedown of the listing' }).check();
    await seller
      .getByLabel('Your grounds')
      .fill('The anvil is cast in my own foundry and bears no ACME mark; see the mould photo.');
    const photo = evidenceFile('anvil-mould.txt', 3_000);
    await seller.locator('input[type="file"]').first().setInputFiles(photo.file);
    await seller.getByText("Sealed: the service's hash matches").waitFor({ timeout: 60_000 });
    await checkPage(seller, 'seller-appeal-form-1280');
    await seller.getByRole('button', { name: 'File the appeal' }).click();
    expect(await seen(seller.getByText(/Appeal .+ is filed/))).toBe(1);
    const appealId = (
      await h.api.reviewer.get<{ appeals: { appealId: string }[] }>(`/v1/cases/${caseId}`)
    ).body.appeals[0]!.appealId;

    // The reviewer who took the decision may not decide the appeal: the 422 is shown as such.
    const reviewer = (await h.open()).page;
    await signIn(reviewer, h.url, 'reviewer');
    await reviewer.goto(`${h.url}/queue?queue=appeals`);
    const row = reviewer.getByRole('row').filter({ hasText: caseId });
    expect(await seen(row.getByText(/Appeal/))).toBeGreaterThan(0);
    await row.getByRole('link').first().click();
    await reviewer.waitForURL(`${h.url}/review/appeals/${appealId}`);
    expect(await seen(reviewer.getByRole('heading', { name: 'The decision appealed' }))).toBe(1);
    expect(
      await reviewer
        .getByText('The listing offers goods bearing the ACME mark that ACME never made.')
        .count(),
    ).toBe(1);
    expect(await seen(reviewer.getByText(/Evidence anvil-mould\.txt/))).toBe(1);
    await checkPage(reviewer, 'appeal-review-1280');
    await reviewer.getByRole('radio', { name: /Uphold: the appeal is founded/ }).check();
    await reviewer.getByRole('button', { name: /Reason code/ }).click();
    await reviewer.getByRole('option').first().click();
    await reviewer.getByLabel('Reasons for the parties').fill('The mould shows no ACME mark.');
    await reviewer.getByRole('button', { name: 'Uphold the appeal' }).click();
    expect(await seen(reviewer.getByText('A rule prevents this'))).toBeGreaterThan(0);
    expect(await h.api.caseStatus(caseId)).toBe('upheld');

    // Another reviewer (the demo admin holds reviewer rights) upholds it: the listing comes back.
    const admin = (await h.open({ width: 390, height: 844 })).page;
    await signIn(admin, h.url, 'admin');
    await admin.goto(`${h.url}/review/appeals/${appealId}`);
    await admin.getByRole('radio', { name: /Uphold: the appeal is founded/ }).check();
    await admin.getByRole('button', { name: /Reason code/ }).click();
    await admin.getByRole('option').first().click();
    await admin
      .getByLabel('Reasons for the parties')
      .fill('The mould photo shows a plain anvil: no ACME mark is used.');
    await checkPage(admin, 'appeal-review-390');
    await admin.getByRole('button', { name: 'Uphold the appeal' }).click();
    expect(await seen(admin.getByText(/Appeal decision recorded/))).toBe(1);
    await h.api.waitForStatus(caseId, ['restored']);

    // The seller reads the outcome and its reasons on the case page.
    await seller.goto(`${h.url}/cases/${caseId}`);
    expect(await seen(seller.getByText('Upheld', { exact: true }))).toBeGreaterThan(0);
    expect(
      await seen(seller.getByText('The mould photo shows a plain anvil: no ACME mark is used.')),
    ).toBe(1);
    await checkPage(seller, 'seller-appeal-upheld-1280');
    for (const page of [seller, reviewer, admin]) expect(await missingKeys(page)).toEqual([]);
  });
});
