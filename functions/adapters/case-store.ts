import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  CaseStatus,
  TimelineActor,
  TimelineEvent,
  TimelineEventType,
} from '../domain/case.ts';
import type { CaseDeadlines } from '../domain/deadlines.ts';
import type { CounterNoticeMode } from '../domain/policy.ts';
import type { LadderMeasure } from '../domain/strikes.ts';
import type { InfringementType, Jurisdiction } from '../domain/vocabulary.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys, queuePartition, statusPartition } from './keys.ts';
import { BUSINESS_METRICS, type BusinessMetric, MetricUnit, recordMetric } from './metrics.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** A case: one listing of one notice, with its own workflow, seller and clock. */
export interface CaseRecord {
  caseId: string;
  noticeId: string;
  rightsHolderId: string;
  ipRightId: string;
  listingId: string;
  jurisdiction: Jurisdiction;
  infringementType: InfringementType;
  status: CaseStatus;
  /** `notice` (DSA "on notice") or `own_initiative` (proactive screening, or a test buy). */
  source: 'notice' | 'own_initiative';
  /** An own-initiative case opened on a test buy that confirmed a counterfeit: its record. */
  testBuy?: { testBuyId: string; reportEvidenceId: string };
  createdAt: string;
  updatedAt: string;
  version: number;
  deadlines: CaseDeadlines;
  sellerId?: string;
  /** The listing's exact location and title, recorded at screening (DSA Art 16(2)(b)). */
  listingUrl?: string;
  listingTitle?: string;
  /** When the listing was posted, from the marketplace at screening (DSA Transparency Database `content_date`). */
  listingCreatedAt?: string;
  reviewQueue?: 'standard' | 'priority';
  /** The notifier held DSA Art 22 trusted-flagger status at screening (SOURCE_TRUSTED_FLAGGER). */
  trustedFlagger?: boolean;
  /** The notifier was in the accuracy-based fast lane at screening. */
  fastLane?: boolean;
  /** CN E-Commerce Law Art 42: a reversed takedown's record for a damages claim. */
  wrongfulNoticeRecord?: {
    noticeId: string;
    notifier: { rightsHolderId: string; legalName?: string; country?: string };
    takenDownAt: string;
    restoredAt: string;
    downSeconds: number;
  };
  counterNoticeMode?: CounterNoticeMode;
  takenDownAt?: string;
  /** The strike this case is attached to (strikes group by notice). */
  strikeId?: string;
  /** The seller-account measure decided with this case's strike, and whether its notice warns (DSA Art 23(1)). */
  accountMeasure?: LadderMeasure;
  carriesWarning?: boolean;
  /** The statement of reasons sent to the seller (DSA Art 17), kept for the record and transparency. */
  statementOfReasons?: Record<string, unknown>;
  /** A withdrawal, or an audit's reversal of an automated decision: the takedown is to be undone. */
  withdrawalRequestedAt?: string;
  /** The notice named more than 10 listings: its outcomes reach the notifier as an hourly digest. */
  digestOutcomes?: boolean;
  /** A reviewer's audit found the automated decision wrong (the case closes `restored`). */
  auditReversal?: { at: string; reasonCode: string; reasons: string; reviewerId: string };
  /** The auditing reviewer's internal note (never sent to a party). */
  auditNote?: string;
  duplicateOf?: string;
  reasonCode?: string;
  decision?: {
    decision: string;
    reasonCode: string;
    /** For the parties (statement of reasons, the notifier's outcome). */
    reasons?: string;
    /** Internal: reviewers only, never sent to a party. */
    note?: string;
    reviewerId: string;
    at: string;
  };
  closedAt?: string;
  /**
   * A court action or authority complaint the rights holder reported (DOMAIN.md step 7): it
   * keeps the listing down if it is recorded before the restore starts (`restoreStartedAt`).
   */
  courtAction?: {
    kind: 'lawsuit' | 'authority_complaint';
    filedAt: string;
    court: string;
    reference: string;
    evidenceIds: string[];
    reportedAt: string;
  };
  /** When the statutory restore began: from then on a court action comes too late. */
  restoreStartedAt?: string;
  /**
   * How many times the case was re-opened for takedown by a founded notifier appeal; each
   * re-opening runs the case's workflow again, with its own step keys (`@e<epoch>`).
   */
  epoch?: number;
  /** The status a case had when it was parked in `action_failed` (a follow-up restores it). */
  parkedFrom?: CaseStatus;
  /** The appeal that last re-opened the case (a retried re-opening finds it done). */
  reopenedBy?: string;
  /** Follow-up executions started for the case (appeals, late counter-notices, withdrawals). */
  followUps?: number;
  /** The follow-up now open, if any: one at a time per case. */
  openFollowUp?: { followUpId: string; kind: FollowUpKind; appealId?: string };
}

