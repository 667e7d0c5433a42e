import * as z from 'zod';
import { clock } from '../adapters/clock.ts';
import { finishScan } from '../adapters/scan-store.ts';
import { idSchema } from '../domain/vocabulary.ts';
import { parseTaskInput } from './lib/task-input.ts';

const input = z.object({
  v: z.literal(1),
  scanId: idSchema,
  outcome: z.enum(['completed', 'failed']),
  failure: z
    .object({ Error: z.string().optional(), Cause: z.string().optional() })
    .loose()
    .optional(),
});

/** Ends a catalogue scan: `completed`, `failed` (with the error), or `stopped` when asked to. */
export async function handler(event: unknown): Promise<{ scanId: string }> {
  const { scanId, outcome, failure } = parseTaskInput(input, event);
  await finishScan(
    scanId,
    outcome,
    clock.now().toISOString(),
    failure
      ? `${failure.Error ?? 'Error'}: ${String(failure.Cause ?? '').slice(0, 500)}`
      : undefined,
  );
  return { scanId };
}
