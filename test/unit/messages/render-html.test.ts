import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../functions/domain/locale.ts';
import type { Block, EmailDocument, Inline } from '../../../functions/messages/document.ts';
import { renderHtml } from '../../../functions/messages/render-html.ts';
import { renderHtmlWithReact } from './react-email-reference.tsx';

/** Text as templates and people write it: empty, markup characters, CJK, and anything else. */
const text = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '&',
    '<b>',
    '"quoted"',
    "it's",
    '浙江省杭州市',
    '\u00a0',
    '<!-- -->',
    'a\ud800b',
    '\udc00',
    '\ud83d\ude00',
  ),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);
const inline: fc.Arbitrary<Inline> = fc.oneof(
  text,
  fc.record({ strong: text }),
  fc.record({ link: text, href: text }),
);
const inlines = fc.array(inline, { maxLength: 5 });
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ kind: fc.constant('heading' as const), text }),
  fc.record({ kind: fc.constant('paragraph' as const), content: inlines }),
  fc.record({
    kind: fc.constant('facts' as const),
    rows: fc.array(fc.record({ label: text, value: inlines }), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('list' as const), items: fc.array(inlines, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('callout' as const), content: inlines }),
  fc.record({ kind: fc.constant('quote' as const), label: text, text }),
  fc.record({ kind: fc.constant('action' as const), label: text, href: text }),
);
const document: fc.Arbitrary<EmailDocument> = fc.record({
  subject: text,
  preview: fc.oneof(text, fc.string({ minLength: 140, maxLength: 170 })),
  blocks: fc.array(block, { maxLength: 6 }),
  footer: inlines,
});

describe('renderHtml', () => {
  it('writes, for any document, the bytes react-email and React wrote', async () => {
    await fc.assert(
      fc.asyncProperty(document, fc.constantFrom(...LOCALES), async (doc, locale) => {
        // Act
        const [html, reference] = await Promise.all([
          renderHtml(doc, locale),
          renderHtmlWithReact(doc, locale),
        ]);

        // Assert
        expect(html).toBe(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes markup in text and links', async () => {
    // Arrange
    const doc: EmailDocument = {
      subject: 's',
      preview: '<script>',
      blocks: [
        { kind: 'paragraph', content: ['<img src=x onerror=1>', { link: 'a', href: '"><x' }] },
      ],
      footer: [],
    };

    // Act
    const html = await renderHtml(doc, 'en');

    // Assert
    expect(html).not.toMatch(/<script>|<img|"><x/);
    expect(html).toContain('&lt;img src=x onerror=1&gt;');
    expect(html).toContain('href="&quot;&gt;&lt;x"');
  });
});
