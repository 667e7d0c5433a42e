import * as z from 'zod';
import { loadEnv } from '../adapters/env.ts';
import { FAN_OUT, startIntervalMs } from '../domain/bulk-notice.ts';
import { idSchema } from '../domain/vocabulary.ts';
import { startBatch } from '../use-cases/fan-out-notice.ts';
import { parseTaskInput } from './lib/task-input.ts';

const env = loadEnv({
  /**
   * StartExecution calls per second the whole fan-out may make; 0: unpaced (the local cloud, which
   * has no StartExecution quota). @default 100, the design rate (see FAN_OUT)
   */
  FAN_OUT_STARTS_PER_SECOND: z.coerce.number().int().min(0).default(FAN_OUT.startsPerSecond),
});

const row = z.union([
  z.object({ row: z.int().positive(), listingId: z.string() }),
  z.object({ row: z.int().positive(), url: z.string() }),
]);
const input = z.object({
  v: z.literal(1),
  noticeId: idSchema,
  rows: z.array(row).min(1).max(FAN_OUT.batchSize),
});

/**
 * A child run of the bulk-notice machine's distributed Map: one batch of manifest rows (see
 * startBatch). Each of the Map's `maxConcurrency` child runs starts at most
 * startsPerSecond / maxConcurrency cases a second, so the fan-out stays at the design rate.
 */
export async function handler(event: unknown) {
  const { noticeId, rows } = parseTaskInput(input, event);
  return startBatch(noticeId, rows, {
    intervalMs: startIntervalMs(env.FAN_OUT_STARTS_PER_SECOND, FAN_OUT.maxConcurrency),
    concurrency: 8,
  });
}
