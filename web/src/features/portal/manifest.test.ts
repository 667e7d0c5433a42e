import { describe, expect, it } from 'vitest';
import { checkManifestFile, checkManifestText, manifestKind } from './manifest.ts';

describe('Function: manifestKind', () => {
  it('knows CSV and JSON Lines by extension or type, and nothing else', () => {
    expect(manifestKind({ name: 'a.CSV', type: 'application/vnd.ms-excel' })).toBe('csv');
    expect(manifestKind({ name: 'a', type: 'text/csv' })).toBe('csv');
    expect(manifestKind({ name: 'a.jsonl', type: '' })).toBe('jsonl');
    expect(manifestKind({ name: 'a.ndjson', type: '' })).toBe('jsonl');
    expect(manifestKind({ name: 'a.xlsx', type: '' })).toBeUndefined();
  });
});

describe('Function: checkManifestFile', () => {
  it('refuses another type, an empty file and one above 25 MiB', () => {
    expect(checkManifestFile({ name: 'a.pdf', type: 'application/pdf', size: 10 })).toEqual({
      problem: 'type',
    });
    expect(checkManifestFile({ name: 'a.csv', type: 'text/csv', size: 0 })).toEqual({
      problem: 'empty',
    });
    expect(checkManifestFile({ name: 'a.csv', type: 'text/csv', size: 26_214_401 })).toMatchObject({
      problem: 'size',
    });
    expect(checkManifestFile({ name: 'a.csv', type: 'text/csv', size: 100 })).toBeUndefined();
  });
});

describe('Function: checkManifestText', () => {
  it('accepts a CSV with a header of listingId and/or url', () => {
    expect(
      checkManifestText('csv', '\uFEFFlistingId,url\r\nlst-1,\r\n,https://x.test/l/2\r\n'),
    ).toBe(undefined);
    expect(checkManifestText('csv', '"url"\nhttps://x.test/l/2')).toBeUndefined();
  });

  it('refuses a CSV without that header, or with only a header', () => {
    expect(checkManifestText('csv', 'lst-1\nlst-2')).toEqual({ problem: 'header' });
    expect(checkManifestText('csv', 'listingId,price\nlst-1,3')).toEqual({ problem: 'header' });
    expect(checkManifestText('csv', 'listingId\n\n')).toEqual({ problem: 'empty' });
  });

  it('refuses more than 10,000 rows, the header not counted', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `lst-${i}`).join('\n');
    expect(checkManifestText('csv', `listingId\n${rows(10_000)}`)).toBeUndefined();
    expect(checkManifestText('csv', `listingId\n${rows(10_001)}`)).toEqual({
      problem: 'rows',
      rows: 10_001,
      max: 10_000,
    });
    expect(checkManifestText('jsonl', rows(10_001))).toMatchObject({ problem: 'rows' });
  });
});
