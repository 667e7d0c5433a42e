import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from '../../local/cloud.ts';

/** A local cloud on free ports, on the run's shared DynamoDB Local with a table of its own. */
export function startTestCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  return startLocalCloud({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `takedown-test-${randomBytes(4).toString('hex')}`,
    ...options,
  });
}
