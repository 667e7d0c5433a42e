import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type CaseRecord, getItem } from './case-store.ts';
import { tableName } from './dynamo-client.ts';
import { keys, queuePartition } from './keys.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/**
 * The human audit of an automated decision (DSA Art 20(6) and 23: automated decisions stay under
 * human oversight): a share of automated approvals waits in the `proactive` queue, decided at the
 * case decision route with `uphold | restore`. The case's workflow does not wait for it: the
 * audit is after the fact, and a `restore` undoes the takedown wherever the case then is.
 */
export interface AuditTask {
  taskId: string;
  kind: 'audit';
  queue: 'proactive';
  caseId: string;
  noticeId: string;
  listingId: string;
  listingTitle?: string;
  sellerId?: string;
  jurisdiction: string;
  infringementType: string;
  /** Why the decision was automated (e.g. `fast_lane_test_buy`). */
  basis: string;
  createdAt: string;
  dueAt: string;
}

/** The audit task's public id (`audit:<caseId>:<epoch>`). */
export const auditTaskId = (record: Pick<CaseRecord, 'caseId' | 'epoch'>) =>
  `audit:${record.caseId}:${record.epoch ?? 0}`;

/** The write that opens a case's audit, for the transaction of the step that decided. */
export function putAuditTaskItem(task: AuditTask): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.audit(task.caseId),
        type: 'AuditTask',
        ...task,
        gsi2pk: queuePartition(task.queue),
        gsi2sk: `${task.dueAt}#${task.caseId}`,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The write that closes the audit, if it is still the one given. */
export function deleteAuditTaskItem(caseId: string, taskId: string): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: keys.audit(caseId),
      ConditionExpression: 'taskId = :taskId',
      ExpressionAttributeValues: { ':taskId': taskId },
    },
  };
}

/** The case's open audit, with any reviewer's claim on it. */
export async function getAuditTask(
  caseId: string,
): Promise<(AuditTask & { reviewClaim?: { reviewerId: string; until: string } }) | null> {
  return getItem(keys.audit(caseId));
}
