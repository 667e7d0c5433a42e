import { randomBytes } from 'node:crypto';
import { createTakedownClient, type TakedownClient } from '../../clients/typescript/index.ts';
import type { LocalCloud } from '../../local/cloud.ts';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/**
 * A small HTTP client for the local API, as a given demo user or minted identity: `request` sends
 * anything (malformed bodies, unknown paths), `typed` only what the OpenAPI document describes.
 */
export class ApiClient {
  /** The same caller through the typed client generated from the OpenAPI document. */
  readonly typed: TakedownClient;

  constructor(
    private readonly base: string,
    private readonly token?: string,
  ) {
    this.typed = createTakedownClient({ baseUrl: base, ...(token ? { token } : {}) });
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    const text = await res.text();
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { raw: text };
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  get = <T = Record<string, unknown>>(path: string) => this.request<T>('GET', path);
  post = <T = Record<string, unknown>>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => this.request<T>('POST', path, body ?? {}, headers);
}

/** Clients for the demo users of a local cloud, by name, and minted identities. */
export async function apiClients(cloud: LocalCloud) {
  const users = (await (await fetch(`${cloud.url}/_local/users`)).json()) as {
    name: string;
    token: string;
  }[];
  const as = (name: string) => new ApiClient(cloud.url, users.find((u) => u.name === name)!.token);
  const mint = async (identity: {
    sub: string;
    groups: string[];
    rightsHolderId?: string;
    sellerId?: string;
  }) => {
    const res = await fetch(`${cloud.url}/_local/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(identity),
    });
    return new ApiClient(cloud.url, ((await res.json()) as { token: string }).token);
  };
  /** A machine's access token (client-credentials grant), with the scope given. */
  const machine = async (scope = 'takedown/screening', sub = 'marketplace-client') => {
    const res = await fetch(`${cloud.url}/_local/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub, scope }),
    });
    return new ApiClient(cloud.url, ((await res.json()) as { token: string }).token);
  };
  return {
    anonymous: new ApiClient(cloud.url),
    machine,
    rightsHolder: as('acme-brand'),
    reviewer: as('reviewer'),
    admin: as('admin'),
    seller1: as('seller-1'),
    seller2: as('seller-2'),
    mint,
    /** A fresh seller with one live listing, and a client acting as that seller. */
    async newSellerListing(title = 'ACME-style widget') {
      const sellerId = `seller-${randomBytes(4).toString('hex')}`;
      const res = await fetch(`${cloud.url}/_local/marketplace/listings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sellerId, title }),
      });
      const { listingId } = (await res.json()) as { listingId: string };
      return {
        sellerId,
        listingId,
        client: await mint({ sub: `user-${sellerId}`, groups: ['seller'], sellerId }),
      };
    },
  };
}

/** A complete notice body for the demo rights holder. */
export function noticeBody(listingIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    ipRightId: 'ipr-acme-tm-us',
    infringementType: 'trademark',
    jurisdiction: 'US',
    listings: listingIds.map((listingId) => ({ listingId })),
    explanation:
      'The listing sells goods bearing the ACME mark that ACME never made; see the registration certificate.',
    evidenceIds: ['ev-acme-certificate'],
    statements: { goodFaith: true, accurate: true, authorizedUnderPenaltyOfPerjury: true },
    signature: { fullName: 'Road Runner', signedAt: new Date().toISOString() },
    ...overrides,
  };
}

export const idempotencyKey = () => `key-${randomBytes(8).toString('hex')}`;
