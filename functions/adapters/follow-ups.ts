import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { followUpExecutionName, startNamedExecution } from './case-execution.ts';
import type { CaseRecord, CaseStep, FollowUpKind } from './case-store.ts';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { FOLLOW_UP_START_PARTITION, keys } from './keys.ts';

/**
 * Follow-up executions of a case (statemachines/redress.asl.json): an appeal, a late
 * counter-notice, a withdrawal after closure. Nothing waits months inside the case's own
 * execution; each follow-up is a small execution of its own, one open at a time per case.
 *
 * Opening one is part of the case step that records it (the API's transaction): the case's
 * follow-up counter and `openFollowUp`, and a follow-up item carrying a pending-start marker (the
 * outbox). The API then starts the execution, named from the case, the kind and the counter, so
 * a retried start is idempotent, and clears the marker; the reconciler starts what a crash left.
 */
export interface FollowUpStart {
  caseId: string;
  n: number;
  followUpId: string;
  kind: FollowUpKind;
  executionName: string;
  executionInput: string;
}

/**
 * The parts of a case step that open a follow-up: the case's new counter and open follow-up (the
 * step must not find one open: `unless: ['openFollowUp']`) and the follow-up item.
 */
export function openFollowUp(
  record: Pick<CaseRecord, 'caseId' | 'followUps'>,
  kind: FollowUpKind,
  at: string,
  input: Record<string, unknown> = {},
  appealId?: string,
): { step: Pick<CaseStep, 'set' | 'unless' | 'also'>; start: FollowUpStart } {
  const n = (record.followUps ?? 0) + 1;
  const followUpId = `f${n}`;
  const start: FollowUpStart = {
    caseId: record.caseId,
    n,
    followUpId,
    kind,
    executionName: followUpExecutionName(record.caseId, kind, n),
    executionInput: JSON.stringify({ v: 1, caseId: record.caseId, kind, followUpId, ...input }),
  };
  return {
    start,
    step: {
      set: { followUps: n, openFollowUp: { followUpId, kind, ...(appealId ? { appealId } : {}) } },
      unless: ['openFollowUp'],
      also: [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.followUp(record.caseId, n),
              type: 'FollowUp',
              ...start,
              createdAt: at,
              gsi2pk: FOLLOW_UP_START_PARTITION,
              gsi2sk: `${at}#${record.caseId}#${n}`,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    },
  };
}

/** Starts a follow-up's execution (idempotently by name) and clears its pending-start marker. */
export async function startFollowUp(start: FollowUpStart): Promise<void> {
  await startNamedExecution('redress', start.executionName, start.executionInput);
  await dynamo
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.followUp(start.caseId, start.n),
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': FOLLOW_UP_START_PARTITION },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** Follow-ups written but maybe not started, older than `before`, oldest first. */
export async function listPendingFollowUps(before: Date, limit = 100): Promise<FollowUpStart[]> {
  const items = await queryDue(FOLLOW_UP_START_PARTITION, before, limit);
  return items.map((item) => ({
    caseId: String(item.caseId),
    n: Number(item.n),
    followUpId: String(item.followUpId),
    kind: item.kind as FollowUpKind,
    executionName: String(item.executionName),
    executionInput: String(item.executionInput),
  }));
}

/** Marks the case's follow-up as ended, so the next may open (a retried call is a no-op). */
export async function closeFollowUp(caseId: string, followUpId: string): Promise<void> {
  await dynamo
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.case(caseId),
        UpdateExpression: 'REMOVE openFollowUp',
        ConditionExpression: 'openFollowUp.followUpId = :id',
        ExpressionAttributeValues: { ':id': followUpId },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}
