import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  HttpMarketplace,
  signMarketplaceRequest,
} from '../../functions/adapters/marketplace-http.ts';
import { MarketplaceUnavailableError } from '../../functions/domain/ports/marketplace.ts';
import { type LocalServer, readJson, sendJson, startLoopbackServer } from '../../local/http.ts';

interface Recorded {
  method: string | undefined;
  path: string;
  body: unknown;
}

/** What the fake marketplace answers next, and what it was asked. */
let reply: (req: IncomingMessage) => { status: number; body?: unknown; raw?: string };
let requests: Recorded[];
let headers: Record<string, string>[];
let server: LocalServer;

const listing = {
  listingId: 'lst-1',
  sellerId: 'seller-1',
  sellerEmail: 'seller-1@example.com',
  title: 'Handbag',
  url: 'https://shop.example/listings/lst-1',
  status: 'active',
  createdAt: '2026-01-05T10:00:00.000Z',
};

const seller = {
  sellerId: 'seller-2',
  email: 'seller-2@example.com',
  status: 'warned',
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
};

beforeAll(async () => {
  server = await startLoopbackServer(0, [
    async (req, res, url) => {
      headers.push(req.headers as Record<string, string>);
      requests.push({ method: req.method, path: url.pathname, body: await readJson(req) });
      const answer = reply(req);
      if (answer.raw !== undefined) {
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.raw);
      } else if (answer.body === undefined) res.writeHead(answer.status).end();
      else sendJson(res, answer.status, answer.body);
      return true;
    },
  ]);
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  requests = [];
  headers = [];
  reply = () => ({ status: 204 });
});

function marketplace(): HttpMarketplace {
  return new HttpMarketplace({ baseUrl: `${server.url}/api/`, timeoutMs: 2_000 });
}

