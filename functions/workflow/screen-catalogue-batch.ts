import * as z from 'zod';
import { clock } from '../adapters/clock.ts';
import { idSchema } from '../domain/vocabulary.ts';
import { screenCatalogueBatch } from '../use-cases/screen-catalogue-batch.ts';
import { parseTaskInput } from './lib/task-input.ts';

const input = z.object({
  v: z.literal(1),
  scanId: idSchema,
  items: z.array(z.unknown()).max(1000),
});

/** One batch of a catalogue scan's distributed Map (statemachines/scan.asl.json). */
export async function handler(event: unknown) {
  const { scanId, items } = parseTaskInput(input, event);
  return screenCatalogueBatch(scanId, items, clock.now());
}
