import { randomBytes } from 'node:crypto';
import { DEFAULT_AUDIENCE, type Locale } from '../../functions/domain/locale.ts';
import {
  ACCOUNT_HIDES_LISTINGS,
  type Listing,
  type SellerAccount,
  type SellerInboxMessage,
  type SellerListingCounts,
  type SellerMeasure,
} from '../../functions/domain/ports/marketplace.ts';
import type { RouteHandler } from '../http.ts';
import { marketplaceApiRoutes } from './api-routes.ts';
import { FaultInjector, type FaultSettings } from './faults.ts';
import { marketplaceLocalRoutes } from './local-routes.ts';
import {
  emptyState,
  type MarketplaceAction,
  type MarketplaceSeed,
  readState,
  type SellerStatus,
  type SellerView,
  type State,
  writeState,
} from './state.ts';

export type { MarketplaceAction, MarketplaceSeed, SellerStatus, SellerView };

/** The marketplace refused a command: the HTTP layer maps it to its status. */
export class MarketplaceCommandError extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'MarketplaceCommandError';
  }
}

export interface DemoMarketplaceOptions {
  /** Where `marketplace.json` lives; without it the state is in memory only. */
  dataDir?: string;
  /** The clock for action timestamps. @default Date.now */
  now?: () => number;
  /** The random source for `failureRate`. @default Math.random */
  random?: () => number;
}

const MEASURE_STATUS: Record<SellerMeasure, SellerStatus> = {
  none: 'active',
  warned: 'warned',
  restricted: 'restricted',
  suspended: 'suspended',
  terminated: 'terminated',
};

/** Seller statuses under which none of its listings is live. */
const HIDING_STATUSES: readonly SellerStatus[] = ACCOUNT_HIDES_LISTINGS.map(
  (measure) => MEASURE_STATUS[measure],
);

const MEASURE_ACTION: Record<SellerMeasure, MarketplaceAction['action']> = {
  none: 'reinstate',
  warned: 'warn',
  restricted: 'restrict',
  suspended: 'suspend',
  terminated: 'terminate',
};

/**
 * The local cloud's stand-in for an operator's marketplace. It really disables and restores
 * listings and changes seller status, keeps an action log, and can be told to fail.
 * Create it with {@link openDemoMarketplace}.
 */
export class DemoMarketplace {
  readonly faults: FaultInjector;
  #state: State;
  readonly #dataDir: string | undefined;
  readonly #now: () => number;
  #writes: Promise<void> = Promise.resolve();

  constructor(state: State, options: DemoMarketplaceOptions) {
    this.#state = state;
    this.#dataDir = options.dataDir;
    this.#now = options.now ?? Date.now;
    this.faults = new FaultInjector(options.random);
  }

  /** Adds sellers and listings that do not exist yet; seeding twice changes nothing. */
  async seed(data: MarketplaceSeed): Promise<void> {
    for (const seller of data.sellers ?? []) this.#ensureSeller(seller);
    for (const listing of data.listings ?? []) {
      if (this.#state.listings[listing.listingId]) continue;
      this.#ensureSeller({ sellerId: listing.sellerId, email: listing.sellerEmail });
      this.#state.listings[listing.listingId] = {
        listingId: listing.listingId,
        sellerId: listing.sellerId,
        title: listing.title,
        url: listingUrl(listing.listingId),
        status: listing.status ?? 'active',
        createdAt: this.#nowIso(),
      };
    }
    await this.#persist();
  }

