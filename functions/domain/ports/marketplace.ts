import type { Locale } from '../locale.ts';

/** The most URLs one resolveListingUrls call may carry. */
export const MAX_URLS_PER_RESOLVE = 100;

/** Where a listing stands on the marketplace. */
export type ListingStatus = 'active' | 'disabled' | 'deleted';

/** A marketplace listing, as the takedown service needs to see it. */
export interface Listing {
  listingId: string;
  sellerId: string;
  sellerEmail: string;
  title: string;
  url: string;
  status: ListingStatus;
  /** When the listing was posted (ISO instant): the DSA statement's `content_date`. */
  createdAt: string;
}

/** A seller account's status on the marketplace; a measure of 'none' shows as 'active'. */
export type SellerAccountStatus = 'active' | 'warned' | 'restricted' | 'suspended' | 'terminated';

/** A seller account, as the service needs to see it: how to write to it, and its status. */
export interface SellerAccount {
  sellerId: string;
  email: string;
  status: SellerAccountStatus;
  /** The language the seller reads. */
  locale: Locale;
  /** The seller's IANA time zone: deadlines are shown to it in this zone. */
  timeZone: string;
}

/**
 * A measure on a seller account, named as the marketplace names its account status
 * ('none' is shown by the marketplace as status 'active'). `suspended` and `terminated` take every
 * listing of the seller off the marketplace; lifting them puts back the listings that no case
 * took down.
 */
export type SellerMeasure = 'none' | 'warned' | 'restricted' | 'suspended' | 'terminated';

/** The measures under which none of the seller's listings is live. */
export const ACCOUNT_HIDES_LISTINGS: readonly SellerMeasure[] = ['suspended', 'terminated'];

/** What a suspension review weighs of the seller's catalogue (DSA Art 23(3)(b): the share). */
export interface SellerListingCounts {
  /** Listings the buyers can see now. */
  live: number;
  /** Every listing the seller has, live or not (deleted ones excluded). */
  total: number;
}

/**
 * A message for the seller's inbox on the marketplace (its seller centre): how own-initiative
 * cases deliver their statement of reasons at volume, instead of one email per case.
 */
export interface SellerInboxMessage {
  /** Idempotency: the marketplace keeps one message per id. */
  messageId: string;
  caseId: string;
  subject: string;
  text: string;
  locale: Locale;
  sentAt: string;
}

/**
 * The marketplace the service acts on. Every command is idempotent: the workflow retries,
 * so disabling a disabled listing or re-applying the current measure is a no-op.
 */
export interface Marketplace {
  /** The listing, or null when the marketplace does not know it. */
  getListing(listingId: string): Promise<Listing | null>;
  /**
   * The listing ids behind listing page URLs, at most {@link MAX_URLS_PER_RESOLVE} at once: each
   * URL maps to its listing's id, or to null when the marketplace knows no listing at it.
   */
  resolveListingUrls(urls: readonly string[]): Promise<Map<string, string | null>>;
  /** The seller account, or null when the marketplace does not know it. */
  getSeller(sellerId: string): Promise<SellerAccount | null>;
  /** Takes the listing down for a case. */
  disableListing(listingId: string, ref: { caseId: string; reason: string }): Promise<void>;
  /** Puts a listing back up, e.g. after a counter-notice or a withdrawal. */
  restoreListing(listingId: string, ref: { caseId: string }): Promise<void>;
  /** Puts a message in the seller's inbox on the marketplace (once per `messageId`). */
  deliverToSellerInbox(sellerId: string, message: SellerInboxMessage): Promise<void>;
  /** How many listings the seller has, and how many are live. */
  countSellerListings(sellerId: string): Promise<SellerListingCounts>;
  /**
   * Sets the seller's account measure; 'none' reinstates the seller. `suspended` and `terminated`
   * take the seller's listings off the marketplace; a lighter measure puts them back (except those
   * a case disabled).
   */
  applySellerMeasure(
    sellerId: string,
    measure: SellerMeasure,
    ref: { reason: string; caseId?: string },
  ): Promise<void>;
}

/**
 * The marketplace could not be reached or answered "try later" (5xx, 429, timeout).
 * The failure is transient: callers retry with backoff. The name is stable, so a state
 * machine's Retry can match it in `ErrorEquals`.
 */
export class MarketplaceUnavailableError extends Error {
  override readonly name = 'MarketplaceUnavailableError';
  /** The HTTP status, when the marketplace answered at all. */
  readonly status: number | undefined;

  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }
}
