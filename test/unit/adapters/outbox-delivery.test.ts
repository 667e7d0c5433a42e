import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DeleteCommand, DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENV } from '../api/support.ts';

Object.assign(process.env, TEST_ENV, { EVENT_BUS_NAME: 'takedown-test' });
const { deliverOutboxEvents } = await import('../../../functions/adapters/outbox-delivery.ts');

const db = mockClient(DynamoDBDocumentClient);
const bus = mockClient(EventBridgeClient);

/** A bulk job's status change with nothing to count (a parked window closing). */
const closing = (i: number) => ({
  subject: `oi-${i}`,
  stepKey: 'counter_notice_window_closed',
  at: '2026-12-01T00:00:00.000Z',
  change: {
    caseId: `oi-${i}`,
    noticeId: `hit:${i}`,
    listingId: `lst-${i}`,
    jurisdiction: 'US' as const,
    infringementType: 'counterfeit' as const,
    source: 'own_initiative' as const,
    automated: true,
    receivedAt: '2026-11-17T00:00:00.000Z',
    previousStatus: 'awaiting_counter_notice',
    status: 'upheld',
    at: '2026-12-01T00:00:00.000Z',
  },
});

beforeEach(() => {
  db.reset();
  bus.reset();
  db.on(TransactWriteCommand).resolves({});
});

describe('Function: deliverOutboxEvents', () => {
  it('publishes 10 events to a PutEvents call and deletes the delivered items in one transaction', async () => {
    bus.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, i) => ({ EventId: `e-${i}` })),
    }));

    await deliverOutboxEvents(Array.from({ length: 23 }, (_, i) => closing(i)));

    expect(bus.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!.length)).toEqual([
      10, 10, 3,
    ]);
    const deletes = db.commandCalls(TransactWriteCommand);
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.args[0].input.TransactItems).toHaveLength(23);
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  it('keeps in the outbox, for the relay, each event the bus did not accept', async () => {
    bus.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'e-0' }, { ErrorCode: 'InternalFailure' }, { EventId: 'e-2' }],
    });

    await deliverOutboxEvents([closing(0), closing(1), closing(2)]);

    const deleted = db
      .commandCalls(TransactWriteCommand)[0]!
      .args[0].input.TransactItems!.map((item) => item.Delete!.Key!.pk);
    expect(deleted).toHaveLength(2);
    expect(deleted.some((pk) => String(pk).includes('oi-1'))).toBe(false);
  });

  it('keeps every item when the bus cannot be reached', async () => {
    bus.on(PutEventsCommand).rejects(new Error('network down'));

    await deliverOutboxEvents([closing(0), closing(1)]);

    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
