import { describe, expect, it } from 'vitest';
import { counterNoticeBodySchema } from '../../../functions/domain/counter-notice.ts';
import { LEGAL_DOCUMENTS, legalTexts } from '../../../functions/domain/legal-texts.ts';
import { LOCALES } from '../../../functions/domain/locale.ts';
import { noticeBodySchema } from '../../../functions/domain/notice.ts';
import { JURISDICTIONS } from '../../../functions/domain/vocabulary.ts';

const combos = JURISDICTIONS.flatMap((jurisdiction) =>
  LEGAL_DOCUMENTS.flatMap((document) =>
    LOCALES.map((locale) => ({ jurisdiction, document, locale })),
  ),
);

/** Whether a dot path names a field of a zod object schema's shape. */
function hasField(schema: { shape: Record<string, unknown> }, path: string): boolean {
  const [head, ...rest] = path.split('.');
  let field = schema.shape[head!] as { unwrap?: () => unknown; shape?: unknown } | undefined;
  while (field && !('shape' in field) && typeof field.unwrap === 'function')
    field = field.unwrap() as typeof field;
  if (!field) return false;
  if (rest.length === 0) return true;
  return hasField(field as { shape: Record<string, unknown> }, rest.join('.'));
}

describe('Function: legalTexts', () => {
  it.each(combos)(
    '$jurisdiction $document in $locale has texts, each agreement naming a body field',
    ({ jurisdiction, document, locale }) => {
      // Act
      const texts = legalTexts(jurisdiction, document, locale);

      // Assert
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text.text.length).toBeGreaterThan(20);
        if (!text.field) continue;
        const schema = document === 'notice' ? noticeBodySchema : counterNoticeBodySchema;
        expect(hasField(schema as never, text.field), `${text.key} → ${text.field}`).toBe(true);
      }
    },
  );

  it('words the US counter-notice in §512(g)(3)’s terms, each statement separately', () => {
    // Act
    const texts = legalTexts('US', 'counter_notice', 'en', 'copyright');

    // Assert
    expect(texts.filter((t) => t.field).map((t) => t.field)).toEqual([
      'underPenaltyOfPerjury',
      'consentToJurisdiction',
      'acceptServiceOfProcess',
    ]);
    expect(texts.find((t) => t.key === 'consentToJurisdiction')?.text).toContain(
      'any judicial district in which the service provider may be found',
    );
  });

  it('asks no signature or perjury statement of a CN declaration', () => {
    // Act
    const texts = legalTexts('CN', 'counter_notice', 'zh-CN');

    // Assert
    expect(texts.some((t) => t.field)).toBe(false);
    expect(texts.map((t) => t.text).join(' ')).toContain('第四十三条');
    expect(texts.map((t) => t.text).join(' ')).not.toMatch(/伪证(?!声明)/);
  });

  it('gives a US trademark counter-notice the re-review text, not §512(g)', () => {
    // Act
    const texts = legalTexts('US', 'counter_notice', 'en', 'trademark');

    // Assert
    expect(texts.map((t) => t.source).join(' ')).not.toContain('§512(g)(3)');
  });
});
