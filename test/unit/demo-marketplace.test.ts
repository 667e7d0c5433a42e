import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

Object.assign(process.env, { TABLE_NAME: 'takedown-test', AWS_REGION: 'us-east-1' });
const { handler } = await import('../../functions/demo-marketplace/handler.ts');
const { HttpMarketplace } = await import('../../functions/adapters/marketplace-http.ts');
const { MarketplaceUnavailableError } = await import('../../functions/domain/ports/marketplace.ts');

const db = mockClient(DynamoDBDocumentClient);
const lambda = mockClient(LambdaClient);

beforeEach(() => {
  db.reset();
  lambda.reset();
});

const listing = {
  pk: 'DEMOMKT#LISTING#lst-1',
  sk: 'LISTING',
  listingId: 'lst-1',
  sellerId: 's-1',
  sellerEmail: 's-1@x.invalid',
  title: 'Bag',
  url: 'https://demo-marketplace.invalid/listings/lst-1',
  status: 'active',
  createdAt: '2026-01-05T10:00:00.000Z',
};

describe('Function: demo marketplace handler', () => {
  it('answers a listing in the marketplace contract shape', async () => {
    db.on(GetCommand).resolves({ Item: listing });
    const answer = await handler({ method: 'GET', path: '/listings/lst-1' });
    expect(answer).toEqual({
      status: 200,
      body: {
        listingId: 'lst-1',
        sellerId: 's-1',
        sellerEmail: 's-1@x.invalid',
        title: 'Bag',
        url: listing.url,
        status: 'active',
        createdAt: '2026-01-05T10:00:00.000Z',
      },
    });
  });

  it('shows a live listing of a suspended seller as disabled', async () => {
    db.on(GetCommand, { Key: { pk: 'DEMOMKT#LISTING#lst-1', sk: 'LISTING' } }).resolves({
      Item: listing,
    });
    db.on(GetCommand, { Key: { pk: 'DEMOMKT#SELLER#s-1', sk: 'SELLER' } }).resolves({
      Item: { sellerId: 's-1', email: 's-1@x.invalid', status: 'suspended' },
    });
    const answer = await handler({ method: 'GET', path: '/listings/lst-1' });
    expect((answer.body as { status: string }).status).toBe('disabled');
  });

  it('counts a seller’s listings from its counters: none live while it is terminated', async () => {
    db.on(GetCommand)
      .resolvesOnce({
        Item: { sellerId: 's-1', email: 'e@x.invalid', status: 'active', listings: 5, down: 2 },
      })
      .resolvesOnce({
        Item: { sellerId: 's-1', email: 'e@x.invalid', status: 'terminated', listings: 5, down: 2 },
      });
    const active = await handler({ method: 'GET', path: '/sellers/s-1/listing-counts' });
    const terminated = await handler({ method: 'GET', path: '/sellers/s-1/listing-counts' });
    expect([active.body, terminated.body]).toEqual([
      { live: 3, total: 5 },
      { live: 0, total: 5 },
    ]);
  });

  it('answers a seller with its language and time zone', async () => {
    db.on(GetCommand).resolves({
      Item: {
        sellerId: 's-2',
        email: 's-2@x.invalid',
        status: 'active',
        locale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
      },
    });
    const answer = await handler({ method: 'GET', path: '/sellers/s-2' });
    expect(answer).toEqual({
      status: 200,
      body: {
        sellerId: 's-2',
        email: 's-2@x.invalid',
        status: 'active',
        locale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
      },
    });
  });

  it('disables a listing (204) and answers 404 for an unknown one', async () => {
    db.on(GetCommand, { Key: { pk: 'DEMOMKT#LISTING#lst-1', sk: 'LISTING' } }).resolves({
      Item: listing,
    });
    db.on(GetCommand, { Key: { pk: 'DEMOMKT#LISTING#nope', sk: 'LISTING' } }).resolves({});
    db.on(TransactWriteCommand).resolves({});
    expect(
      await handler({
        method: 'POST',
        path: '/listings/lst-1/disable',
        body: { caseId: 'c', reason: 'r' },
      }),
    ).toEqual({ status: 204 });
    const [listingUpdate, sellerCount] =
      db.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems ?? [];
    expect([
      listingUpdate?.Update?.ExpressionAttributeValues?.[':s'],
      sellerCount?.Update?.ExpressionAttributeValues?.[':delta'],
    ]).toEqual(['disabled', 1]);
    expect(
      (await handler({ method: 'POST', path: '/listings/nope/disable', body: {} })).status,
    ).toBe(404);
  });

  it('adds demo listings and sets seller measures', async () => {
    db.on(PutCommand).resolves({});
    db.on(UpdateCommand).resolves({});
    const created = await handler({
      method: 'POST',
      path: '/listings',
      body: { sellerId: 's-2', title: 'Anvil' },
    });
    expect(created.status).toBe(201);
    expect(
      await handler({
        method: 'POST',
        path: '/sellers/s-2/measure',
        body: { measure: 'warned', reason: 'strike' },
      }),
    ).toEqual({ status: 204 });
    expect(db.commandCalls(UpdateCommand)[1]!.args[0].input.ExpressionAttributeValues?.[':s']).toBe(
      'warned',
    );
    expect(
      (
        await handler({
          method: 'POST',
          path: '/sellers/s-2/measure',
          body: { measure: 'banished' },
        })
      ).status,
    ).toBe(400);
  });
});

describe('Class: HttpMarketplace over the Lambda transport', () => {
  const arn = 'arn:aws:lambda:us-east-1:123456789012:function:demo';
  const marketplace = () => new HttpMarketplace({ baseUrl: `lambda:${arn}` });
  const answer = (value: unknown) =>
    ({ Payload: new TextEncoder().encode(JSON.stringify(value)), StatusCode: 200 }) as never;

  it('invokes the function with method, path and body, and parses its answer', async () => {
    lambda
      .on(InvokeCommand)
      .resolves(answer({ status: 200, body: { ...listing, pk: undefined, sk: undefined } }));
    const found = await marketplace().getListing('lst-1');
    expect(found?.listingId).toBe('lst-1');
    const sent = JSON.parse(
      new TextDecoder().decode(
        lambda.commandCalls(InvokeCommand)[0]!.args[0].input.Payload as Uint8Array,
      ),
    );
    expect(sent).toEqual({ method: 'GET', path: '/listings/lst-1' });
    expect(lambda.commandCalls(InvokeCommand)[0]!.args[0].input.FunctionName).toBe(arn);
  });

  it('turns a function error into MarketplaceUnavailableError, which the workflow retries', async () => {
    lambda
      .on(InvokeCommand)
      .resolves({ FunctionError: 'Unhandled', Payload: new TextEncoder().encode('{}') } as never);
    await expect(
      marketplace().disableListing('lst-1', { caseId: 'c', reason: 'r' }),
    ).rejects.toBeInstanceOf(MarketplaceUnavailableError);
  });

  it('maps the answer statuses as over HTTP: 404 → null, 503 → unavailable', async () => {
    lambda
      .on(InvokeCommand)
      .resolvesOnce(answer({ status: 404 }))
      .resolvesOnce(answer({ status: 503 }));
    expect(await marketplace().getListing('gone')).toBeNull();
    await expect(marketplace().restoreListing('lst-1', { caseId: 'c' })).rejects.toBeInstanceOf(
      MarketplaceUnavailableError,
    );
  });
});