/** What a follow-up execution of a case (statemachines/redress.asl.json) handles. */
export type FollowUpKind = 'appeal' | 'counter_notice' | 'withdrawal';

/** A workflow wait that people answer through the API. The token never leaves the backend. */
export interface PendingTask {
  caseId: string;
  taskId: string;
  kind:
    | 'review'
    | 'escalated_review'
    | 'info'
    | 'counter_notice'
    | 'court_action'
    | 're_review'
    | 'retry'
    | 'appeal';
  queue?: string;
  /** For an appeal's wait: the appeal it decides. */
  appealId?: string;
  /** The Step Functions task token: a bearer secret, stored only here. */
  token: string;
  stepKey: string;
  createdAt: string;
  dueAt?: string;
  noticeId: string;
  /** Set for an own-initiative case, so the queue can tell it from a notice's. */
  source?: 'own_initiative';
  listingId: string;
  infringementType: InfringementType;
  jurisdiction: Jurisdiction;
  parkedAt?: string;
  /** For the queue's summary: what the reviewer sees before opening the case. */
  listingTitle?: string;
  sellerId?: string;
  rightsHolderName?: string;
  /** A reviewer working the task; others wait until it is released or `until` passes. */
  reviewClaim?: ReviewClaim;
}

/** Who works a queued task, and until when the claim holds. */
export interface ReviewClaim {
  reviewerId: string;
  until: string;
}

/** The step was applied before (a retried task): nothing was written. */
export class StepAlreadyApplied extends Error {
  override name = 'StepAlreadyApplied';
}

/** The case is not in a status the step may act on. */
export class CaseStateConflict extends Error {
  override name = 'CaseStateConflict';
}

/** A transient write conflict: the workflow retries the task (ASL Retry on TransientError). */
export class TransientError extends Error {
  override name = 'TransientError';
}

export interface CaseStep {
  /** Unique per step occurrence (e.g. `review#0`): the same step twice writes once. */
  stepKey: string;
  at: string;
  /** The statuses the case must be in; omit to allow any. */
  from?: readonly CaseStatus[];
  /** Attributes the case must not have (e.g. a court action racing the restore). */
  unless?: readonly (keyof CaseRecord)[];
  set?: Partial<Omit<CaseRecord, 'caseId' | 'version'>>;
  remove?: readonly (keyof CaseRecord)[];
  event?: { type: TimelineEventType; actor: TimelineActor; detail?: Record<string, unknown> };
  /** More writes in the same transaction (pending task, strike, seller, lock). */
  also?: readonly TransactItem[];
}

/**
 * A step key within the case's current epoch: the case's first run uses the key as it is; a run
 * re-opened by a founded notifier appeal (epoch n) uses `<key>@e<n>`, so its steps, tasks and
 * emails are new while those of earlier runs stay applied.
 */
export function epochScoped(record: Pick<CaseRecord, 'epoch'>, key: string): string {
  return record.epoch ? `${key}@e${record.epoch}` : key;
}

/** Reads a case. */
export async function getCase(caseId: string): Promise<CaseRecord | null> {
  const result = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.case(caseId), ConsistentRead: true }),
  );
  return result.Item ? (stripKeys(result.Item) as unknown as CaseRecord) : null;
}

/** The items of a case's partition whose sort key starts with `prefix`, in key order. */
export async function queryCaseItems(
  caseId: string,
  prefix: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.case(caseId).pk, ':prefix': prefix },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** A case's timeline, oldest first. */
export async function getTimeline(caseId: string): Promise<TimelineEvent[]> {
  return (await queryCaseItems(caseId, 'EVENT#')).map((item) => ({
    at: item.at as string,
    actor: item.actor as TimelineEvent['actor'],
    type: item.eventType as TimelineEvent['type'],
    detail: (item.detail as Record<string, unknown>) ?? {},
  }));
}

/**
 * Applies one workflow step atomically: a step guard (so a retried task writes nothing twice), the
 * case update (conditional on its status), the timeline event, and any related writes.
 * Throws StepAlreadyApplied, CaseStateConflict, or TransientError.
 */
