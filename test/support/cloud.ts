import { randomBytes } from 'node:crypto';
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from '../../local/cloud.ts';
import { testDynamoEndpoint } from './dynamo.ts';

/**
 * The share of DynamoDB transactions every test cloud cancels with TransactionConflict, as
 * DynamoDB does under contention (`TEST_CONFLICT_RATE` to change; 0 turns it off).
 */
export const TEST_CONFLICT_RATE = Number(process.env.TEST_CONFLICT_RATE ?? 0.05);

/** A local cloud on free ports, on its worker's DynamoDB Local with a table of its own. */
export function startTestCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  return startLocalCloud({
    port: 0,
    dynamoEndpoint: testDynamoEndpoint(),
    tableName: `takedown-test-${randomBytes(4).toString('hex')}`,
    dynamoFaults: { transactionConflictRate: TEST_CONFLICT_RATE },
    ...options,
  });
}
