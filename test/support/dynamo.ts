import { inject } from 'vitest';

/**
 * The DynamoDB Local of this test file's worker (test/global-setup.ts): files running at once
 * on the run's two workers use JVMs of their own.
 */
export function testDynamoEndpoint(): string {
  const endpoints = inject('dynamoEndpoints');
  const worker = Number(process.env.VITEST_POOL_ID ?? 1) - 1;
  return endpoints[worker % endpoints.length]!;
}
