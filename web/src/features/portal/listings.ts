/** The most listings one notice may name (API.md). */
export const MAX_LISTINGS = 100;

export interface ParsedListings {
  /** Listing ids, de-duplicated, in the order given. */
  ids: string[];
  /** Entries that are neither a listing id nor a listing URL. */
  invalid: string[];
}

const ID = /^[A-Za-z0-9][\w.:-]{0,127}$/;

/**
 * Listings pasted as ids or marketplace URLs, one per line (or separated by commas or spaces).
 * A URL names its listing in its last path segment (`…/listings/{listingId}`).
 */
export function parseListings(text: string): ParsedListings {
  const ids: string[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(/[\s,;]+/).filter(Boolean)) {
    let id: string | undefined = entry;
    if (/^https?:\/\//i.test(entry)) {
      try {
        const segments = new URL(entry).pathname.split('/').filter(Boolean);
        id = segments.length >= 2 ? decodeURIComponent(segments.at(-1)!) : undefined;
      } catch {
        id = undefined;
      }
    }
    if (id && ID.test(id)) {
      if (!ids.includes(id)) ids.push(id);
    } else invalid.push(entry);
  }
  return { ids, invalid };
}
