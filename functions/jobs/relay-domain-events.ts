import { clock } from '../adapters/clock.ts';
import { publishCaseStatusChanged } from '../adapters/domain-events.ts';
import { deleteOutboxItem, listOutbox } from '../adapters/event-outbox.ts';
import { logger } from '../adapters/logger.ts';

/** An event younger than this may still be published by the step that wrote it. */
const GRACE_MS = 60_000;

/**
 * The event relay (a scheduled job): publishes the domain events an EventBridge outage left in
 * the outbox, oldest first, and removes each once the bus accepted it. Integrators may see an
 * event twice (at least once), never not at all.
 */
export async function handler(): Promise<{ published: number; pending: number }> {
  const waiting = await listOutbox(new Date(clock.now().getTime() - GRACE_MS));
  let published = 0;
  for (const { stepKey, change } of waiting) {
    if (await publishCaseStatusChanged(change)) {
      await deleteOutboxItem(change.caseId, stepKey);
      published++;
    }
  }
  const pending = waiting.length - published;
  if (pending > 0)
    logger.error('domain events still unpublished', { pending, alarm: 'DomainEventsPending' });
  return { published, pending };
}
