import * as z from 'zod';
import { clock } from '../adapters/clock.ts';
import { syncSellerMeasure } from '../use-cases/sync-seller-measure.ts';
import { loadCase, WORKFLOW_ACTOR } from './lib/context.ts';
import { once } from './lib/once.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const input = taskInput({ step: z.enum(['measure', 'lift_measure']) });

/**
 * Brings the seller's account on the marketplace in line with the measure the service decided
 * (warn, restrict, suspend, or reinstate after a revocation). Idempotent: the marketplace call is
 * idempotent and is skipped when the applied measure already matches.
 */
export async function handler(event: unknown): Promise<{ measure: string; changed: boolean }> {
  const { caseId, step } = parseTaskInput(input, event);
  const record = await loadCase(caseId);
  const changed = await syncSellerMeasure(record.sellerId!, caseId);
  if (changed) {
    await once(() =>
      applyWorkflowStep(caseId, {
        stepKey: step,
        at: clock.now().toISOString(),
        event: {
          type: 'seller_measure_applied',
          actor: WORKFLOW_ACTOR,
          detail: { sellerId: record.sellerId, measure: changed },
        },
      }),
    );
  }
  return { measure: changed || 'unchanged', changed: Boolean(changed) };
}
