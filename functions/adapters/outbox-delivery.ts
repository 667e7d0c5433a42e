import { publishCaseStatusChanged } from './domain-events.ts';
import { countOutboxEvent, type OutboxEvent } from './event-outbox.ts';

/**
 * Delivers one outbox event: publishes its status change on the bus, then counts its tally (once)
 * and deletes the item in the count's transaction when the bus took the change. Answers whether
 * it is done; what is not stays in the outbox for the event relay. Only functions that publish
 * events import this.
 */
export async function deliverOutboxEvent(
  event: OutboxEvent & { counted?: boolean },
): Promise<boolean> {
  const published = !event.change || (await publishCaseStatusChanged(event.change));
  const counted = await countOutboxEvent(event, { published });
  return counted && published;
}
