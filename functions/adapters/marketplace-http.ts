/**
 * The marketplace adapter: JSON over HTTP to the operator's marketplace API.
 *
 * The contract an operator's marketplace implements, under a base URL (`MARKETPLACE_API_URL`):
 *
 * | Request | Body | Answer |
 * |---|---|---|
 * | `GET {base}/listings/{listingId}` | | 200 `{listingId, sellerId, sellerEmail, title, url, status, createdAt}` (status `active`, `disabled` or `deleted`; `createdAt` the ISO 8601 instant the listing was posted), or 404 |
 * | `POST {base}/listings/resolve` | `{urls: [...]}` (1 to 100 listing page URLs) | 200 `{listings: [{url, listingId}]}`: each URL given, with the id of the listing at it, or `listingId: null` when there is none |
 * | `GET {base}/sellers/{sellerId}` | | 200 `{sellerId, email, status, locale, timeZone}` (status `active`, `warned`, `restricted`, `suspended` or `terminated`; `locale` `en` or `zh-CN`, the language the seller reads; `timeZone` an IANA zone such as `Asia/Shanghai`), or 404 |
 * | `POST {base}/listings/{listingId}/disable` | `{caseId, reason}` | 200 or 204 |
 * | `POST {base}/listings/{listingId}/restore` | `{caseId}` | 200 or 204 |
 * | `GET {base}/sellers/{sellerId}/listing-counts` | | 200 `{live, total}`: the seller's listings the buyers can see now, and all its listings not deleted (a suspension review weighs the share, DSA Art 23(3)), or 404 |
 * | `POST {base}/sellers/{sellerId}/inbox` | `{messageId, caseId, subject, text, locale, sentAt}`: a message for the seller's inbox in its seller centre (the statement of reasons of an own-initiative case); one per `messageId` | 200 or 204 |
 * | `POST {base}/sellers/{sellerId}/measure` | `{measure, reason, caseId?}` (measure `none`, `warned`, `restricted`, `suspended` or `terminated`; `none` reinstates). `suspended` and `terminated` take every listing of the seller off the marketplace; a lighter measure puts back those no case disabled | 200 or 204 |
 *
 * Path segments are percent-encoded. Every POST must be idempotent: the service retries.
 *
 * A base URL of the form `lambda:<function ARN>` reaches a marketplace deployed as a Lambda function
 * (the demo marketplace, `functions/demo-marketplace/handler.ts`) by direct, IAM-authorized
 * invocation with `{method, path, body}`; it answers `{status, body}` with the same contract.
 *
 * Requests are signed when a secret is configured (`MARKETPLACE_API_SECRET`): the marketplace
 * checks `x-takedown-signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<METHOD>.<path>.<body>")>`
 * with `x-takedown-timestamp` (Unix seconds), and refuses stale or unsigned requests.
 * 5xx, 429, timeouts and network errors are transient ({@link MarketplaceUnavailableError});
 * any other 4xx is a permanent failure.
 */
import { createHmac } from 'node:crypto';
import * as z from 'zod';
import { isTimeZone, LOCALES } from '../domain/locale.ts';
import {
  type Listing,
  MAX_URLS_PER_RESOLVE,
  type Marketplace,
  MarketplaceUnavailableError,
  type SellerAccount,
  type SellerInboxMessage,
  type SellerListingCounts,
  type SellerMeasure,
} from '../domain/ports/marketplace.ts';
import { loadEnv } from './env.ts';
import { BUSINESS_METRICS, recordMetric } from './metrics.ts';

// Optional at load so modules that never touch the marketplace still load; a malformed URL
// still fails at cold start, and a missing one fails on first use of the default instance.
const env = loadEnv({
  MARKETPLACE_API_URL: z.url().optional(),
  MARKETPLACE_API_SECRET: z.string().min(16).optional(),
  /** In AWS: the Secrets Manager secret holding the signing secret (cached 5 min). */
  MARKETPLACE_SECRET_ARN: z.string().startsWith('arn:').optional(),
});

/** The request signature: HMAC-SHA256 over timestamp, method, path and body. */
export function signMarketplaceRequest(
  secret: string,
  timestamp: number,
  method: string,
  path: string,
  body: string,
): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${method}.${path}.${body}`).digest('hex')}`;
}

const resolvedUrlsSchema = z.object({
  listings: z.array(z.object({ url: z.string(), listingId: z.string().min(1).nullable() })),
});

