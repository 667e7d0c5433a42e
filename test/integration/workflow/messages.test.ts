import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaksIn } from '../../support/email-leaks.ts';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import {
  newSellerId,
  RIGHTS_HOLDER_EMAIL,
  reviewer,
  sellerEmail,
} from '../../support/workflow-steps.ts';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

const NOTE = 'INTERNAL-NOTE-7f3a: seller looks like the one from last week';
const REASONS = 'The ACME word mark is printed on the product and its box.';

/** A live listing of a new seller who reads Simplified Chinese in Beijing time. */
async function chineseSellerListing(): Promise<{ listingId: string; sellerId: string }> {
  const sellerId = newSellerId();
  const res = await fetch(`${h.cloud.url}/_local/marketplace/listings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sellerId,
      title: 'ACME 铸铁砧 50 公斤',
      sellerLocale: 'zh-CN',
      sellerTimeZone: 'Asia/Shanghai',
    }),
  });
  return { listingId: ((await res.json()) as { listingId: string }).listingId, sellerId };
}

const mailOf = async (to: string, caseId: string, template: string) =>
  (await h.mail(to)).filter((m) => m.caseId === caseId && m.template === template);

describe('Messages: what the workflow sends, as a platform sends it', () => {
  it('sends the notifier one receipt per notice, however many cases screen it and however often', async () => {
    // Arrange
    const listings = [await h.newListing(), await h.newListing(), await h.newListing()];

    // Act
    const { noticeId, caseIds } = await h.file({ listings });
    // A retried screening of another case of the notice tries again, and finds it sent.
    const { sendNoticeReceipt } = await import('../../../functions/workflow/lib/receipt.ts');
    await sendNoticeReceipt((await h.m.getCase(caseIds[1]!))!);

    // Assert
    const receipts = (await h.mail(RIGHTS_HOLDER_EMAIL)).filter(
      (m) => m.template === 'notice_receipt' && m.text.includes(noticeId),
    );
    expect(receipts).toHaveLength(1);
    for (const listingId of listings) expect(receipts[0]!.text).toContain(listingId);
    expect(receipts[0]!.text).toContain(`${h.cloud.url}/notices/${noticeId}`);
  });

  it('writes to a Chinese seller in Chinese, in Beijing time, with the reasons and never the note, and keeps its copy', async () => {
    // Arrange
    const { listingId, sellerId } = await chineseSellerListing();
    const { caseIds } = await h.file({ listings: [listingId] });
    const caseId = caseIds[0]!;

    // Act
    await h.m.decide(caseId, reviewer, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons: REASONS,
      note: NOTE,
    });
    await h.cloud.settled();

    // Assert
    const [statement] = await mailOf(sellerEmail(sellerId), caseId, 'statement_of_reasons');
    expect(statement?.subject).toContain('处理理由说明');
    expect(statement?.text).toContain('Asia/Shanghai');
    expect(statement?.text).toContain(REASONS);
    expect(statement?.text).toContain('下一步措施为：作为重复侵权者限制您的卖家账户');
    const [outcome] = await mailOf(RIGHTS_HOLDER_EMAIL, caseId, 'takedown_done');
    expect(outcome?.text).toContain(REASONS);
    expect(outcome?.text).toContain('America/New_York');
    const { getMessageCopy } = await import('../../../functions/adapters/message-copies.ts');
    const copy = await getMessageCopy(caseId, 'statement_of_reasons', 'seller');
    expect(copy).toMatchObject({
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      text: statement?.text,
    });
    expect((await h.m.getCase(caseId))?.listingCreatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it.each([
    {
      decision: 'reject' as const,
      template: 'case_rejected',
      reasons: 'The mark on the listing is not the ACME mark.',
      says: ['ACME-branded widget', 'internal complaint'],
    },
    {
      decision: 'request_info' as const,
      template: 'info_requested',
      reasons: 'Please upload the test-buy report.',
      says: ['ACME-branded widget', 'Answer on the case page'],
    },
  ])(
    'tells the notifier of a $decision with the listing and the reasons, never the note',
    async ({ decision, template, reasons, says }) => {
      // Arrange
      const listingId = await h.newListing();
      const { caseIds } = await h.file({ listings: [listingId] });
      const caseId = caseIds[0]!;

      // Act
      await h.m.decide(caseId, reviewer, { decision, reasonCode: 'r', reasons, note: NOTE });
      await h.cloud.settled();

      // Assert
      const [email] = await mailOf(RIGHTS_HOLDER_EMAIL, caseId, template);
      expect(email?.subject).toContain(listingId);
      expect(email?.text).toContain(reasons);
      for (const words of says) expect(email?.text).toContain(words);
      expect(email?.text).toContain(`${h.cloud.url}/cases/${caseId}`);
    },
  );

  it('records an undeliverable statement of reasons on the timeline, with its template and role but not the address', async () => {
    // Arrange
    const sellerId = newSellerId();
    const listingId = await h.newListing(sellerId);
    await fetch(`${h.cloud.url}/_local/mailbox/bounces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address: sellerEmail(sellerId) }),
    });
    const { caseIds } = await h.file({ listings: [listingId] });
    const caseId = caseIds[0]!;

    // Act
    await h.m.decide(caseId, reviewer, {
      decision: 'approve',
      reasonCode: 'counterfeit_goods',
      reasons: 'Counterfeit goods bearing the mark.',
    });
    await h.cloud.settled();

    // Assert
    const timeline = await h.m.getTimeline(caseId);
    const undeliverable = timeline.filter((e) => e.type === 'message_undeliverable');
    expect(undeliverable).toHaveLength(1);
    expect(undeliverable[0]?.detail).toMatchObject({
      template: 'statement_of_reasons',
      role: 'seller',
      bounceType: 'Permanent',
    });
    expect(JSON.stringify(timeline)).not.toContain(sellerEmail(sellerId));
    expect(await h.status(caseId)).toBe('awaiting_counter_notice');
  });

  it('no email of these flows carries the note, an API path, a JWT or a task token', () => {
    // Arrange
    const tokens = [...h.cloud.engine.tokenRecords().keys()];
    const emails = h.cloud.mailbox.list();

    // Act
    const leaks = emails.flatMap((m) =>
      [m.text, m.html ?? ''].flatMap((part) =>
        leaksIn(part, [NOTE, ...tokens]).map((leak) => `${m.template} to ${m.to}: ${leak}`),
      ),
    );

    // Assert
    expect(emails.length).toBeGreaterThan(8);
    expect(emails.every((m) => m.html?.startsWith('<!DOCTYPE html>'))).toBe(true);
    expect(tokens.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });
});
