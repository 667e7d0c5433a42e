import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { followUpExecutionName, startNamedExecution } from '../adapters/case-execution.ts';
import {
  type CaseRecord,
  CaseStateConflict,
  getCase,
  getItem,
  StepAlreadyApplied,
} from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import { keys } from '../adapters/keys.ts';
import { logger } from '../adapters/logger.ts';
import { loadCase, WORKFLOW_ACTOR } from './lib/context.ts';
import { applyWorkflowStep } from './lib/step.ts';
import { parseTaskInput, taskInput } from './lib/task-input.ts';

const input = taskInput({
  step: z.literal('reopen'),
  appealId: z.string().min(1).max(200),
  decision: z
    .object({
      decision: z.literal('uphold'),
      reasonCode: z.string(),
      reasons: z.string(),
      reviewerId: z.string(),
      at: z.string(),
    })
    .loose(),
});

/** What a run of the case leaves that the next run computes again. */
const RUN_FIELDS = [
  'takenDownAt',
  'strikeId',
  'accountMeasure',
  'carriesWarning',
  'counterNoticeMode',
  'closedAt',
  'statementOfReasons',
  'restoreStartedAt',
  'courtAction',
] as const satisfies readonly (keyof CaseRecord)[];

/**
 * Re-opens a rejected or restored case for takedown after a founded notifier appeal (DSA Art 20):
 * 1. once: the case's next epoch, status `taking_down`, the appeal's decision as the approval,
 *    and what the last run computed cleared (its counter-notice kept aside as history);
 * 2. the duplicate lock on the listing taken again, unless another open case holds it;
 * 3. a new execution of the case's state machine that starts at the takedown, named from the
 *    case and the epoch, so a retried start is idempotent. That run strikes, notifies the seller
 *    with a statement of reasons, and opens a counter-notice window, as any takedown does.
 */
export async function handler(event: unknown): Promise<{ reopened: true; epoch: number }> {
  const task = parseTaskInput(input, event);
  const record = await loadCase(task.caseId);
  const decision = {
    decision: 'approve',
    reasonCode: task.decision.reasonCode,
    reasons: task.decision.reasons,
    reviewerId: task.decision.reviewerId,
    at: task.decision.at,
  };
  if (record.reopenedBy !== task.appealId) await reopen(record, task.appealId, decision);
  const latest = (await getCase(task.caseId)) ?? record;
  const epoch = latest.epoch ?? 0;
  await dynamo
    .send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.openCase(latest.listingId, latest.ipRightId),
          type: 'OpenCaseLock',
          caseId: latest.caseId,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR caseId = :caseId',
        ExpressionAttributeValues: { ':caseId': latest.caseId },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
      logger.warn('another open case holds the listing; the re-opened case runs beside it', {
        caseId: latest.caseId,
      });
    });
  await startNamedExecution(
    'takedown',
    followUpExecutionName(latest.caseId, 'reopen', epoch),
    JSON.stringify({
      v: 1,
      caseId: latest.caseId,
      resume: 'take_down',
      decision: { type: 'decision', ...decision },
    }),
  );
  return { reopened: true, epoch };
}

async function reopen(
  record: CaseRecord,
  appealId: string,
  decision: NonNullable<CaseRecord['decision']>,
): Promise<void> {
  const at = clock.now().toISOString();
  const epoch = (record.epoch ?? 0) + 1;
  const counterNotice = await getItem<Record<string, unknown>>(keys.counterNotice(record.caseId));
  const setAside = counterNotice
    ? [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...counterNotice,
              pk: keys.counterNotice(record.caseId).pk,
              sk: `COUNTER_NOTICE#e${epoch - 1}`,
            },
          },
        },
        { Delete: { TableName: tableName, Key: keys.counterNotice(record.caseId) } },
      ]
    : [];
  try {
    await applyWorkflowStep(record.caseId, {
      stepKey: `reopen#${appealId}`,
      at,
      from: ['rejected', 'restored'],
      set: {
        epoch,
        reopenedBy: appealId,
        status: 'taking_down',
        deadlines: {},
        decision,
      },
      remove: RUN_FIELDS,
      event: { type: 'case_reopened', actor: WORKFLOW_ACTOR, detail: { appealId, epoch } },
      also: setAside,
    });
  } catch (error) {
    if (error instanceof StepAlreadyApplied) return;
    if (error instanceof CaseStateConflict) {
      const latest = await getCase(record.caseId);
      if (latest?.reopenedBy === appealId) return;
    }
    throw error;
  }
}
