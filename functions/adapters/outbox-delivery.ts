import { publishCaseStatusChanged, publishCaseStatusChanges } from './domain-events.ts';
import { countOutboxEvent, deleteOutboxItems, type OutboxEvent } from './event-outbox.ts';

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

/**
 * Delivers many outbox events at once (a bulk job's): the status changes with nothing to count
 * are published 10 to a call and their items deleted in one transaction; an event with a tally
 * (which counts once behind its own item) is delivered on its own. What the bus refused stays in
 * the outbox for the relay.
 */
export async function deliverOutboxEvents(events: readonly OutboxEvent[]): Promise<void> {
  const plain = events.filter((event) => event.change && !event.tally);
  for (const event of events) if (!plain.includes(event)) await deliverOutboxEvent(event);
  const accepted = await publishCaseStatusChanges(plain.map((event) => event.change!));
  await deleteOutboxItems(plain.filter((_, i) => accepted[i]));
}
