import { clock } from '../adapters/clock.ts';
import { listOutbox } from '../adapters/event-outbox.ts';
import { logger } from '../adapters/logger.ts';
import { deliverOutboxEvent } from '../adapters/outbox-delivery.ts';

/** An event younger than this may still be delivered by the step that wrote it. */
const GRACE_MS = 60_000;

/**
 * The event relay (a scheduled job): delivers the domain events an EventBridge outage (or a failed
 * count) left in the outbox, oldest first: publishes each on the bus, adds its tally to the
 * transparency counters once, and removes it when both are done. Integrators may see an event
 * twice (at least once), never not at all; the counters count it once.
 */
export async function handler(): Promise<{ published: number; pending: number }> {
  const waiting = await listOutbox(new Date(clock.now().getTime() - GRACE_MS));
  let published = 0;
  for (const event of waiting) {
    if (await deliverOutboxEvent(event)) published++;
  }
  const pending = waiting.length - published;
  if (pending > 0)
    logger.error('domain events still unpublished', { pending, alarm: 'DomainEventsPending' });
  return { published, pending };
}
