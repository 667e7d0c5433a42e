import { describe, expect, it } from 'vitest';
import { parseListings } from './listings.ts';

describe('Function: parseListings', () => {
  it('reads ids and listing URLs, one per line or comma-separated, without duplicates', () => {
    const parsed = parseListings(
      'lst-1\nhttps://demo-marketplace.invalid/listings/lst-2, lst-1\n  lst-3  ',
    );
    expect(parsed).toEqual({
      ids: ['lst-1', 'https://demo-marketplace.invalid/listings/lst-2', 'lst-3'],
      entries: [
        { listingId: 'lst-1' },
        { url: 'https://demo-marketplace.invalid/listings/lst-2' },
        { listingId: 'lst-3' },
      ],
      invalid: [],
    });
  });

  it('lists what is neither an id nor a listing URL', () => {
    const parsed = parseListings('lst-1 https://example.com/ <script> ftp://x/y');
    expect(parsed.ids).toEqual(['lst-1']);
    expect(parsed.invalid).toEqual(['https://example.com/', '<script>', 'ftp://x/y']);
  });

  it('reads nothing from an empty paste', () => {
    expect(parseListings('  \n ')).toEqual({ ids: [], entries: [], invalid: [] });
  });
});
