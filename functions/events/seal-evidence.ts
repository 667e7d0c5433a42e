import type { S3Event } from 'aws-lambda';
import { clock } from '../adapters/clock.ts';
import { logger } from '../adapters/logger.ts';
import { evidenceBucket } from '../adapters/s3-client.ts';
import { sealEvidenceObject } from './lib/seal-evidence-object.ts';

/**
 * The evidence bucket's object-created notification: seals (or rejects) each uploaded evidence
 * object. Idempotent: a repeated notification changes nothing. A failure throws, so that the
 * asynchronous invocation is retried.
 */
export async function handler(event: S3Event): Promise<void> {
  for (const record of event.Records ?? []) {
    if (record.s3?.bucket?.name !== evidenceBucket) continue;
    // S3 event keys are URL-encoded, with spaces as '+'.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const outcome = await sealEvidenceObject({
      key,
      ...(typeof record.s3.object.size === 'number' ? { size: record.s3.object.size } : {}),
      now: clock.now(),
    });
    if (outcome.kind === 'ignored') logger.warn('object is not an evidence upload', { key });
  }
}
