import { z } from 'zod';
import { isTimeZone, LOCALES } from '../../functions/domain/locale.ts';
import { type RouteHandler, sendJson, sendProblem } from '../http.ts';
import type { DemoMarketplace } from './demo-marketplace.ts';
import { faultSettingsSchema } from './faults.ts';
import { decodeSegment, readValidJson } from './validation.ts';

const PREFIX = '/_local/marketplace';

const listingBatchBody = z.object({
  sellerId: z.string().regex(/^[A-Za-z0-9._-]{1,128}$/),
  title: z.string().trim().min(1).max(500),
  listingIds: z
    .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/))
    .min(1)
    .max(20_000),
});

const newListingBody = z.object({
  sellerId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" only'),
  title: z.string().trim().min(1).max(500),
  sellerEmail: z.email().optional(),
  /** For a new seller: the language it reads and its time zone. */
  sellerLocale: z.enum(LOCALES).optional(),
  sellerTimeZone: z.string().refine(isTimeZone, 'an IANA time zone').optional(),
});

/**
 * The token-free demo views of API.md ("Local cloud only"): list and add listings, look at a
 * listing or a seller, and set the port API's faults. These views never fail on purpose.
 */
export function marketplaceLocalRoutes(marketplace: DemoMarketplace): RouteHandler {
  return async (req, res, url) => {
    const path = url.pathname;
    if (path === `${PREFIX}/listings`) {
      if (req.method === 'GET') {
        const sellerId = url.searchParams.get('sellerId') ?? undefined;
        const listings = marketplace.listListings(sellerId || undefined);
        sendJson(
          res,
          200,
          listings.map(({ listingId, sellerId: owner, title, status, url: listingUrl }) => ({
            listingId,
            sellerId: owner,
            title,
            status,
            url: listingUrl,
          })),
        );
        return true;
      }
      if (req.method === 'POST') {
        const body = await readValidJson(req, res, newListingBody);
        if (body) sendJson(res, 201, await marketplace.addListing(body));
        return true;
      }
      return methodNotAllowed(res, 'GET, POST', path);
    }

    // Many live listings of one seller at once (benchmarks): `{sellerId, title, listingIds}`.
    if (path === `${PREFIX}/listings/batch`) {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST', path);
      const body = await readValidJson(req, res, listingBatchBody);
      if (!body) return true;
      await marketplace.seed({
        sellers: [{ sellerId: body.sellerId }],
        listings: body.listingIds.map((listingId) => ({
          listingId,
          sellerId: body.sellerId,
          title: body.title,
        })),
      });
      sendJson(res, 201, { created: body.listingIds.length });
      return true;
    }

    if (path === `${PREFIX}/faults`) {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST', path);
      const body = await readValidJson(req, res, faultSettingsSchema);
      if (body) sendJson(res, 200, marketplace.setFaults(body));
      return true;
    }

    const inbox = /^\/_local\/marketplace\/sellers\/([^/]+)\/inbox$/.exec(path);
    if (inbox) {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET', path);
      const id = decodeSegment(inbox[1]!);
      sendJson(res, 200, { items: id === undefined ? [] : marketplace.sellerInbox(id) });
      return true;
    }

    const item = /^\/_local\/marketplace\/(listings|sellers)\/([^/]+)$/.exec(path);
    if (!item) return false;
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET', path);
    const id = decodeSegment(item[2]!);
    const found =
      id === undefined
        ? null
        : item[1] === 'listings'
          ? marketplace.getListing(id)
          : marketplace.getSeller(id);
    if (found) sendJson(res, 200, found);
    else
      sendProblem(
        res,
        404,
        'Not Found',
        `No ${item[1] === 'listings' ? 'listing' : 'seller'} ${id ?? item[2]}`,
      );
    return true;
  };
}

function methodNotAllowed(res: Parameters<RouteHandler>[1], allow: string, path: string): true {
  res.setHeader('allow', allow);
  sendProblem(res, 405, 'Method Not Allowed', `Use ${allow} on ${path}.`);
  return true;
}
