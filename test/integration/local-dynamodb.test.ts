import { randomBytes } from 'node:crypto';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/table.ts';
import { ensureTable } from '../../local/dynamodb/index.ts';
import { testDynamoEndpoint } from '../support/dynamo.ts';

const tableName = `takedown-ddb-${randomBytes(4).toString('hex')}`;
let client: DynamoDBClient;

beforeAll(async () => {
  // Reach DynamoDB Local through the SDK's own endpoint variable only, as the handlers do.
  process.env.AWS_ENDPOINT_URL_DYNAMODB = testDynamoEndpoint();
  client = new DynamoDBClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local-secret' },
  });
  await ensureTable(client, tableName, tableDefinition);
});

afterAll(() => {
  client.destroy();
  delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
});

describe('DynamoDB Local', () => {
  it('creates the table from the shared definition: keys, indexes and TTL', async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      tableDefinition.globalSecondaryIndexes.map((i) => i.indexName).sort(),
    );
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'ttl',
    });
  });

  it('is idempotent: ensuring the table twice keeps its items', async () => {
    await client.send(
      new PutItemCommand({ TableName: tableName, Item: { pk: { S: 'KEEP' }, sk: { S: 'ME' } } }),
    );
    await ensureTable(client, tableName, tableDefinition);
    const { Item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { pk: { S: 'KEEP' }, sk: { S: 'ME' } } }),
    );
    expect(Item?.pk?.S).toBe('KEEP');
  });

  it('cancels a whole TransactWriteItems when one condition fails, writing nothing, with the reasons', async () => {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' }, status: { S: 'awaiting_review' } },
      }),
    );
    const attempt = client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { pk: { S: 'CASE#1' }, sk: { S: 'EVENT#1' }, type: { S: 'decided' } },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } },
              UpdateExpression: 'SET #s = :next',
              ConditionExpression: '#s = :expected',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: {
                ':next': { S: 'taking_down' },
                ':expected': { S: 'awaiting_counter_notice' },
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ],
      }),
    );
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
    expect(reasons.map((r) => r.Code)).toEqual(['None', 'ConditionalCheckFailed']);
    expect(reasons[1]?.Item?.status?.S).toBe('awaiting_review');
    const event = await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'CASE#1' }, sk: { S: 'EVENT#1' } },
      }),
    );
    expect(event.Item).toBeUndefined();
  });
});
