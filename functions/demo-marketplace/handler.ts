import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { clock } from '../adapters/clock.ts';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import { DEFAULT_AUDIENCE, isTimeZone, LOCALES } from '../domain/locale.ts';

/**
 * The demo marketplace, deployable with the CDK context flag `demoMarketplace=true` so a trial
 * deployment works end to end without a real marketplace. It serves the marketplace contract of
 * functions/adapters/marketplace-http.ts, invoked directly by the service's functions (IAM-only:
 * `MARKETPLACE_API_URL=lambda:<this function's ARN>`), with its listings and sellers in the table.
 *
 * Requests: `{method, path, body?}`; answers: `{status, body?}`. Besides the contract it takes
 * `POST /listings {listingId?, sellerId, title, sellerEmail?, sellerLocale?, sellerTimeZone?}` to
 * add demo listings (a new seller reads `sellerLocale` in `sellerTimeZone`; default en, UTC).
 *
 * A suspended or terminated seller's listings are not live: they read `disabled` while the measure
 * lasts, and come back when it is lifted (except those a case disabled). The seller item keeps
 * counters of its listings (`listings`) and of those a case took down (`down`), updated atomically
 * with each listing change, so `GET /sellers/{id}/listing-counts` never scans.
 */

const request = z.object({
  method: z.enum(['GET', 'POST']),
  path: z.string().max(512),
  body: z.unknown().optional(),
});
const newListing = z.strictObject({
  listingId: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional(),
  sellerId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  title: z.string().min(1).max(200),
  sellerEmail: z.email().optional(),
  sellerLocale: z.enum(LOCALES).optional(),
  sellerTimeZone: z.string().refine(isTimeZone).optional(),
});
const measure = z.object({
  measure: z.enum(['none', 'warned', 'restricted', 'suspended', 'terminated']),
  reason: z.string().max(500),
  caseId: z.string().optional(),
});