const listingSchema = z.object({
  listingId: z.string().min(1),
  sellerId: z.string().min(1),
  sellerEmail: z.string().min(1),
  title: z.string(),
  url: z.string().min(1),
  status: z.enum(['active', 'disabled', 'deleted']),
  createdAt: z.iso.datetime({ offset: true }),
});

const listingCountsSchema = z.object({
  live: z.int().min(0),
  total: z.int().min(0),
});

const sellerSchema = z.object({
  sellerId: z.string().min(1),
  email: z.string().min(1),
  status: z.enum(['active', 'warned', 'restricted', 'suspended', 'terminated']),
  locale: z.enum(LOCALES),
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone'),
});

/** @default 10 000 ms */
const DEFAULT_TIMEOUT_MS = 10_000;

export interface HttpMarketplaceOptions {
  /** The marketplace API's base URL, without a trailing slash (one is tolerated). */
  baseUrl: string;
  /** Per-request timeout. @default 10000 */
  timeoutMs?: number;
  /** Signs every request when set (see the contract above): the secret, or how to fetch it. */
  signingSecret?: string | (() => Promise<string>);
}

/** {@link Marketplace} over the HTTP contract documented at the top of this file. */
export class HttpMarketplace implements Marketplace {
  readonly #baseUrl: string;
  readonly #timeoutMs: number;
  readonly #signingSecret: string | (() => Promise<string>) | undefined;

  constructor(options: HttpMarketplaceOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#signingSecret = options.signingSecret;
  }

  getListing(listingId: string): Promise<Listing | null> {
    return this.#getOne(`/listings/${encodeURIComponent(listingId)}`, listingSchema, 'listing');
  }

  async resolveListingUrls(urls: readonly string[]): Promise<Map<string, string | null>> {
    const resolved = new Map<string, string | null>();
    for (let i = 0; i < urls.length; i += MAX_URLS_PER_RESOLVE) {
      const chunk = urls.slice(i, i + MAX_URLS_PER_RESOLVE);
      const response = await this.#request('POST', '/listings/resolve', { urls: chunk });
      await this.#assertOk(response, 'resolve listing URLs');
      const parsed = resolvedUrlsSchema.safeParse(await this.#json(response));
      if (!parsed.success) {
        throw new Error('Marketplace returned malformed resolved URLs', { cause: parsed.error });
      }
      const answered = new Map(parsed.data.listings.map((l) => [l.url, l.listingId]));
      for (const url of chunk) resolved.set(url, answered.get(url) ?? null);
    }
    return resolved;
  }

  getSeller(sellerId: string): Promise<SellerAccount | null> {
    return this.#getOne(`/sellers/${encodeURIComponent(sellerId)}`, sellerSchema, 'seller');
  }

  async countSellerListings(sellerId: string): Promise<SellerListingCounts> {
    const counts = await this.#getOne(
      `/sellers/${encodeURIComponent(sellerId)}/listing-counts`,
      listingCountsSchema,
      'listing counts',
    );
    return counts ?? { live: 0, total: 0 };
  }

  /** GETs one resource of the contract: null on 404, a parse error on a malformed answer. */
  async #getOne<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T | null> {
    const response = await this.#request('GET', path);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    await this.#assertOk(response, `GET ${what}`);
    const parsed = schema.safeParse(await this.#json(response));
    if (!parsed.success) {
      throw new Error(`Marketplace returned a malformed ${what} at ${path}`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  async disableListing(listingId: string, ref: { caseId: string; reason: string }): Promise<void> {
    const response = await this.#request(
      'POST',
      `/listings/${encodeURIComponent(listingId)}/disable`,
      { caseId: ref.caseId, reason: ref.reason },
    );
    await this.#expectSuccess(response, 'disable listing');
  }

  async restoreListing(listingId: string, ref: { caseId: string }): Promise<void> {
    const response = await this.#request(
      'POST',
      `/listings/${encodeURIComponent(listingId)}/restore`,
      { caseId: ref.caseId },
    );
    await this.#expectSuccess(response, 'restore listing');
  }

  async deliverToSellerInbox(sellerId: string, message: SellerInboxMessage): Promise<void> {
    const response = await this.#request(
      'POST',
      `/sellers/${encodeURIComponent(sellerId)}/inbox`,
      message,
    );
    await this.#expectSuccess(response, 'deliver to seller inbox');
  }

