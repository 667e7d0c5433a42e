import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../local/dynamodb/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoints: string[];
  }
}

let dynamos: DynamoDbLocal[] = [];

/**
 * Starts an in-memory DynamoDB Local for each of the run's workers (`TEST_DYNAMO_INSTANCES`,
 * default 2: vitest.config.ts runs 2); each test file uses its worker's (test/support/dynamo.ts),
 * with a table of its own. With one for both workers, two files heavy on DynamoDB wait on each
 * other's requests: three such files (transparency counters, own-initiative with 4,000 parked
 * cases, marketplace faults) took 157.8 s together on one JVM and 131.7 s on two.
 */
export async function setup(project: TestProject): Promise<void> {
  const count = Number(process.env.TEST_DYNAMO_INSTANCES ?? 2);
  dynamos = await Promise.all(Array.from({ length: count }, () => startDynamoDbLocal()));
  project.provide(
    'dynamoEndpoints',
    dynamos.map((d) => d.endpoint),
  );
}

export async function teardown(): Promise<void> {
  await Promise.all(dynamos.map((d) => d.stop()));
}