export async function applyCaseStep(caseId: string, step: CaseStep): Promise<void> {
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: caseStepItems(caseId, step) }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed')
        throw new StepAlreadyApplied(`step ${step.stepKey} of case ${caseId} was applied before`);
      if (reasons[1]?.Code === 'ConditionalCheckFailed')
        throw new CaseStateConflict(
          `case ${caseId} is not in ${step.from?.join('|') ?? 'an existing state'}${step.unless ? ` or has ${step.unless.join('|')}` : ''}`,
        );
      if (reasons.some((r) => r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError'))
        throw new TransientError('transaction conflict');
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      throw new CaseStateConflict(`case ${caseId}: condition of write ${failed} failed`);
    }
    throw error;
  }
  await recordStepMetrics(caseId, step);
}

/** The most steps of different cases one transaction applies (TransactWriteItems takes 100 items). */
export const MAX_STEPS_PER_TRANSACTION = 20;

/**
 * Applies steps of different cases in one transaction, all or none (a bulk job's steps, e.g.
 * closing parked windows): each step writes as `applyCaseStep` writes it. False when the
 * transaction was refused (a step applied before, a case that moved meanwhile, a conflict): the
 * caller then applies them one by one, which says which.
 */
export async function applyCaseSteps(
  steps: readonly { caseId: string; step: CaseStep }[],
): Promise<boolean> {
  const items = steps.flatMap(({ caseId, step }) => caseStepItems(caseId, step));
  if (items.length > 100) throw new Error(`${items.length} items exceed one transaction`);
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) return false;
    throw error;
  }
  for (const { caseId, step } of steps) await recordStepMetrics(caseId, step);
  return true;
}

/** The writes of one step: its guard, the case update, its timeline event, the related writes. */
function caseStepItems(caseId: string, step: CaseStep): TransactItem[] {
  const names: Record<string, string> = { '#updatedAt': 'updatedAt', '#version': 'version' };
  const values: Record<string, unknown> = { ':updatedAt': step.at, ':one': 1 };
  const sets = ['#updatedAt = :updatedAt', '#version = #version + :one'];
  // The status index follows the status.
  const set = step.set?.status
    ? { ...step.set, gsi4pk: statusPartition(step.set.status) }
    : (step.set ?? {});
  Object.entries(set).forEach(([field, value], i) => {
    if (value === undefined) return;
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    sets.push(`#f${i} = :v${i}`);
  });
  const removes = (step.remove ?? []).map((field, i) => {
    names[`#r${i}`] = field;
    return `#r${i}`;
  });
  let condition = 'attribute_exists(pk)';
  if (step.from && step.from.length > 0) {
    names['#status'] = 'status';
    condition += ` AND #status IN (${step.from.map((_, i) => `:from${i}`).join(', ')})`;
    step.from.forEach((status, i) => {
      values[`:from${i}`] = status;
    });
  }
  (step.unless ?? []).forEach((field, i) => {
    names[`#u${i}`] = field;
    condition += ` AND attribute_not_exists(#u${i})`;
  });
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.step(caseId, step.stepKey),
          type: 'StepGuard',
          stepKey: step.stepKey,
          at: step.at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.case(caseId),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  ];
  if (step.event) {
    items.push({
      Put: {
        TableName: tableName,
        Item: {
          ...keys.event(caseId, step.at, step.stepKey),
          type: 'TimelineEvent',
          at: step.at,
          actor: step.event.actor,
          eventType: step.event.type,
          detail: step.event.detail ?? {},
          stepKey: step.stepKey,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  items.push(...(step.also ?? []));
  return items;
}

/** Timeline events the business metrics count, with the metric and dimension each adds to. */
const EVENT_METRICS: Partial<Record<TimelineEventType, [BusinessMetric, Record<string, string>]>> =
  {
    screened: [BUSINESS_METRICS.screeningVerdicts, { Verdict: 'passed' }],
    screening_rejected: [BUSINESS_METRICS.screeningVerdicts, { Verdict: 'rejected' }],
    duplicate_linked: [BUSINESS_METRICS.screeningVerdicts, { Verdict: 'duplicate' }],
    review_escalated: [BUSINESS_METRICS.reviewSlaBreaches, { Stage: 'review' }],
    review_overdue: [BUSINESS_METRICS.reviewSlaBreaches, { Stage: 'escalated_review' }],
  };

/**
 * Counts a step as it happens (a step is applied once, so it is counted once): screening verdicts,
 * review SLA breaches, and the time from a notice to its listing's takedown.
 */
async function recordStepMetrics(caseId: string, step: CaseStep): Promise<void> {
  const counted = step.event ? EVENT_METRICS[step.event.type] : undefined;
  if (counted) recordMetric(counted[0], counted[1]);
  if (step.set?.takenDownAt) {
    const record = await getCase(caseId);
    if (!record) return;
    const seconds = (Date.parse(step.set.takenDownAt) - Date.parse(record.createdAt)) / 1000;
    recordMetric(
      BUSINESS_METRICS.timeToTakedown,
      { Jurisdiction: record.jurisdiction },
      { value: seconds, unit: MetricUnit.Seconds },
    );
  }
}

/** The write that records a pending task (with its token), to pass to `applyCaseStep({ also })`. */
export function putPendingTaskItem(task: PendingTask): TransactItem {
  // The queue index sorts by due time, so the most urgent task of a queue comes first.
  const queued = task.queue
    ? {
        gsi2pk: queuePartition(task.queue),
        gsi2sk: `${task.dueAt ?? task.createdAt}#${task.caseId}`,
      }
    : {};
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.pendingTask(task.caseId), type: 'PendingTask', ...task, ...queued },
    },
  };
}

/** The case's pending task, if it waits on one. */
export async function getPendingTask(caseId: string): Promise<PendingTask | null> {
  const result = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.pendingTask(caseId), ConsistentRead: true }),
  );
  return result.Item ? (stripKeys(result.Item) as unknown as PendingTask) : null;
}

