/** The most listings one notice may name (API.md). */
export const MAX_LISTINGS = 100;

export interface ParsedListings {
  /** Listing ids and listing URLs as given, de-duplicated, in the order given (for display). */
  ids: string[];
  /** The body's `listings`: an id as `{listingId}`, a URL as `{url}` (the marketplace resolves it). */
  entries: ({ listingId: string } | { url: string })[];
  /** Entries that are neither a listing id nor a listing URL. */
  invalid: string[];
}

const ID = /^[A-Za-z0-9][\w.:-]{0,127}$/;

/**
 * Listings pasted as ids or marketplace URLs, one per line (or separated by commas or spaces).
 * A URL is sent as it is, for the marketplace to resolve (API.md: `listings[].url`); one without
 * a path (a site's home page) names no listing.
 */
export function parseListings(text: string): ParsedListings {
  const ids: string[] = [];
  const entries: ParsedListings['entries'] = [];
  const invalid: string[] = [];
  for (const entry of text.split(/[\s,;]+/).filter(Boolean)) {
    if (ids.includes(entry)) continue;
    if (/^https?:\/\//i.test(entry)) {
      let names = false;
      try {
        names = new URL(entry).pathname.split('/').filter(Boolean).length > 0;
      } catch {
        names = false;
      }
      if (names && entry.length <= 2048) {
        ids.push(entry);
        entries.push({ url: entry });
      } else invalid.push(entry);
    } else if (ID.test(entry)) {
      ids.push(entry);
      entries.push({ listingId: entry });
    } else invalid.push(entry);
  }
  return { ids, entries, invalid };
}
