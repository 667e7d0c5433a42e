import { describe, expect, it } from 'vitest';
import { DomainRuleError } from '../../../functions/domain/errors.ts';
import { MAX_MANIFEST_ROWS, parseManifest } from '../../../functions/domain/manifest.ts';

const csv = (text: string) => parseManifest(Buffer.from(text), 'text/csv');
const jsonl = (text: string) => parseManifest(Buffer.from(text), 'application/x-ndjson');

describe('Function: parseManifest', () => {
  it('reads ids and URLs by row number, folding duplicates and rejecting bad rows', () => {
    // Act
    const result = csv(
      [
        'listingId,url',
        'lst-1,',
        ',https://demo-marketplace.invalid/listings/lst-2',
        'lst-1,',
        'lst 3,',
        ',',
        'lst-4,https://x.example/4',
        ',ftp://x.example/5',
      ].join('\r\n'),
    );

    // Assert
    expect(result.rows).toEqual([
      { row: 1, listingId: 'lst-1' },
      { row: 2, url: 'https://demo-marketplace.invalid/listings/lst-2' },
    ]);
    expect(result.duplicates).toBe(1);
    expect(result.rejectedRows.map((r) => r.row)).toEqual([4, 5, 6, 7]);
  });

  it('reads JSON Lines, rejecting a line that is not an object of listingId or url', () => {
    // Act
    const result = jsonl(
      '{"listingId":"lst-1"}\n{"url":"https://x.example/2"}\nnot json\n{"sku":"9"}\n',
    );

    // Assert
    expect(result.rows).toHaveLength(2);
    expect(result.rejectedRows).toEqual([
      { row: 3, reason: 'Not a JSON object' },
      { row: 4, reason: 'Unknown field(s): sku' },
    ]);
  });

  it.each([
    ['without a header', 'lst-1\nlst-2'],
    ['with an unknown column', 'listingId,sku\nlst-1,9'],
    [
      `over ${MAX_MANIFEST_ROWS} rows`,
      ['listingId', ...Array.from({ length: MAX_MANIFEST_ROWS + 1 }, (_, i) => `l-${i}`)].join(
        '\n',
      ),
    ],
  ])('refuses a CSV manifest %s (422)', (_what, text) => {
    // Act
    const act = () => csv(text);

    // Assert
    expect(act).toThrow(DomainRuleError);
  });

  it('accepts exactly 10,000 rows', () => {
    // Act
    const result = csv(
      ['listingId', ...Array.from({ length: MAX_MANIFEST_ROWS }, (_, i) => `l-${i}`)].join('\n'),
    );

    // Assert
    expect(result.rows).toHaveLength(MAX_MANIFEST_ROWS);
  });
});
