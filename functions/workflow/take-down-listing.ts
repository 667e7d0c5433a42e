import * as z from 'zod';
import type { CaseRecord } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { marketplace } from '../adapters/marketplace.ts';
import { recordStayDownFingerprint } from '../adapters/screening-hits.ts';
import { titleFingerprint } from '../domain/stay-down.ts';
import { loadCase, WORKFLOW_ACTOR, withdrawalRequested } from './lib/context.ts';
import { once } from './lib/once.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const input = taskInput({ step: z.literal('take_down') });

/**
 * Takes the listing down on the marketplace after an approval.
 *
 * 1. Honour a recorded withdrawal.
 * 2. Move the case to `taking_down` (once).
 * 3. Disable the listing: idempotent on the marketplace. A MarketplaceUnavailableError goes back
 *    to the state machine, which retries with backoff and parks the case in `action_failed`.
 * 4. Record `taken_down` (once).
 * 5. Leave the stay-down fingerprint (seller, title, IP right): a relisting is flagged.
 */
export async function handler(event: unknown): Promise<{ next: 'strike' | 'withdraw' }> {
  const { caseId } = parseTaskInput(input, event);
  const record = await loadCase(caseId);
  if (withdrawalRequested(record)) return { next: 'withdraw' };
  if (record.takenDownAt) {
    // A retry after the takedown was recorded: the fingerprint may be what is left to write.
    await leaveFingerprint(record, record.takenDownAt);
    return { next: 'strike' };
  }
  // Keyed by the case version: a first attempt, and a retry after the case was parked in
  // `action_failed`, each move the case (back) to `taking_down`; a retried task writes nothing.
  if (record.status !== 'taking_down') {
    await once(() =>
      applyWorkflowStep(caseId, {
        stepKey: `take_down_started#${record.version}`,
        at: clock.now().toISOString(),
        set: { status: 'taking_down' },
      }),
    );
  }
  await marketplace().disableListing(record.listingId, {
    caseId,
    reason: `IP notice ${record.noticeId}: ${record.infringementType}`,
  });
  const at = clock.now().toISOString();
  await once(() =>
    applyWorkflowStep(caseId, {
      stepKey: 'taken_down',
      at,
      set: { takenDownAt: at },
      event: {
        type: 'taken_down',
        actor: WORKFLOW_ACTOR,
        detail: { listingId: record.listingId, listingUrl: record.listingUrl },
      },
    }),
  );
  await leaveFingerprint(record, at);
  return { next: 'strike' };
}

/** Stay-down: the taken-down listing's fingerprint (idempotent: the same item again). */
async function leaveFingerprint(record: CaseRecord, takenDownAt: string): Promise<void> {
  if (!record.sellerId || !record.listingTitle) return;
  await recordStayDownFingerprint({
    sellerId: record.sellerId,
    fingerprint: titleFingerprint(record.listingTitle),
    ipRightId: record.ipRightId,
    caseId: record.caseId,
    listingId: record.listingId,
    takenDownAt,
  });
}
