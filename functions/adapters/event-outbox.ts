import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseStatusChanged } from './domain-events.ts';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { EVENT_OUTBOX_PARTITION, keys } from './keys.ts';

type TransactItem = { Put: { TableName: string; Item: Record<string, unknown> } };

/**
 * The domain-event outbox: a status change writes its event here in the same transaction as the
 * change, and the item is deleted once the bus accepted the event. What an outage leaves behind,
 * the event relay (a scheduled job) publishes later: at least once, never lost.
 */
export function outboxItem(change: CaseStatusChanged, stepKey: string): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.eventOutbox(change.caseId, stepKey),
        type: 'EventOutbox',
        stepKey,
        change,
        gsi2pk: EVENT_OUTBOX_PARTITION,
        gsi2sk: `${change.at}#${change.caseId}#${stepKey}`,
      },
    },
  };
}

export async function deleteOutboxItem(caseId: string, stepKey: string): Promise<void> {
  await dynamo.send(
    new DeleteCommand({ TableName: tableName, Key: keys.eventOutbox(caseId, stepKey) }),
  );
}

/** Events still waiting in the outbox, written before `before`, oldest first. */
export async function listOutbox(
  before: Date,
  limit = 100,
): Promise<{ stepKey: string; change: CaseStatusChanged }[]> {
  const items = await queryDue(EVENT_OUTBOX_PARTITION, before, limit);
  return items.map((item) => ({
    stepKey: String(item.stepKey),
    change: item.change as CaseStatusChanged,
  }));
}
