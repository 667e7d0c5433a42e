import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../functions/domain/locale.ts';
import { type MessageKind, renderMessage } from '../../../functions/messages/messages.ts';
import { leaksIn } from '../../support/email-leaks.ts';
import { context, EXAMPLES, PORTAL } from './fixtures.ts';

const cases = Object.entries(EXAMPLES).flatMap(([name, message]) =>
  LOCALES.map((locale) => ({ name, locale, message })),
);

describe('Templates: every message in every locale', () => {
  it.each(cases)(
    '$name in $locale matches its HTML and text snapshots',
    async ({ name, locale, message }) => {
      // Act
      const email = await renderMessage(message, context(locale));

      // Assert
      await expect(email.html).toMatchFileSnapshot(`./__snapshots__/${name}.${locale}.html`);
      await expect(`Subject: ${email.subject}\n\n${email.text}`).toMatchFileSnapshot(
        `./__snapshots__/${name}.${locale}.txt`,
      );
    },
  );

  it('has an example of every kind of message', () => {
    // Arrange
    const kinds: Record<MessageKind, true> = {
      notice_receipt: true,
      fan_out_summary: true,
      listing_decision: true,
      info_request: true,
      statement_of_reasons: true,
      counter_notice_forwarded: true,
      counter_notice_re_review: true,
      case_outcome: true,
      seller_case_update: true,
      reviewer_alert: true,
      appeal_decided: true,
      account_measure: true,
      digest: true,
    };

    // Act
    const covered = new Set(Object.values(EXAMPLES).map((message) => message.kind));

    // Assert
    expect([...covered].sort()).toEqual(Object.keys(kinds).sort());
  });

  it.each(cases)(
    '$name in $locale has an HTML part and a text part in its language',
    async ({ locale, message }) => {
      // Act
      const email = await renderMessage(message, context(locale));

      // Assert
      expect(email.html).toMatch(new RegExp(`^<!DOCTYPE html><html[^>]* lang="${locale}"`));
      expect(email.text.length).toBeGreaterThan(100);
      const han = /\p{Script=Han}/u;
      // Chinese readers get Chinese; English readers get Chinese only where a party wrote it.
      if (locale === 'zh-CN') expect(han.test(email.subject)).toBe(true);
      else expect(han.test(email.subject)).toBe(false);
    },
  );

  it.each(cases)(
    '$name in $locale links only to portal pages, with no API path, JWT or token',
    async ({ locale, message }) => {
      // Act
      const email = await renderMessage(message, context(locale));

      // Assert
      expect(leaksIn(email.html)).toEqual([]);
      expect(leaksIn(email.text)).toEqual([]);
      const links = [...email.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link.startsWith(`${PORTAL}/`)).toBe(true);
    },
  );

  it('the leak scan finds an API path, a JWT and a task token when they are there', () => {
    // Arrange
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZW1vLXNlbGxlci0xIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const token = `AQCEAAAAKgAAAAMAAAAAAAAAA${'x'.repeat(80)}`;

    // Act
    const found = leaksIn(`POST /v1/cases/c-1/court-action ${jwt} ${token}`);

    // Assert
    expect(found).toEqual(['API path /v1/', 'JWT', 'task token']);
  });

  it('escapes what parties wrote in the HTML part', async () => {
    // Arrange
    const message = structuredClone(EXAMPLES['info-request']!);
    if (message.kind === 'info_request') message.facts.reasons = '<script>alert(1)</script>';

    // Act
    const email = await renderMessage(message, context('en'));

    // Assert
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
  });
});