  async applySellerMeasure(
    sellerId: string,
    measure: SellerMeasure,
    ref: { reason: string; caseId?: string },
  ): Promise<void> {
    const response = await this.#request(
      'POST',
      `/sellers/${encodeURIComponent(sellerId)}/measure`,
      {
        measure,
        reason: ref.reason,
        ...(ref.caseId === undefined ? {} : { caseId: ref.caseId }),
      },
    );
    await this.#expectSuccess(response, 'apply seller measure');
  }

  async #request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    const secret =
      typeof this.#signingSecret === 'function' ? await this.#signingSecret() : this.#signingSecret;
    const signature: Record<string, string> = secret
      ? {
          'x-takedown-timestamp': String(timestamp),
          'x-takedown-signature': signMarketplaceRequest(secret, timestamp, method, path, text),
        }
      : {};
    if (this.#baseUrl.startsWith('lambda:')) return this.#invoke(method, path, body);
    try {
      return await fetch(`${this.#baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...signature,
        },
        body: body === undefined ? undefined : text,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      // Network failures and timeouts say nothing about the request itself: try again later.
      recordMetric(BUSINESS_METRICS.marketplaceErrors, { Operation: method, Kind: 'unreachable' });
      throw new MarketplaceUnavailableError(`Marketplace unreachable: ${method} ${path}`, {
        cause: error,
      });
    }
  }

  /** The Lambda transport: invokes the function and turns its answer into a Response. */
  async #invoke(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    const { invokeMarketplaceFunction } = await import('./marketplace-lambda.ts');
    let answer: { status: number; body?: unknown };
    try {
      answer = await invokeMarketplaceFunction(this.#baseUrl.slice('lambda:'.length), {
        method,
        path,
        ...(body === undefined ? {} : { body }),
      });
    } catch (error) {
      recordMetric(BUSINESS_METRICS.marketplaceErrors, { Operation: method, Kind: 'unreachable' });
      throw new MarketplaceUnavailableError(`Marketplace function unreachable: ${method} ${path}`, {
        cause: error,
      });
    }
    const text =
      answer.body === undefined || answer.status === 204 ? null : JSON.stringify(answer.body);
    return new Response(text, {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }

  /** Throws unless the answer is 2xx; leaves a 2xx body unread for the caller. */
  async #assertOk(response: Response, what: string): Promise<void> {
    if (response.ok) return;
    const detail = await response.text().catch(() => '');
    const summary = `Marketplace ${what} failed with HTTP ${response.status}`;
    const unavailable = response.status >= 500 || response.status === 429;
    recordMetric(BUSINESS_METRICS.marketplaceErrors, {
      Operation: what,
      Kind: unavailable ? 'unavailable' : 'refused',
    });
    if (unavailable) {
      throw new MarketplaceUnavailableError(summary, { status: response.status });
    }
    throw new Error(detail ? `${summary}: ${detail.slice(0, 500)}` : summary);
  }

  /** For commands: a 2xx answer is all we need, and the body is released. */
  async #expectSuccess(response: Response, what: string): Promise<void> {
    await this.#assertOk(response, what);
    await response.body?.cancel();
  }

  async #json(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch (error) {
      if (error instanceof SyntaxError) {
        throw new Error('Marketplace returned a body that is not JSON', { cause: error });
      }
      // The body stream broke or timed out: as transient as a failed connection.
      throw new MarketplaceUnavailableError('Marketplace response was cut off', { cause: error });
    }
  }
}

let defaultInstance: HttpMarketplace | undefined;

/**
 * The marketplace configured by `MARKETPLACE_API_URL`, built on first use so that tests can
 * construct their own {@link HttpMarketplace} without the variable.
 */
export function defaultMarketplace(): HttpMarketplace {
  if (defaultInstance) return defaultInstance;
  if (!env.MARKETPLACE_API_URL) {
    throw new Error(
      'Invalid configuration: MARKETPLACE_API_URL: required to reach the marketplace',
    );
  }
  defaultInstance = new HttpMarketplace({
    baseUrl: env.MARKETPLACE_API_URL,
    ...(env.MARKETPLACE_API_SECRET ? { signingSecret: env.MARKETPLACE_API_SECRET } : {}),
    ...(env.MARKETPLACE_SECRET_ARN && !env.MARKETPLACE_API_SECRET
      ? { signingSecret: secretFromSecretsManager(env.MARKETPLACE_SECRET_ARN) }
      : {}),
  });
  return defaultInstance;
}

/** Reads the signing secret from Secrets Manager (cached 5 minutes). */
function secretFromSecretsManager(arn: string): () => Promise<string> {
  return async () => {
    const { getSecretString } = await import('./secrets-client.ts');
    const value = await getSecretString(arn, { maxAgeSeconds: 300 });
    if (typeof value !== 'string' || value.length < 16)
      throw new Error('the marketplace signing secret is missing or too short');
    return value;
  };
}
