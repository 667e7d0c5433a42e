import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { loadEnv } from './env.ts';
import { retryTransactionConflicts } from './transaction-conflicts.ts';

const env = loadEnv({ TABLE_NAME: z.string().min(3) });

/** The single table's name. */
export const tableName = env.TABLE_NAME;

/** The DynamoDB document client, created once per module (the endpoint comes from the SDK's own env handling). */
export const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
retryTransactionConflicts(dynamo);
