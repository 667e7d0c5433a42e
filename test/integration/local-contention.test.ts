import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryTransactionConflicts } from '../../functions/adapters/transaction-conflicts.ts';
import { tableDefinition } from '../../functions/table.ts';
import { type ContentionLayer, startContentionLayer } from '../../local/dynamodb/contention.ts';
import { ensureTable } from '../../local/dynamodb/index.ts';
import { testDynamoEndpoint } from '../support/dynamo.ts';

const TABLE = `contention-${Date.now()}`;
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
let layer: ContentionLayer;
let raw: DynamoDBDocumentClient;
let retrying: DynamoDBDocumentClient;

beforeAll(async () => {
  const direct = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: testDynamoEndpoint(),
    credentials,
  });
  await ensureTable(direct, TABLE, tableDefinition);
  direct.destroy();
  layer = await startContentionLayer(testDynamoEndpoint());
  const client = () =>
    DynamoDBDocumentClient.from(
      new DynamoDBClient({ region: 'us-east-1', endpoint: layer.endpoint, credentials }),
    );
  raw = client();
  retrying = client();
  retryTransactionConflicts(retrying);
});
afterAll(async () => {
  await layer?.close();
});

const put = (pk: string) =>
  new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: TABLE, Item: { pk, sk: 'A' } } },
      { Put: { TableName: TABLE, Item: { pk, sk: 'B' } } },
    ],
  });

async function setFaults(body: Record<string, number>) {
  const handler = layer.routes();
  // Drive the control route as the local cloud's server would.
  const { createServer } = await import('node:http');
  const server = createServer(
    (req, res) => void handler(req, res, new URL(req.url!, 'http://127.0.0.1')),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/_local/dynamodb/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  server.close();
  return res;
}

describe('Local DynamoDB contention layer', () => {
  it('cancels the next n transactions with TransactionConflict, one reason per item', async () => {
    expect((await setFaults({ failNextTransactions: 1 })).status).toBe(200);
    const error = await raw.send(put('conflict-1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(
      ['TransactionConflict', 'None'],
    );
    expect(
      (await raw.send(new GetCommand({ TableName: TABLE, Key: { pk: 'conflict-1', sk: 'A' } })))
        .Item,
    ).toBeUndefined();
  });

  it('is outlasted by the service client, which retries conflicts and nothing else', async () => {
    await setFaults({ failNextTransactions: 3 });
    await retrying.send(put('conflict-2'));
    expect(
      (await raw.send(new GetCommand({ TableName: TABLE, Key: { pk: 'conflict-2', sk: 'B' } })))
        .Item,
    ).toBeDefined();
    await setFaults({ failNextTransactions: 50 });
    await expect(retrying.send(put('conflict-3'))).rejects.toBeInstanceOf(
      TransactionCanceledException,
    );
    await setFaults({ failNextTransactions: 0 });
  });

  it('refuses invalid fault settings with 400', async () => {
    expect((await setFaults({ transactionConflictRate: 2 })).status).toBe(400);
  });
});
