import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpMarketplace } from '../../functions/adapters/marketplace-http.ts';
import { MarketplaceUnavailableError } from '../../functions/domain/ports/marketplace.ts';
import { type LocalServer, startLoopbackServer } from '../../local/http.ts';
import { type DemoMarketplace, openDemoMarketplace } from '../../local/marketplace/index.ts';

const API_BASE = '/_local/marketplace/api';
const T0 = Date.parse('2030-01-01T00:00:00.000Z');

let dataDir: string;
let demo: DemoMarketplace;
let server: LocalServer;
let marketplace: HttpMarketplace;

async function serve(instance: DemoMarketplace): Promise<void> {
  server = await startLoopbackServer(0, [instance.apiRoutes(API_BASE), instance.localRoutes()]);
  marketplace = new HttpMarketplace({ baseUrl: `${server.url}${API_BASE}`, timeoutMs: 5_000 });
}

async function localPost(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'local-marketplace-'));
  demo = await openDemoMarketplace({ dataDir, now: () => T0 });
  await demo.seed({
    sellers: [
      { sellerId: 'seller-1', email: 'shop@example.com' },
      {
        sellerId: 'seller-cn',
        email: 'dian@example.cn',
        locale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
      },
    ],
    listings: [{ listingId: 'lst-00000001', sellerId: 'seller-1', title: 'Fake handbag' }],
  });
  await serve(demo);
});