/** The write that removes the case's pending task, if it is still the one given. */
export function deletePendingTaskItem(caseId: string, taskId: string): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: keys.pendingTask(caseId),
      ConditionExpression: 'attribute_not_exists(pk) OR taskId = :taskId',
      ExpressionAttributeValues: { ':taskId': taskId },
    },
  };
}

/** Removes the case's pending task (whatever it is): the case no longer waits on input. */
export async function clearPendingTask(caseId: string): Promise<void> {
  await dynamo.send(new DeleteCommand({ TableName: tableName, Key: keys.pendingTask(caseId) }));
}

/** The open case of a listing and IP right, if any (duplicate detection). */
export async function getOpenCaseLock(
  listingId: string,
  ipRightId: string,
): Promise<string | null> {
  const result = await dynamo.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.openCase(listingId, ipRightId),
      ConsistentRead: true,
    }),
  );
  return (result.Item?.caseId as string | undefined) ?? null;
}

/** The write that claims the open-case lock for a case (fails if another case holds it). */
export function claimOpenCaseLockItem(
  listingId: string,
  ipRightId: string,
  caseId: string,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.openCase(listingId, ipRightId), type: 'OpenCaseLock', caseId },
      ConditionExpression: 'attribute_not_exists(pk) OR caseId = :caseId',
      ExpressionAttributeValues: { ':caseId': caseId },
    },
  };
}

/** The write that releases the open-case lock, if this case holds it. */
export function releaseOpenCaseLockItem(
  listingId: string,
  ipRightId: string,
  caseId: string,
): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: keys.openCase(listingId, ipRightId),
      ConditionExpression: 'attribute_not_exists(pk) OR caseId = :caseId',
      ExpressionAttributeValues: { ':caseId': caseId },
    },
  };
}

/**
 * Writes an item once (idempotency records, profiles); false if it existed. With `now` (epoch
 * seconds), an item whose `ttl` has passed counts as absent and is replaced: DynamoDB deletes
 * expired items only within days, and until then they must not answer as if alive.
 */
export async function putIfAbsent(
  item: Record<string, unknown>,
  options: { now?: number } = {},
): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ...(options.now === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
              ExpressionAttributeNames: { '#ttl': 'ttl' },
              ExpressionAttributeValues: { ':now': options.now },
            }),
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Reads any item by key, without its key attributes. */
export async function getItem<T>(key: { pk: string; sk: string }): Promise<T | null> {
  const result = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  return result.Item ? (stripKeys(result.Item) as T) : null;
}

/** An item without its key and index attributes and its type tag. */
export function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _a,
    gsi1sk: _b,
    gsi2pk: _c,
    gsi2sk: _d,
    gsi3pk: _e,
    gsi3sk: _f,
    gsi4pk: _g,
    gsi4sk: _h,
    gsi5pk: _i,
    gsi5sk: _j,
    gsi6pk: _k,
    gsi6sk: _l,
    type: _type,
    ...rest
  } = item;
  return rest;
}