const inboxMessage = z.strictObject({
  messageId: z.string().min(1).max(200),
  caseId: z.string().min(1).max(200),
  subject: z.string().min(1).max(500),
  text: z.string().min(1).max(100_000),
  locale: z.enum(LOCALES),
  sentAt: z.iso.datetime(),
});
const resolveUrls = z.object({ urls: z.array(z.string().max(2048)).min(1).max(100) });
/** The demo marketplace's own listing pages (it resolves no other URL). */
const DEMO_LISTING_URL = /^https:\/\/demo-marketplace\.invalid\/listings\/([^/?#]+)\/?(?:[?#].*)?$/;

const listingKey = (id: string) => ({ pk: `DEMOMKT#LISTING#${id}`, sk: 'LISTING' });
const HIDING = ['suspended', 'terminated'];
const sellerKey = (id: string) => ({ pk: `DEMOMKT#SELLER#${id}`, sk: 'SELLER' });

interface Answer {
  status: number;
  body?: unknown;
}

export async function handler(event: unknown): Promise<Answer> {
  const parsed = request.safeParse(event);
  if (!parsed.success) return { status: 400, body: { message: 'invalid request' } };
  const { method, path, body } = parsed.data;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const at = clock.now().toISOString();

  if (
    method === 'POST' &&
    segments.length === 2 &&
    segments[0] === 'listings' &&
    segments[1] === 'resolve'
  ) {
    const input = resolveUrls.safeParse(body);
    if (!input.success) return { status: 400, body: { message: 'invalid urls' } };
    const listings = await Promise.all(
      input.data.urls.map(async (url) => {
        const match = DEMO_LISTING_URL.exec(url);
        if (!match) return { url, listingId: null };
        const found = await dynamo.send(
          new GetCommand({ TableName: tableName, Key: listingKey(decodeURIComponent(match[1]!)) }),
        );
        return { url, listingId: found.Item ? String(found.Item.listingId) : null };
      }),
    );
    return { status: 200, body: { listings } };
  }
  if (method === 'POST' && segments.length === 1 && segments[0] === 'listings') {
    const input = newListing.safeParse(body);
    if (!input.success) return { status: 400, body: { message: 'invalid listing' } };
    const listingId = input.data.listingId ?? `lst-${crypto.randomUUID().slice(0, 8)}`;
    const sellerEmail = input.data.sellerEmail ?? `${input.data.sellerId}@sellers.demo.invalid`;
    const listing = {
      listingId,
      sellerId: input.data.sellerId,
      sellerEmail,
      title: input.data.title,
      url: `https://demo-marketplace.invalid/listings/${listingId}`,
      status: 'active',
      createdAt: at,
    };
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...listingKey(listingId), type: 'DemoListing', ...listing },
      }),
    );
    await dynamo
      .send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...sellerKey(input.data.sellerId),
            type: 'DemoSeller',
            sellerId: input.data.sellerId,
            status: 'active',
            email: sellerEmail,
            locale: input.data.sellerLocale ?? DEFAULT_AUDIENCE.locale,
            timeZone: input.data.sellerTimeZone ?? DEFAULT_AUDIENCE.timeZone,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: sellerKey(input.data.sellerId),
        UpdateExpression: 'ADD listings :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    return { status: 201, body: listing };
  }
  if (segments[0] === 'listings' && segments[1]) {
    const found = await dynamo.send(
      new GetCommand({ TableName: tableName, Key: listingKey(segments[1]) }),
    );
    if (!found.Item) return { status: 404, body: { message: 'no such listing' } };
    if (method === 'GET' && segments.length === 2) {
      const { listingId, sellerId, sellerEmail, title, url } = found.Item;
      const createdAt = found.Item.createdAt ?? new Date(0).toISOString();
      const seller = await dynamo.send(
        new GetCommand({ TableName: tableName, Key: sellerKey(String(sellerId)) }),
      );
      const hidden = HIDING.includes(String(seller.Item?.status));
      const status = hidden && found.Item.status === 'active' ? 'disabled' : found.Item.status;
      return {
        status: 200,
        body: { listingId, sellerId, sellerEmail, title, url, status, createdAt },
      };
    }
    if (
      method === 'POST' &&
      segments.length === 3 &&
      (segments[2] === 'disable' || segments[2] === 'restore')
    ) {
      if (found.Item.status === 'deleted')
        return { status: 409, body: { message: 'listing deleted' } };
      const status = segments[2] === 'disable' ? 'disabled' : 'active';
      if (found.Item.status === status) return { status: 204 };
      // The listing's status and its seller's `down` counter change together, or not at all.
      await dynamo
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: listingKey(segments[1]),
                  UpdateExpression: 'SET #s = :s, updatedAt = :at',
                  ConditionExpression: '#s = :was',
                  ExpressionAttributeNames: { '#s': 'status' },
                  ExpressionAttributeValues: { ':s': status, ':at': at, ':was': found.Item.status },
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: sellerKey(String(found.Item.sellerId)),
                  UpdateExpression: 'ADD down :delta',
                  ExpressionAttributeValues: { ':delta': status === 'disabled' ? 1 : -1 },
                },
              },
            ],
          }),
        )
        .catch((error: Error) => {
          // Changed meanwhile by a concurrent call of the same command: it is done.
          if (error.name !== 'TransactionCanceledException') throw error;
        });
      return { status: 204 };
    }
  }
  if (method === 'GET' && segments[0] === 'sellers' && segments[1] && segments.length === 2) {
    const found = await dynamo.send(
      new GetCommand({ TableName: tableName, Key: sellerKey(segments[1]) }),
    );
    if (!found.Item?.email) return { status: 404, body: { message: 'no such seller' } };
    const { sellerId, email, status } = found.Item;
    return {
      status: 200,
      body: {
        sellerId,
        email,
        status,
        locale: found.Item.locale ?? DEFAULT_AUDIENCE.locale,
        timeZone: found.Item.timeZone ?? DEFAULT_AUDIENCE.timeZone,
      },
    };
  }
  if (
    method === 'GET' &&
    segments[0] === 'sellers' &&
    segments[1] &&
    segments[2] === 'listing-counts' &&
    segments.length === 3
  ) {
    const found = await dynamo.send(
      new GetCommand({ TableName: tableName, Key: sellerKey(segments[1]) }),
    );
    if (!found.Item?.email) return { status: 404, body: { message: 'no such seller' } };
    const total = Number(found.Item.listings ?? 0);
    const live = HIDING.includes(String(found.Item.status))
      ? 0
      : Math.max(0, total - Number(found.Item.down ?? 0));
    return { status: 200, body: { live, total } };
  }
  if (segments[0] === 'sellers' && segments[1] && segments[2] === 'inbox' && segments.length === 3)
    return inbox(method, segments[1], body);
  if (
    method === 'POST' &&
    segments[0] === 'sellers' &&
    segments[1] &&
    segments[2] === 'measure' &&
    segments.length === 3
  ) {
    const input = measure.safeParse(body);
    if (!input.success) return { status: 400, body: { message: 'invalid measure' } };
    const status = input.data.measure === 'none' ? 'active' : input.data.measure;
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: sellerKey(segments[1]),
        UpdateExpression: 'SET #s = :s, sellerId = :id, updatedAt = :at',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': status, ':id': segments[1], ':at': at },
      }),
    );
    return { status: 204 };
  }
  return { status: 404, body: { message: 'no such route' } };
}

/**
 * The seller centre's inbox: `POST` keeps a message once per `messageId` (the service retries);
 * `GET` lists the seller's messages, newest first.
 */
async function inbox(method: 'GET' | 'POST', sellerId: string, body: unknown): Promise<Answer> {
  const pk = `DEMOMKT#INBOX#${sellerId}`;
  if (method === 'GET') {
    const found = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: 100,
      }),
    );
    const items = (found.Items ?? []).map(
      ({ pk: _pk, sk: _sk, type: _type, ...message }) => message,
    );
    return { status: 200, body: { items } };
  }
  const input = inboxMessage.safeParse(body);
  if (!input.success) return { status: 400, body: { message: 'invalid inbox message' } };
  await dynamo
    .send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk,
          sk: `MSG#${input.data.messageId}`,
          type: 'DemoInboxMessage',
          ...input.data,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
  return { status: 204 };
}