afterEach(async () => {
  await server.close();
  await demo.flush();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Local cloud: demo marketplace behind HttpMarketplace', () => {
  describe('listings', () => {
    it('returns a seeded listing with its seller email, demo url and creation time', async () => {
      const listing = await marketplace.getListing('lst-00000001');

      expect(listing).toEqual({
        listingId: 'lst-00000001',
        sellerId: 'seller-1',
        sellerEmail: 'shop@example.com',
        title: 'Fake handbag',
        url: 'https://demo-marketplace.invalid/listings/lst-00000001',
        status: 'active',
        createdAt: '2030-01-01T00:00:00.000Z',
      });
    });

    it('gives a seller its language and time zone (seeded, or en in UTC by default)', async () => {
      const chinese = await marketplace.getSeller('seller-cn');
      const added = await localPost('/_local/marketplace/listings', {
        sellerId: 'seller-9',
        title: 'Widget',
      });

      expect(chinese).toEqual({
        sellerId: 'seller-cn',
        email: 'dian@example.cn',
        status: 'active',
        locale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
      });
      expect(added.status).toBe(201);
      expect(await marketplace.getSeller('seller-9')).toMatchObject({
        locale: 'en',
        timeZone: 'UTC',
      });
      await expect(marketplace.getSeller('nobody')).resolves.toBeNull();
    });

    it('returns null for a listing the marketplace does not know', async () => {
      await expect(marketplace.getListing('lst-nope')).resolves.toBeNull();
    });

    it('really disables a listing and records who asked and why', async () => {
      await marketplace.disableListing('lst-00000001', { caseId: 'case-1', reason: 'counterfeit' });

      expect((await marketplace.getListing('lst-00000001'))?.status).toBe('disabled');
      expect(demo.getSeller('seller-1')?.actions).toEqual([
        {
          at: '2030-01-01T00:00:00.000Z',
          action: 'disable',
          sellerId: 'seller-1',
          listingId: 'lst-00000001',
          caseId: 'case-1',
          reason: 'counterfeit',
        },
      ]);
    });

    it('treats a second disable as a no-op with one logged action', async () => {
      await marketplace.disableListing('lst-00000001', { caseId: 'case-1', reason: 'counterfeit' });
      await marketplace.disableListing('lst-00000001', { caseId: 'case-1', reason: 'counterfeit' });

      expect(demo.getSeller('seller-1')?.actions).toHaveLength(1);
    });

    it('restores a disabled listing to active', async () => {
      await marketplace.disableListing('lst-00000001', { caseId: 'case-1', reason: 'counterfeit' });

      await marketplace.restoreListing('lst-00000001', { caseId: 'case-1' });

      expect((await marketplace.getListing('lst-00000001'))?.status).toBe('active');
      expect(demo.getSeller('seller-1')?.actions.map((a) => a.action)).toEqual([
        'disable',
        'restore',
      ]);
    });

    it('refuses to disable an unknown listing with a permanent error', async () => {
      const error = await marketplace
        .disableListing('lst-nope', { caseId: 'case-1', reason: 'r' })
        .catch((e: unknown) => e);

      expect(error).not.toBeInstanceOf(MarketplaceUnavailableError);
      expect((error as Error).message).toContain('HTTP 404');
    });

    it('refuses to restore a listing its seller deleted (409)', async () => {
      await demo.seed({
        listings: [{ listingId: 'lst-gone', sellerId: 'seller-1', title: 'x', status: 'deleted' }],
      });

      await expect(marketplace.restoreListing('lst-gone', { caseId: 'case-1' })).rejects.toThrow(
        /HTTP 409/,
      );
    });
  });

  describe('seller measures', () => {
    it('walks a seller up the ladder and reinstates it', async () => {
      const statuses: (string | undefined)[] = [];
      for (const measure of ['warned', 'restricted', 'suspended', 'none'] as const) {
        await marketplace.applySellerMeasure('seller-1', measure, {
          reason: 'ladder',
          caseId: 'case-1',
        });
        statuses.push(demo.getSeller('seller-1')?.status);
      }

      expect(statuses).toEqual(['warned', 'restricted', 'suspended', 'active']);
      expect(demo.getSeller('seller-1')?.actions.map((a) => a.action)).toEqual([
        'warn',
        'restrict',
        'suspend',
        'reinstate',
      ]);
    });

    it('logs a measure without a case (e.g. strike expiry) without a caseId', async () => {
      await marketplace.applySellerMeasure('seller-1', 'warned', { reason: 'strikes expired' });

      expect(demo.getSeller('seller-1')?.actions[0]).toEqual({
        at: '2030-01-01T00:00:00.000Z',
        action: 'warn',
        sellerId: 'seller-1',
        reason: 'strikes expired',
      });
    });

    it('answers 404 for an unknown seller', async () => {
      await expect(
        marketplace.applySellerMeasure('nobody', 'warned', { reason: 'x' }),
      ).rejects.toThrow(/HTTP 404/);
    });
  });

  describe('faults', () => {
    it('fails exactly the next two calls with failNext: 2, then succeeds', async () => {
      const set = await localPost('/_local/marketplace/faults', { failNext: 2 });
      expect(await set.json()).toEqual({ failureRate: 0, failNext: 2 });

      const outcomes: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        outcomes.push(await marketplace.getListing('lst-00000001').catch((e: unknown) => e));
      }

      expect(outcomes[0]).toBeInstanceOf(MarketplaceUnavailableError);
      expect(outcomes[1]).toBeInstanceOf(MarketplaceUnavailableError);
      expect(outcomes[2]).toMatchObject({ listingId: 'lst-00000001' });
    });

    it('fails a disable without changing the listing', async () => {
      demo.setFaults({ failNext: 1 });

      await expect(
        marketplace.disableListing('lst-00000001', { caseId: 'case-1', reason: 'r' }),
      ).rejects.toBeInstanceOf(MarketplaceUnavailableError);
      expect(demo.getListing('lst-00000001')?.status).toBe('active');
    });

    it('fails every call at failureRate 1 and none at 0', async () => {
      demo.setFaults({ failureRate: 1 });
      const failing = await Promise.allSettled(
        Array.from({ length: 5 }, () => marketplace.getListing('lst-00000001')),
      );
      demo.setFaults({ failureRate: 0 });
      const passing = await Promise.allSettled(
        Array.from({ length: 5 }, () => marketplace.getListing('lst-00000001')),
      );

      expect(
        failing.every(
          (r) => r.status === 'rejected' && r.reason instanceof MarketplaceUnavailableError,
        ),
      ).toBe(true);
      expect(passing.every((r) => r.status === 'fulfilled')).toBe(true);
    });

    it('never fails the /_local views', async () => {
      demo.setFaults({ failureRate: 1 });

      const response = await fetch(`${server.url}/_local/marketplace/listings/lst-00000001`);

      expect(response.status).toBe(200);
    });

    it('rejects a failure rate above 1 with field errors', async () => {
      const response = await localPost('/_local/marketplace/faults', { failureRate: 1.5 });

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await response.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path)).toEqual(['failureRate']);
    });
  });

  describe('local views', () => {
    it('adds a listing for a new seller and lists it by seller', async () => {
      const created = await localPost('/_local/marketplace/listings', {
        sellerId: 'seller-2',
        title: 'Sneakers',
      });
      const listing = (await created.json()) as { listingId: string; sellerEmail: string };

      const listed = await fetch(`${server.url}/_local/marketplace/listings?sellerId=seller-2`);

      expect(created.status).toBe(201);
      expect(listing.listingId).toMatch(/^lst-[0-9a-f]{8}$/);
      expect(listing.sellerEmail).toBe('seller-2@sellers.demo.invalid');
      expect(await listed.json()).toEqual([
        {
          listingId: listing.listingId,
          sellerId: 'seller-2',
          title: 'Sneakers',
          status: 'active',
          url: `https://demo-marketplace.invalid/listings/${listing.listingId}`,
        },
      ]);
    });

    it('shows a listing and a seller with its actions, and 404 for unknown ones', async () => {
      await marketplace.disableListing('lst-00000001', { caseId: 'case-9', reason: 'trademark' });

      const listing = await fetch(`${server.url}/_local/marketplace/listings/lst-00000001`);
      const seller = await fetch(`${server.url}/_local/marketplace/sellers/seller-1`);
      const missing = await fetch(`${server.url}/_local/marketplace/sellers/nobody`);

      expect(await listing.json()).toMatchObject({ listingId: 'lst-00000001', status: 'disabled' });
      expect(await seller.json()).toMatchObject({
        sellerId: 'seller-1',
        status: 'active',
        email: 'shop@example.com',
        locale: 'en',
        timeZone: 'UTC',
        actions: [{ action: 'disable', caseId: 'case-9', reason: 'trademark' }],
      });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
    });

    it('rejects a listing without a title with a 400 problem naming the field', async () => {
      const response = await localPost('/_local/marketplace/listings', { sellerId: 'seller-2' });

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({
        status: 400,
        errors: [{ path: 'title' }],
      });
      expect(demo.listListings('seller-2')).toEqual([]);
    });

    it('rejects malformed JSON with 400', async () => {
      const response = await fetch(`${server.url}/_local/marketplace/listings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"sellerId":',
      });

      expect(response.status).toBe(400);
    });
  });

  describe('the port API validates its bodies', () => {
    it('answers 400 to a disable without a reason', async () => {
      const response = await localPost(`${API_BASE}/listings/lst-00000001/disable`, {
        caseId: 'case-1',
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ path: 'reason' }] });
      expect(demo.getListing('lst-00000001')?.status).toBe('active');
    });

    it('answers 400 to an unknown measure', async () => {
      const response = await localPost(`${API_BASE}/sellers/seller-1/measure`, {
        measure: 'banished',
        reason: 'x',
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ path: 'measure' }] });
    });
  });

  describe('persistence', () => {
    it('keeps listings, seller status and actions across a reopen of the same dataDir', async () => {
      await marketplace.disableListing('lst-00000001', { caseId: 'case-1', reason: 'counterfeit' });
      await marketplace.applySellerMeasure('seller-1', 'warned', { reason: 'first strike' });
      await server.close();
      await demo.flush();

      demo = await openDemoMarketplace({ dataDir });
      await serve(demo);

      expect((await marketplace.getListing('lst-00000001'))?.status).toBe('disabled');
      expect(demo.getSeller('seller-1')).toMatchObject({ status: 'warned' });
      expect(demo.getSeller('seller-1')?.actions).toHaveLength(2);
      expect(await readdir(dataDir)).toEqual(['marketplace.json']);
    });

    it('does not duplicate or reset anything when seeded again after a reopen', async () => {
      await marketplace.disableListing('lst-00000001', { caseId: 'case-1', reason: 'counterfeit' });
      await demo.flush();

      const reopened = await openDemoMarketplace({ dataDir });
      await reopened.seed({
        sellers: [{ sellerId: 'seller-1', email: 'other@example.com' }],
        listings: [{ listingId: 'lst-00000001', sellerId: 'seller-1', title: 'Fake handbag' }],
      });
      await reopened.flush();

      expect(reopened.listListings()).toHaveLength(1);
      expect(reopened.getListing('lst-00000001')).toMatchObject({
        status: 'disabled',
        sellerEmail: 'shop@example.com',
      });
    });
  });
});
