import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

Object.assign(process.env, {
  TABLE_NAME: 'takedown-test',
  AWS_REGION: 'us-east-1',
  EVENT_BUS_NAME: 'takedown-test-bus',
});
const { applyWorkflowStep } = await import('../../functions/workflow/lib/step.ts');
const { handler: relay } = await import('../../functions/jobs/relay-domain-events.ts');

const db = mockClient(DynamoDBDocumentClient);
const bus = mockClient(EventBridgeClient);

const record = {
  caseId: 'case-1',
  noticeId: 'ntc-1',
  listingId: 'lst-1',
  jurisdiction: 'US',
  infringementType: 'trademark',
  status: 'screening',
  source: 'notice',
  createdAt: '2026-11-28T11:00:00.000Z',
};
const step = {
  stepKey: 'screen',
  at: '2026-11-28T12:00:00.000Z',
  set: { status: 'awaiting_review' as const },
};

beforeEach(() => {
  db.reset();
  bus.reset();
  db.on(GetCommand).resolves({ Item: { pk: 'CASE#case-1', sk: 'CASE', ...record } });
  db.on(TransactWriteCommand).resolves({});
  db.on(DeleteCommand).resolves({});
});

describe('Function: applyWorkflowStep', () => {
  it('writes the status change and its event to the outbox in one transaction, publishes it, then counts it and clears the outbox in one transaction', async () => {
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });

    await applyWorkflowStep('case-1', step);

    const items = db.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const outbox = items.find((i) => String(i.Put?.Item?.pk).startsWith('OUTBOX#'));
    expect(outbox?.Put?.Item).toMatchObject({
      pk: 'OUTBOX#case-1',
      sk: 'EVENT#screen',
      change: { caseId: 'case-1', status: 'awaiting_review', previousStatus: 'screening' },
      tally: { day: '2026-11-28', counters: expect.arrayContaining(['received']) },
    });
    const sent = bus.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries![0]!;
    expect(sent).toMatchObject({
      EventBusName: 'takedown-test-bus',
      Source: 'takedown',
      DetailType: 'CaseStatusChanged',
    });
    const count = db.commandCalls(TransactWriteCommand)[1]!.args[0].input.TransactItems!;
    expect(count[0]?.Delete).toMatchObject({
      Key: { pk: 'OUTBOX#case-1', sk: 'EVENT#screen' },
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(counted)',
    });
    expect(count.some((i) => i.Update?.ExpressionAttributeNames?.['#a0'] === 'c:received')).toBe(
      true,
    );
  });

  it('keeps the event in the outbox when the bus is down, and the step still succeeds', async () => {
    bus.on(PutEventsCommand).rejects(new Error('ServiceUnavailable'));

    await applyWorkflowStep('case-1', step);

    // The step, then its count, which marks the outbox item counted and keeps it for the bus.
    const [, count] = db.commandCalls(TransactWriteCommand);
    expect(count!.args[0].input.TransactItems![0]?.Update).toMatchObject({
      Key: { pk: 'OUTBOX#case-1', sk: 'EVENT#screen' },
      UpdateExpression: 'SET counted = :at',
    });
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
    expect(
      db
        .commandCalls(TransactWriteCommand)
        .some((c) => c.args[0].input.TransactItems!.some((i) => i.Delete)),
    ).toBe(false);
  });
});

describe('Function: relay-domain-events handler', () => {
  it('publishes what the outbox kept, oldest first, and clears each accepted event', async () => {
    const change = { ...record, status: 'awaiting_review', at: step.at };
    db.on(QueryCommand).resolves({
      Items: [
        { stepKey: 'screen', change },
        { stepKey: 'review#0', change: { ...change, status: 'taking_down' } },
      ],
    });
    bus
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] })
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'x' }] });

    const result = await relay();

    expect(result).toEqual({ published: 1, pending: 1 });
    expect(db.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key)).toEqual([
      { pk: 'OUTBOX#case-1', sk: 'EVENT#screen' },
    ]);
  });
});