describe('Class: HttpMarketplace', () => {
  describe('Request signing', () => {
    it('signs each request with an HMAC of timestamp, method, path and body when a secret is set', async () => {
      const secret = 'a-shared-secret-of-32-characters!';
      const signed = new HttpMarketplace({
        baseUrl: `${server.url}/api`,
        timeoutMs: 2_000,
        signingSecret: secret,
      });
      await signed.disableListing('lst-1', { caseId: 'case-1', reason: 'counterfeit' });
      const timestamp = Number(headers[0]!['x-takedown-timestamp']);
      expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
      const body = JSON.stringify({ caseId: 'case-1', reason: 'counterfeit' });
      expect(headers[0]!['x-takedown-signature']).toBe(
        signMarketplaceRequest(secret, timestamp, 'POST', '/listings/lst-1/disable', body),
      );
    });

    it('fetches the secret when it comes from a secret store (Secrets Manager in AWS)', async () => {
      const secret = 'a-secret-kept-in-secrets-manager!';
      let fetched = 0;
      const signed = new HttpMarketplace({
        baseUrl: `${server.url}/api`,
        timeoutMs: 2_000,
        signingSecret: async () => {
          fetched++;
          return secret;
        },
      });
      await signed.restoreListing('lst-1', { caseId: 'case-1' });
      const timestamp = Number(headers[0]!['x-takedown-timestamp']);
      expect(fetched).toBe(1);
      expect(headers[0]!['x-takedown-signature']).toBe(
        signMarketplaceRequest(
          secret,
          timestamp,
          'POST',
          '/listings/lst-1/restore',
          JSON.stringify({ caseId: 'case-1' }),
        ),
      );
    });

    it('sends no signature headers without a secret', async () => {
      await marketplace().restoreListing('lst-1', { caseId: 'case-1' });
      expect(headers[0]!['x-takedown-signature']).toBeUndefined();
    });
  });

  describe('Method: getListing', () => {
    it('parses the listing the marketplace returns', async () => {
      // Prepare
      reply = () => ({ status: 200, body: { ...listing, extra: 'ignored' } });

      // Act
      const result = await marketplace().getListing('lst-1');

      // Assess
      expect(result).toEqual(listing);
      expect(requests).toEqual([{ method: 'GET', path: '/api/listings/lst-1', body: {} }]);
    });

    it('percent-encodes the listing id in the path', async () => {
      reply = () => ({ status: 200, body: { ...listing, listingId: 'a/b c' } });

      await marketplace().getListing('a/b c');

      expect(requests[0]?.path).toBe('/api/listings/a%2Fb%20c');
    });

    it('returns null when the marketplace answers 404', async () => {
      reply = () => ({ status: 404, body: { title: 'Not Found' } });

      await expect(marketplace().getListing('lst-missing')).resolves.toBeNull();
    });

    it('throws a plain error when the listing has no creation time', async () => {
      const { createdAt: _missing, ...withoutCreatedAt } = listing;
      reply = () => ({ status: 200, body: withoutCreatedAt });

      await expect(marketplace().getListing('lst-1')).rejects.toThrow(/malformed listing/);
    });

    it('throws a plain error when the listing does not match the contract', async () => {
      reply = () => ({ status: 200, body: { ...listing, status: 'paused' } });

      const error = await marketplace()
        .getListing('lst-1')
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(MarketplaceUnavailableError);
      expect((error as Error).message).toMatch(/malformed listing/);
    });

    it('throws MarketplaceUnavailableError with the status on 503', async () => {
      reply = () => ({ status: 503, body: { title: 'down' } });

      const error = await marketplace()
        .getListing('lst-1')
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(MarketplaceUnavailableError);
      expect((error as MarketplaceUnavailableError).status).toBe(503);
      expect((error as Error).name).toBe('MarketplaceUnavailableError');
    });

    it('throws MarketplaceUnavailableError on 429', async () => {
      reply = () => ({ status: 429 });

      await expect(marketplace().getListing('lst-1')).rejects.toBeInstanceOf(
        MarketplaceUnavailableError,
      );
    });

    it('throws MarketplaceUnavailableError when nothing listens at the base URL', async () => {
      // Prepare: a port that was free a moment ago
      const closed = await startLoopbackServer(0, []);
      await closed.close();
      const unreachable = new HttpMarketplace({ baseUrl: closed.url, timeoutMs: 2_000 });

      // Act + Assess
      await expect(unreachable.getListing('lst-1')).rejects.toBeInstanceOf(
        MarketplaceUnavailableError,
      );
    });

    it('throws MarketplaceUnavailableError when the marketplace does not answer in time', async () => {
      // Prepare: a server that accepts the request and never answers
      const silent = await startLoopbackServer(0, [() => new Promise<boolean>(() => {})]);
      const slow = new HttpMarketplace({ baseUrl: silent.url, timeoutMs: 100 });

      // Act
      const error = await slow.getListing('lst-1').catch((e: unknown) => e);
      await silent.close();

      // Assess
      expect(error).toBeInstanceOf(MarketplaceUnavailableError);
    });
  });

  describe('Method: getSeller', () => {
    it('parses the seller with its language and time zone', async () => {
      // Prepare
      reply = () => ({ status: 200, body: { ...seller, extra: 'ignored' } });

      // Act
      const result = await marketplace().getSeller('seller-2');

      // Assess
      expect(result).toEqual(seller);
      expect(requests).toEqual([{ method: 'GET', path: '/api/sellers/seller-2', body: {} }]);
    });

    it('returns null when the marketplace does not know the seller', async () => {
      reply = () => ({ status: 404, body: { title: 'Not Found' } });

      await expect(marketplace().getSeller('nobody')).resolves.toBeNull();
    });

    it('throws a plain error for a time zone that does not exist', async () => {
      reply = () => ({ status: 200, body: { ...seller, timeZone: 'Mars/Olympus_Mons' } });

      await expect(marketplace().getSeller('seller-2')).rejects.toThrow(/malformed seller/);
    });
  });

  describe('Method: disableListing', () => {
    it('posts the case id and reason to the disable endpoint', async () => {
      await marketplace().disableListing('lst-1', { caseId: 'case-1', reason: 'counterfeit' });

      expect(requests).toEqual([
        {
          method: 'POST',
          path: '/api/listings/lst-1/disable',
          body: { caseId: 'case-1', reason: 'counterfeit' },
        },
      ]);
    });

    it('accepts 200 with a body as success', async () => {
      reply = () => ({ status: 200, body: { ok: true } });

      await expect(
        marketplace().disableListing('lst-1', { caseId: 'case-1', reason: 'r' }),
      ).resolves.toBeUndefined();
    });

    it('throws a plain error naming the status on 400', async () => {
      reply = () => ({ status: 400, body: { title: 'Bad Request', detail: 'reason missing' } });

      const error = await marketplace()
        .disableListing('lst-1', { caseId: 'case-1', reason: 'r' })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(MarketplaceUnavailableError);
      expect((error as Error).message).toContain('HTTP 400');
    });

    it('throws a plain error when the listing is unknown (404)', async () => {
      reply = () => ({ status: 404 });

      const error = await marketplace()
        .disableListing('lst-x', { caseId: 'case-1', reason: 'r' })
        .catch((e: unknown) => e);

      expect(error).not.toBeInstanceOf(MarketplaceUnavailableError);
      expect((error as Error).message).toContain('HTTP 404');
    });
  });

  describe('Method: restoreListing', () => {
    it('posts the case id to the restore endpoint', async () => {
      await marketplace().restoreListing('lst-1', { caseId: 'case-1' });

      expect(requests).toEqual([
        { method: 'POST', path: '/api/listings/lst-1/restore', body: { caseId: 'case-1' } },
      ]);
    });
  });

  describe('Method: applySellerMeasure', () => {
    it('posts the measure, reason and case id to the seller', async () => {
      await marketplace().applySellerMeasure('seller-1', 'warned', {
        reason: 'first strike',
        caseId: 'case-1',
      });

      expect(requests).toEqual([
        {
          method: 'POST',
          path: '/api/sellers/seller-1/measure',
          body: { measure: 'warned', reason: 'first strike', caseId: 'case-1' },
        },
      ]);
    });

    it('leaves out caseId when the measure has no case (e.g. strike expiry)', async () => {
      await marketplace().applySellerMeasure('seller-1', 'none', { reason: 'strikes expired' });

      expect(requests[0]?.body).toEqual({ measure: 'none', reason: 'strikes expired' });
    });
  });
});
