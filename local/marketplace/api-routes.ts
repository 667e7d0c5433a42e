import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { LOCALES } from '../../functions/domain/locale.ts';
import { type RouteHandler, sendJson, sendProblem } from '../http.ts';
import { type DemoMarketplace, MarketplaceCommandError } from './demo-marketplace.ts';
import { decodeSegment, readValidJson } from './validation.ts';

const disableBody = z.object({ caseId: z.string().min(1), reason: z.string().min(1) });
const restoreBody = z.object({ caseId: z.string().min(1) });
const inboxBody = z.strictObject({
  messageId: z.string().min(1).max(200),
  caseId: z.string().min(1).max(200),
  subject: z.string().min(1).max(500),
  text: z.string().min(1).max(100_000),
  locale: z.enum(LOCALES),
  sentAt: z.iso.datetime(),
});
const resolveBody = z.object({ urls: z.array(z.string().max(2048)).min(1).max(100) });
const measureBody = z.object({
  measure: z.enum(['none', 'warned', 'restricted', 'suspended', 'terminated']),
  reason: z.string().min(1),
  caseId: z.string().min(1).optional(),
});

type ApiRoute =
  | { kind: 'getListing'; method: 'GET'; listingId: string }
  | { kind: 'resolve'; method: 'POST' }
  | { kind: 'getSeller'; method: 'GET'; sellerId: string }
  | { kind: 'countListings'; method: 'GET'; sellerId: string }
  | { kind: 'disable' | 'restore'; method: 'POST'; listingId: string }
  | { kind: 'measure' | 'inbox'; method: 'POST'; sellerId: string };

/**
 * The marketplace port contract (see functions/adapters/marketplace-http.ts) served by the
 * demo marketplace under `basePath`, e.g. `/_local/marketplace/api`. Fault settings apply here.
 */
export function marketplaceApiRoutes(marketplace: DemoMarketplace, basePath: string): RouteHandler {
  const base = basePath.replace(/\/+$/, '');
  return async (req, res, url) => {
    if (!url.pathname.startsWith(`${base}/`)) return false;
    const route = matchRoute(url.pathname.slice(base.length));
    if (!route) return false;
    if (req.method !== route.method) {
      res.setHeader('allow', route.method);
      sendProblem(res, 405, 'Method Not Allowed', `Use ${route.method} on ${url.pathname}.`);
      return true;
    }
    if (marketplace.faults.shouldFail()) {
      res.setHeader('retry-after', '1');
      sendProblem(
        res,
        503,
        'Service Unavailable',
        'Injected fault: the demo marketplace is failing on purpose.',
      );
      return true;
    }
    try {
      await answer(marketplace, route, req, res);
    } catch (error) {
      if (!(error instanceof MarketplaceCommandError)) throw error;
      const title = error.status === 404 ? 'Not Found' : 'Conflict';
      sendProblem(res, error.status, title, error.message);
    }
    return true;
  };
}

async function answer(
  marketplace: DemoMarketplace,
  route: ApiRoute,
  req: Parameters<RouteHandler>[0],
  res: ServerResponse,
): Promise<void> {
  switch (route.kind) {
    case 'getListing': {
      const listing = marketplace.getListing(route.listingId);
      if (listing) sendJson(res, 200, listing);
      else sendProblem(res, 404, 'Not Found', `No listing ${route.listingId}`);
      return;
    }
    case 'resolve': {
      const body = await readValidJson(req, res, resolveBody);
      if (!body) return;
      const resolved = marketplace.resolveListingUrls(body.urls);
      sendJson(res, 200, {
        listings: [...resolved].map(([url, listingId]) => ({ url, listingId })),
      });
      return;
    }
    case 'getSeller': {
      const seller = marketplace.getSellerAccount(route.sellerId);
      if (seller) sendJson(res, 200, seller);
      else sendProblem(res, 404, 'Not Found', `No seller ${route.sellerId}`);
      return;
    }
    case 'countListings': {
      if (marketplace.getSellerAccount(route.sellerId))
        sendJson(res, 200, marketplace.countSellerListings(route.sellerId));
      else sendProblem(res, 404, 'Not Found', `No seller ${route.sellerId}`);
      return;
    }
    case 'disable': {
      const body = await readValidJson(req, res, disableBody);
      if (!body) return;
      await marketplace.disableListing(route.listingId, body);
      break;
    }
    case 'restore': {
      const body = await readValidJson(req, res, restoreBody);
      if (!body) return;
      await marketplace.restoreListing(route.listingId, body);
      break;
    }
    case 'inbox': {
      const body = await readValidJson(req, res, inboxBody);
      if (!body) return;
      await marketplace.deliverToSellerInbox(route.sellerId, body);
      break;
    }
    case 'measure': {
      const body = await readValidJson(req, res, measureBody);
      if (!body) return;
      const { measure, ...ref } = body;
      await marketplace.applySellerMeasure(route.sellerId, measure, ref);
      break;
    }
  }
  res.writeHead(204).end();
}

function matchRoute(path: string): ApiRoute | undefined {
  if (path === '/listings/resolve') return { kind: 'resolve', method: 'POST' };
  const segments = path.split('/').slice(1);
  const [collection, rawId, verb, ...rest] = segments;
  if (rawId === undefined || rawId === '' || rest.length > 0) return undefined;
  const id = decodeSegment(rawId);
  if (id === undefined) return undefined;
  if (collection === 'listings') {
    if (verb === undefined) return { kind: 'getListing', method: 'GET', listingId: id };
    if (verb === 'disable' || verb === 'restore')
      return { kind: verb, method: 'POST', listingId: id };
  }
  if (collection === 'sellers' && verb === undefined) {
    return { kind: 'getSeller', method: 'GET', sellerId: id };
  }
  if (collection === 'sellers' && verb === 'listing-counts') {
    return { kind: 'countListings', method: 'GET', sellerId: id };
  }
  if (collection === 'sellers' && (verb === 'measure' || verb === 'inbox')) {
    return { kind: verb, method: 'POST', sellerId: id };
  }
  return undefined;
}
