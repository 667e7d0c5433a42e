import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { clock } from '../adapters/clock.ts';
import { dynamo } from '../adapters/dynamo-client.ts';
import { marketplace } from '../adapters/marketplace.ts';
import { getSeller, putSellerItem } from '../adapters/seller-store.ts';
import { toMarketplaceMeasure } from '../domain/strikes.ts';
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

/** Applies the seller's decided measure on the marketplace if it differs; returns it, or '' when in line. */
export async function syncSellerMeasure(sellerId: string, caseId?: string): Promise<string> {
  const seller = await getSeller(sellerId);
  if (!seller || seller.appliedMeasure === seller.measure) return '';
  await marketplace().applySellerMeasure(sellerId, toMarketplaceMeasure(seller.measure), {
    reason: `repeat-infringer policy: ${seller.measure}`,
    ...(caseId ? { caseId } : {}),
  });
  await dynamo
    .send(
      new TransactWriteCommand({
        TransactItems: [
          putSellerItem({ ...seller, appliedMeasure: seller.measure }, seller.version),
        ],
      }),
    )
    .catch((error: Error) => {
      // Someone changed the seller meanwhile; the next sync applies the newer measure.
      if (error.name !== 'TransactionCanceledException') throw error;
    });
  return seller.measure;
}