  /** Adds a live listing, creating its seller if new (with the language and zone given). */
  async addListing(input: {
    sellerId: string;
    title: string;
    sellerEmail?: string;
    sellerLocale?: Locale;
    sellerTimeZone?: string;
  }): Promise<Listing> {
    this.#ensureSeller({
      sellerId: input.sellerId,
      email: input.sellerEmail,
      locale: input.sellerLocale,
      timeZone: input.sellerTimeZone,
    });
    let listingId: string;
    do listingId = `lst-${randomBytes(4).toString('hex')}`;
    while (this.#state.listings[listingId]);
    this.#state.listings[listingId] = {
      listingId,
      sellerId: input.sellerId,
      title: input.title,
      url: listingUrl(listingId),
      status: 'active',
      createdAt: this.#nowIso(),
    };
    await this.#persist();
    return this.getListing(listingId)!;
  }

  /**
   * The listing as buyers see it: a live listing of a suspended or terminated seller shows as
   * `disabled` (the account measure hides it; lifting the measure shows it again, unless a case
   * disabled it meanwhile).
   */
  getListing(listingId: string): Listing | null {
    const listing = this.#state.listings[listingId];
    if (!listing) return null;
    const seller = this.#state.sellers[listing.sellerId];
    const hidden = seller !== undefined && HIDING_STATUSES.includes(seller.status);
    return {
      ...listing,
      status: hidden && listing.status === 'active' ? 'disabled' : listing.status,
      sellerEmail: seller?.email ?? defaultSellerEmail(listing.sellerId),
    };
  }

  /** The seller's listings not deleted, and those buyers can see now. */
  /**
   * The listing ids at listing page URLs: the demo marketplace knows its own URLs
   * (`https://demo-marketplace.invalid/listings/<id>`), with or without a query or fragment, and
   * no other.
   */
  resolveListingUrls(urls: readonly string[]): Map<string, string | null> {
    return new Map(
      urls.map((url) => {
        const listingId = listingIdOfUrl(url);
        return [url, listingId && this.#state.listings[listingId] ? listingId : null];
      }),
    );
  }

  countSellerListings(sellerId: string): SellerListingCounts {
    const listings = this.listListings(sellerId).filter((listing) => listing.status !== 'deleted');
    return {
      live: listings.filter((listing) => listing.status === 'active').length,
      total: listings.length,
    };
  }

  /** Every listing, or the seller's, in insertion order. */
  listListings(sellerId?: string): Listing[] {
    return Object.keys(this.#state.listings)
      .map((id) => this.getListing(id)!)
      .filter((listing) => sellerId === undefined || listing.sellerId === sellerId);
  }

  /** The seller as the port contract shows it (`GET /sellers/{id}`). */
  getSellerAccount(sellerId: string): SellerAccount | null {
    const seller = this.#state.sellers[sellerId];
    if (!seller) return null;
    const { email, status, locale, timeZone } = seller;
    return { sellerId, email, status, locale, timeZone };
  }

  getSeller(sellerId: string): SellerView | null {
    const seller = this.#state.sellers[sellerId];
    if (!seller) return null;
    return {
      ...seller,
      actions: this.#state.actions.filter((action) => action.sellerId === sellerId),
    };
  }

  /** Puts a message in the seller's inbox, once per `messageId`. */
  async deliverToSellerInbox(sellerId: string, message: SellerInboxMessage): Promise<void> {
    if (!this.#state.sellers[sellerId])
      throw new MarketplaceCommandError(404, `No seller ${sellerId}`);
    const inbox = this.#state.inboxes[sellerId] ?? [];
    this.#state.inboxes[sellerId] = inbox;
    if (inbox.some((m) => m.messageId === message.messageId)) return;
    inbox.push(message);
    await this.#persist();
  }

  /** The seller's inbox, newest first. */
  sellerInbox(sellerId: string): SellerInboxMessage[] {
    return [...(this.#state.inboxes[sellerId] ?? [])].reverse();
  }

  /** Takes a listing down. A listing already down (disabled or deleted) stays as it is. */
  async disableListing(listingId: string, ref: { caseId: string; reason: string }): Promise<void> {
    // The listing's own status: one hidden by an account measure is still taken down for the case.
    const listing = this.#requireListing(listingId);
    if (listing.status !== 'active') return;
    listing.status = 'disabled';
    this.#record({ action: 'disable', sellerId: listing.sellerId, listingId, ...ref });
    await this.#persist();
  }

  /** Puts a disabled listing back up. A deleted listing cannot come back: 409. */
  async restoreListing(listingId: string, ref: { caseId: string }): Promise<void> {
    const listing = this.#requireListing(listingId);
    if (listing.status === 'deleted') {
      throw new MarketplaceCommandError(409, `Listing ${listingId} was deleted by its seller`);
    }
    if (listing.status === 'active') return;
    listing.status = 'active';
    this.#record({ action: 'restore', sellerId: listing.sellerId, listingId, caseId: ref.caseId });
    await this.#persist();
  }

  /** Sets the seller's status from a measure; re-applying the current one changes nothing. */
  async applySellerMeasure(
    sellerId: string,
    measure: SellerMeasure,
    ref: { reason: string; caseId?: string },
  ): Promise<void> {
    const seller = this.#state.sellers[sellerId];
    if (!seller) throw new MarketplaceCommandError(404, `No seller ${sellerId}`);
    const status = MEASURE_STATUS[measure];
    if (seller.status === status) return;
    seller.status = status;
    this.#record({ action: MEASURE_ACTION[measure], sellerId, ...ref });
    await this.#persist();
  }

  /** Sets the fault settings given and keeps the others. */
  setFaults(update: Partial<FaultSettings>): FaultSettings {
    return this.faults.set(update);
  }

  /** The port API of functions/adapters/marketplace-http.ts, under `basePath`. */
  apiRoutes(basePath: string): RouteHandler {
    return marketplaceApiRoutes(this, basePath);
  }

  /** The token-free `/_local/marketplace/*` views. */
  localRoutes(): RouteHandler {
    return marketplaceLocalRoutes(this);
  }

  /** Resolves once every change so far is on disk. */
  async flush(): Promise<void> {
    await this.#writes;
  }

  #ensureSeller(seller: NonNullable<MarketplaceSeed['sellers']>[number]): void {
    if (this.#state.sellers[seller.sellerId]) return;
    this.#state.sellers[seller.sellerId] = {
      sellerId: seller.sellerId,
      email: seller.email ?? defaultSellerEmail(seller.sellerId),
      status: seller.status ?? 'active',
      locale: seller.locale ?? DEFAULT_AUDIENCE.locale,
      timeZone: seller.timeZone ?? DEFAULT_AUDIENCE.timeZone,
    };
  }

  #nowIso(): string {
    return new Date(this.#now()).toISOString();
  }

  #requireListing(listingId: string): State['listings'][string] {
    const listing = this.#state.listings[listingId];
    if (!listing) throw new MarketplaceCommandError(404, `No listing ${listingId}`);
    return listing;
  }

  #record(action: Omit<MarketplaceAction, 'at'>): void {
    this.#state.actions.push({ at: new Date(this.#now()).toISOString(), ...action });
  }

  /** Writes the whole state atomically, one write at a time so renames never race. */
  #persist(): Promise<void> {
    const dataDir = this.#dataDir;
    if (!dataDir) return Promise.resolve();
    const next = this.#writes.catch(() => undefined).then(() => writeState(dataDir, this.#state));
    this.#writes = next;
    return next;
  }
}

/**
 * Opens the demo marketplace, loading `${dataDir}/marketplace.json` when it exists.
 * Without `dataDir` the marketplace lives in memory.
 */
export async function openDemoMarketplace(
  options: DemoMarketplaceOptions = {},
): Promise<DemoMarketplace> {
  const state = options.dataDir ? await readState(options.dataDir) : emptyState();
  return new DemoMarketplace(state, options);
}

/** The listing id a URL of the demo marketplace names, if it is one of its listing pages. */
export function listingIdOfUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== DEMO_HOST) return undefined;
  const match = /^\/listings\/([^/]+)\/?$/.exec(parsed.pathname);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

const DEMO_HOST = 'demo-marketplace.invalid';

function listingUrl(listingId: string): string {
  return `https://demo-marketplace.invalid/listings/${encodeURIComponent(listingId)}`;
}

function defaultSellerEmail(sellerId: string): string {
  return `${sellerId}@sellers.demo.invalid`;
}
