import { normaliseText } from './listing-text.ts';

/**
 * Stay-down (DOMAIN.md, known pain points: relisting whack-a-mole): a listing taken down on any
 * path leaves a fingerprint of its seller, its title and the IP right it infringed; a new listing
 * by the same seller with the same fingerprint is a `flag` hit naming the earlier case.
 *
 * The title's fingerprint is its normal form (NFKC, lower case) cut into words at every character
 * that is neither a letter nor a digit, de-duplicated and sorted: "ACME Sneakers - Red" and
 * "red acme sneakers!" are one listing relisted; a CJK title without separators is one word.
 * Empty when the title has no letter or digit (such a title leaves no fingerprint).
 */
export function titleFingerprint(title: string): string {
  const words = normaliseText(title)
    .text.split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return [...new Set(words)].sort().join(' ');
}

/** A fingerprint as kept, and the hit a relisting that matches it makes. */
export interface StayDownFingerprint {
  sellerId: string;
  fingerprint: string;
  ipRightId: string;
  caseId: string;
  listingId: string;
  takenDownAt: string;
}

export interface StayDownHit {
  kind: 'stay_down';
  /** The earlier case that took the same listing down. */
  caseId: string;
  ipRightId: string;
  /** The whole title is the match. */
  term: string;
  start: number;
  end: number;
  action: 'flag';
}

/** The hit a relisting makes against a fingerprint of its seller. */
export function stayDownHit(title: string, earlier: StayDownFingerprint): StayDownHit {
  return {
    kind: 'stay_down',
    caseId: earlier.caseId,
    ipRightId: earlier.ipRightId,
    term: earlier.fingerprint,
    start: 0,
    end: title.length,
    action: 'flag',
  };
}
