import { DeleteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Tally } from '../domain/transparency-counts.ts';
import type { CaseStatusChanged } from './domain-events.ts';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { EVENT_OUTBOX_PARTITION, keys } from './keys.ts';
import { logger } from './logger.ts';
import { countTally } from './transparency-counters.ts';

type TransactItem = { Put: { TableName: string; Item: Record<string, unknown> } };

/** What an outbox item carries: a status change for the bus, a tally for the counters, or both. */
export interface OutboxEvent {
  /** The case (or `seller#<id>`, `notifier#<id>` for account events) and the step it records. */
  subject: string;
  stepKey: string;
  at: string;
  change?: CaseStatusChanged;
  tally?: Tally;
}

/**
 * The domain-event outbox: a change writes its event here in the same transaction as the change.
 * Delivering an item publishes its status change on the bus and adds its tally to the
 * transparency counters (once: the item is the counters' idempotency marker); the item is deleted
 * once both are done. What an outage leaves behind, the event relay (a scheduled job) delivers
 * later: at least once, never lost.
 */
export function outboxItem(event: OutboxEvent): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.eventOutbox(event.subject, event.stepKey),
        type: 'EventOutbox',
        subject: event.subject,
        stepKey: event.stepKey,
        at: event.at,
        ...(event.change ? { change: event.change } : {}),
        ...(event.tally ? { tally: event.tally } : {}),
        gsi2pk: EVENT_OUTBOX_PARTITION,
        gsi2sk: `${event.at}#${event.subject}#${event.stepKey}`,
      },
    },
  };
}

export async function deleteOutboxItem(subject: string, stepKey: string): Promise<void> {
  await dynamo.send(
    new DeleteCommand({ TableName: tableName, Key: keys.eventOutbox(subject, stepKey) }),
  );
}

/**
 * Deletes delivered outbox items, up to 100 to a transaction (no function batch-writes). A
 * transaction refused (the relay deleting the same item meanwhile) leaves its items to the relay,
 * which publishes them again: at least once, as always.
 */
export async function deleteOutboxItems(
  events: readonly Pick<OutboxEvent, 'subject' | 'stepKey'>[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 100) {
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: events.slice(i, i + 100).map((event) => ({
            Delete: { TableName: tableName, Key: keys.eventOutbox(event.subject, event.stepKey) },
          })),
        }),
      );
    } catch (error) {
      logger.warn('delivered outbox items not deleted; the relay delivers them again', {
        count: Math.min(100, events.length - i),
        error: (error as Error).name,
      });
    }
  }
}

/** An outbox item as listed: its event, and whether its tally was counted already. */
export interface PendingOutboxEvent extends OutboxEvent {
  counted: boolean;
}

/** Events still waiting in the outbox, written before `before`, oldest first. */
export async function listOutbox(before: Date, limit = 100): Promise<PendingOutboxEvent[]> {
  const items = await queryDue(EVENT_OUTBOX_PARTITION, before, limit);
  return items.map((item) => {
    const change = item.change as CaseStatusChanged | undefined;
    return {
      // Items written before tallies existed carry only the change.
      subject: String(item.subject ?? change?.caseId),
      stepKey: String(item.stepKey),
      at: String(item.at ?? change?.at),
      ...(change ? { change } : {}),
      ...(item.tally ? { tally: item.tally as Tally } : {}),
      counted: Boolean(item.counted),
    };
  });
}

/**
 * Counts an outbox event's tally, once. When nothing else waits on the item (no status change, or
 * its change is published: `done`), the count's transaction deletes it. Answers whether the tally
 * is counted; a failed count is logged with an alarm and left for the relay, and never fails the
 * change it reports. Functions that only count need no EventBridge client.
 */
export async function countOutboxEvent(
  event: OutboxEvent & { counted?: boolean },
  { published = !event.change }: { published?: boolean } = {},
): Promise<boolean> {
  if (event.counted || !event.tally) {
    if (published) await deleteOutboxItem(event.subject, event.stepKey);
    return true;
  }
  const key = keys.eventOutbox(event.subject, event.stepKey);
  try {
    const tally = event.tally;
    const emptyCount = tally.counters.length === 0 && tally.durations.length === 0;
    const first = await countTally(key, tally, event.at, { deleteItem: published });
    // Counted before (the item kept for the bus), or nothing to add: delete it here.
    if ((emptyCount || !first) && published) await deleteOutboxItem(event.subject, event.stepKey);
    return true;
  } catch (error) {
    logger.error('transparency count failed; the outbox keeps the event', {
      subject: event.subject,
      stepKey: event.stepKey,
      error: (error as Error).name,
      alarm: 'TransparencyCountFailed',
    });
    return false;
  }
}
