import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  DynamoDBDocumentClient,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

Object.assign(process.env, {
  TABLE_NAME: 'takedown-test',
  AWS_REGION: 'us-east-1',
  EVIDENCE_BUCKET: 'takedown-test-evidence',
  TAKEDOWN_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:takedown',
  REDRESS_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:redress',
  BULK_NOTICE_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:bulk-notice',
});
const { handler } = await import('../../functions/jobs/reconcile-case-starts.ts');
const { PENDING_START_PARTITION } = await import('../../functions/adapters/case-start-outbox.ts');
const { PENDING_FAN_OUT_PARTITION } = await import('../../functions/adapters/bulk-notice-store.ts');
const { FOLLOW_UP_START_PARTITION } = await import('../../functions/adapters/keys.ts');

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const old = '2026-01-01T00:00:00.000Z';
const caseMarker = (caseId: string, counter?: { pk: string; sk: string }) => ({
  pk: `CASE#${caseId}`,
  sk: 'CASE',
  caseId,
  gsi2pk: PENDING_START_PARTITION,
  gsi2sk: `${old}#${caseId}`,
  executionInput: JSON.stringify({ v: 1, caseId }),
  ...(counter ? { startCounter: counter } : {}),
});
const fanOutMarker = (noticeId: string) => ({
  pk: `NOTICE#${noticeId}`,
  sk: 'NOTICE',
  noticeId,
  gsi2pk: PENDING_FAN_OUT_PARTITION,
  gsi2sk: `${old}#${noticeId}`,
});

/** The keys whose markers the reconciler cleared (plain updates and transactions). */
function clearedKeys(): string[] {
  const updates = db.commandCalls(UpdateCommand).map((c) => String(c.args[0].input.Key?.pk));
  const transactions = db
    .commandCalls(TransactWriteCommand)
    .flatMap((c) => c.args[0].input.TransactItems ?? [])
    .filter((item) => item.Update?.ConditionExpression === 'gsi2pk = :pk')
    .map((item) => String(item.Update?.Key?.pk));
  return [...updates, ...transactions];
}

const started = () =>
  sfn.commandCalls(StartExecutionCommand).map((c) => String(c.args[0].input.name));

beforeEach(() => {
  db.reset();
  sfn.reset();
  db.on(QueryCommand).resolves({ Items: [] });
  db.on(UpdateCommand).resolves({});
  db.on(TransactWriteCommand).resolves({});
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:started', startDate: new Date() });
});

describe('Job: reconcile case starts', () => {
  it('goes on past a fan-out whose start fails: the next one starts, and only the failed one keeps its marker', async () => {
    db.on(QueryCommand, {
      ExpressionAttributeValues: { ':pk': PENDING_FAN_OUT_PARTITION },
    }).resolves({ Items: [fanOutMarker('ntc-broken'), fanOutMarker('ntc-fine')] });
    sfn
      .on(StartExecutionCommand, { name: 'fan-out-ntc-broken' })
      .rejects(Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable' }));

    const result = await handler();

    expect(started()).toEqual(['fan-out-ntc-broken', 'fan-out-ntc-fine']);
    expect(clearedKeys()).toEqual(['NOTICE#ntc-fine']);
    expect(result).toEqual({ started: 1, failed: 1 });
  });

  it('goes on past a case whose start fails, and past a kind it cannot list: the other cases, follow-ups and fan-outs start', async () => {
    const counter = { pk: 'NOTICE#ntc-bulk', sk: 'BATCH#00001' };
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': PENDING_START_PARTITION } }).resolves(
      {
        Items: [caseMarker('case-a', counter), caseMarker('case-b', counter), caseMarker('case-c')],
      },
    );
    db.on(QueryCommand, {
      ExpressionAttributeValues: { ':pk': PENDING_FAN_OUT_PARTITION },
    }).resolves({ Items: [fanOutMarker('ntc-next')] });
    // The follow-ups' partition cannot be read this time.
    db.on(QueryCommand, {
      ExpressionAttributeValues: { ':pk': FOLLOW_UP_START_PARTITION },
    }).rejects(
      Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' }),
    );
    sfn
      .on(StartExecutionCommand, { name: 'case-case-b' })
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));

    const result = await handler();

    expect(started()).toEqual(['case-case-a', 'case-case-b', 'case-case-c', 'fan-out-ntc-next']);
    expect(clearedKeys().sort()).toEqual(['CASE#case-a', 'CASE#case-c', 'NOTICE#ntc-next']);
    // case-a is counted on its bulk notice's batch in the transaction that clears its marker.
    const counted = db
      .commandCalls(TransactWriteCommand)
      .flatMap((c) => c.args[0].input.TransactItems ?? [])
      .filter((item) => item.Update?.Key?.sk === 'BATCH#00001');
    expect(counted).toHaveLength(1);
    expect(counted[0]?.Update?.ExpressionAttributeValues).toEqual({ ':n': 1 });
    expect(result.started).toBe(3);
    expect(result.failed).toBe(2);
  });
});
