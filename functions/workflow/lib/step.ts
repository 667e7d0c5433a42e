import {
  applyCaseStep,
  applyCaseSteps,
  type CaseRecord,
  type CaseStep,
  epochScoped,
  getCase,
} from '../../adapters/case-store.ts';
import type { CaseStatusChanged } from '../../adapters/domain-events.ts';
import { type OutboxEvent, outboxItem } from '../../adapters/event-outbox.ts';
import { deliverOutboxEvent, deliverOutboxEvents } from '../../adapters/outbox-delivery.ts';
import { publicDecisionItem } from '../../adapters/public-decisions.ts';
import { publicDecisionOf } from '../../domain/public-decisions.ts';
import {
  type CountedStatusChange,
  type Tally,
  tallyStatusChange,
  tallyStrike,
} from '../../domain/transparency-counts.ts';

/**
 * Applies a workflow step (see `applyCaseStep`). When the step changes the case's status, or
 * records something the transparency report counts (a new strike), its domain event is written
 * to the outbox in the same transaction, then delivered: published on the bus, its tally added to
 * the transparency counters (once), and removed from the outbox; the event relay delivers what an
 * outage left. Only the workflow changes statuses, so only workflow functions carry the
 * EventBridge client. The step key is scoped to the case's epoch (a re-opened case runs its
 * steps again).
 */
export async function applyWorkflowStep(caseId: string, unscoped: CaseStep): Promise<void> {
  const record = await getCase(caseId);
  if (!record) return applyCaseStep(caseId, unscoped);
  const { step, event } = planWorkflowStep(record, unscoped);
  await applyCaseStep(caseId, step);
  if (event) await deliverOutboxEvent(event);
}

/**
 * Applies workflow steps of different cases in one transaction (a bulk job's), each planned from
 * the case as the caller read it (a stale read fails its status condition, refusing the whole
 * transaction), then delivers their domain events in batches. False when the transaction was
 * refused: the caller applies the steps one by one.
 */
export async function applyWorkflowSteps(
  planned: readonly { record: CaseRecord; step: CaseStep }[],
): Promise<boolean> {
  const plans = planned.map(({ record, step }) => ({
    caseId: record.caseId,
    ...planWorkflowStep(record, step),
  }));
  if (!(await applyCaseSteps(plans))) return false;
  await deliverOutboxEvents(plans.flatMap((plan) => (plan.event ? [plan.event] : [])));
  return true;
}

/**
 * A step as the workflow writes it: scoped to the case's epoch, and, when it changes the status or
 * records what the transparency report counts, with its domain event in the outbox (and its CN
 * Art 44 public entry) in the same transaction.
 */
function planWorkflowStep(
  record: CaseRecord,
  unscoped: CaseStep,
): { step: CaseStep; event?: OutboxEvent } {
  const caseId = record.caseId;
  const step = { ...unscoped, stepKey: epochScoped(record, unscoped.stepKey) };
  const status = step.set?.status;
  let change: CaseStatusChanged | undefined;
  let tally: Tally | null = null;
  const published: ReturnType<typeof publicDecisionItem>[] = [];
  if (status) {
    const counted: CountedStatusChange = {
      caseId,
      noticeId: record.noticeId,
      jurisdiction: record.jurisdiction,
      infringementType: record.infringementType,
      source: record.trustedFlagger ? 'trusted_flagger' : record.source,
      // Automated means: the platform's own screening, or a decision no person took.
      automated:
        record.source === 'own_initiative' ||
        Boolean((record.decision as { automated?: boolean } | undefined)?.automated),
      ...(record.sellerId ? { sellerId: record.sellerId } : {}),
      receivedAt: record.createdAt,
      previousStatus: record.status,
      status,
      at: step.at,
    };
    change = { ...counted, listingId: record.listingId };
    tally = tallyStatusChange(counted);
    // CN E-Commerce Law Art 44: the change's public entry, if it publishes one.
    const entry = publicDecisionOf({ ...counted, listingId: record.listingId });
    if (entry) published.push(publicDecisionItem(entry, step.stepKey));
  }
  const detail = step.event?.detail ?? {};
  if (
    step.event?.type === 'strike_recorded' &&
    !detail.attached &&
    record.sellerId &&
    typeof detail.strikeId === 'string'
  )
    tally = tallyStrike({
      sellerId: record.sellerId,
      strikeId: detail.strikeId,
      measure: String(detail.measure),
      at: step.at,
    });
  if (!change && !tally) return { step };
  if (published.length > 0) step.also = [...(step.also ?? []), ...published];
  const event: OutboxEvent = {
    subject: caseId,
    stepKey: step.stepKey,
    at: step.at,
    ...(change ? { change } : {}),
    ...(tally ? { tally } : {}),
  };
  return { step: { ...step, also: [...(step.also ?? []), outboxItem(event)] }, event };
}
