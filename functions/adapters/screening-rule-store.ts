import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { MatchableRule, RuleStatus, ScreeningAction } from '../domain/screening-rules.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { queuePartition } from './keys.ts';

/**
 * Screening rules in the single table:
 *
 * | Item          | pk             | sk     | gsi1 (rights holder's)      | gsi2 (queue)                          | gsi5 (active set)        | gsi6 (every rule)       |
 * |---------------|----------------|--------|-----------------------------|---------------------------------------|--------------------------|-------------------------|
 * | Rule          | SRULE#<id>     | RULE   | RH#<rh> / SRULE#<at>#<id>   | QUEUE#proactive / <at>#rule#<id> (proposed) | SRULES#ACTIVE / <id> (active) | SRULES / <at>#<id> |
 * | Rule-set head | SRULESET       | HEAD   |                             |                                       |                          |                         |
 *
 * The head holds the rule-set version and the count of active rules: every activation bumps
 * both in the same transaction as the rule's own write, so a reader that loads the active set
 * through the index can tell a lagging index (fewer rules than the head counts) from the set.
 */

export interface ScreeningRuleRecord {
  ruleId: string;
  ipRightId: string;
  rightsHolderId: string;
  terms: string[];
  exclusions: string[];
  languages: string[];
  action: ScreeningAction;
  status: RuleStatus;
  proposedBy: { role: 'rights-holder' | 'reviewer' | 'admin'; id: string };
  createdAt: string;
  /** The rule-set version its activation made. */
  activatedInVersion?: number;
  decidedAt?: string;
  decision?: { decision: 'activate' | 'reject'; reasons: string; reviewerId: string };
  /** Human audits of the rule's automated takedowns, and how many disagreed. */
  audits?: number;
  disagreements?: number;
  /** Set when disagreeing audits suspended the rule for review. */
  suspension?: { at: string; audits: number; disagreements: number };
}

export interface RuleSetHead {
  version: number;
  activeCount: number;
}

/** The rule was decided already (or is not a proposal). */
export class RuleNotProposed extends Error {
  override name = 'RuleNotProposed';
}

const HEAD_KEY = { pk: 'SRULESET', sk: 'HEAD' };
const ruleKey = (ruleId: string) => ({ pk: `SRULE#${ruleId}`, sk: 'RULE' });
export const ACTIVE_RULES_PARTITION = 'SRULES#ACTIVE';
const ALL_RULES_PARTITION = 'SRULES';
const MAX_ATTEMPTS = 5;

/** The head of the rule set (version 0 before any rule is active). Strongly consistent. */
export async function ruleSetHead(): Promise<RuleSetHead> {
  const result = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: HEAD_KEY, ConsistentRead: true }),
  );
  return {
    version: Number(result.Item?.version ?? 0),
    activeCount: Number(result.Item?.activeCount ?? 0),
  };
}

export async function getScreeningRule(ruleId: string): Promise<ScreeningRuleRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: tableName, Key: ruleKey(ruleId) }));
  return result.Item ? withoutKeys(result.Item) : undefined;
}

/**
 * Writes a new rule: a proposal waits in the `proactive` queue; an active rule (a reviewer's)
 * makes a new rule-set version at once. Returns the rule as stored.
 */
export async function createScreeningRule(
  rule: Omit<ScreeningRuleRecord, 'activatedInVersion'>,
): Promise<ScreeningRuleRecord> {
  const base = {
    ...ruleKey(rule.ruleId),
    type: 'ScreeningRule',
    ...rule,
    gsi1pk: `RH#${rule.rightsHolderId}`,
    gsi1sk: `SRULE#${rule.createdAt}#${rule.ruleId}`,
    gsi6pk: ALL_RULES_PARTITION,
    gsi6sk: `${rule.createdAt}#${rule.ruleId}`,
  };
  if (rule.status !== 'active') {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...base,
                gsi2pk: queuePartition('proactive'),
                gsi2sk: `${rule.createdAt}#rule#${rule.ruleId}`,
                queue: 'proactive',
                kind: 'screening_rule_proposal',
                taskId: `screening-rule:${rule.ruleId}`,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return rule;
  }
  return withNextVersion(async (head) => {
    const stored = { ...rule, activatedInVersion: head.version + 1 };
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { ...base, ...stored, gsi5pk: ACTIVE_RULES_PARTITION, gsi5sk: rule.ruleId },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          bumpHead(head),
        ],
      }),
    );
    return stored;
  });
}

/**
 * Decides a proposal: `activate` makes it active in a new rule-set version; `reject` closes it.
 * Either takes it off the `proactive` queue. @throws RuleNotProposed when it is not a proposal.
 */
export async function decideScreeningRule(
  ruleId: string,
  decision: { decision: 'activate' | 'reject'; reasons: string; reviewerId: string; at: string },
): Promise<ScreeningRuleRecord> {
  const current = await getScreeningRule(ruleId);
  if (!current || current.status !== 'proposed') throw new RuleNotProposed(ruleId);
  const activate = decision.decision === 'activate';
  const record: Omit<ScreeningRuleRecord, 'activatedInVersion'> = {
    ...current,
    status: activate ? 'active' : 'rejected',
    decidedAt: decision.at,
    decision: {
      decision: decision.decision,
      reasons: decision.reasons,
      reviewerId: decision.reviewerId,
    },
  };
  const update = (version?: number) => ({
    Update: {
      TableName: tableName,
      Key: ruleKey(ruleId),
      UpdateExpression: `SET #status = :status, decidedAt = :at, decision = :decision${
        version ? ', activatedInVersion = :version, gsi5pk = :active, gsi5sk = :ruleId' : ''
      } REMOVE gsi2pk, gsi2sk, #queue, reviewClaim`,
      ConditionExpression: '#status = :proposed',
      ExpressionAttributeNames: { '#status': 'status', '#queue': 'queue' },
      ExpressionAttributeValues: {
        ':status': record.status,
        ':at': decision.at,
        ':decision': record.decision,
        ':proposed': 'proposed',
        ...(version
          ? { ':version': version, ':active': ACTIVE_RULES_PARTITION, ':ruleId': ruleId }
          : {}),
      },
    },
  });
  try {
    if (!activate) {
      await dynamo.send(new TransactWriteCommand({ TransactItems: [update()] }));
      return record;
    }
    return await withNextVersion(async (head) => {
      await dynamo.send(
        new TransactWriteCommand({ TransactItems: [update(head.version + 1), bumpHead(head)] }),
      );
      return { ...record, activatedInVersion: head.version + 1 };
    });
  } catch (error) {
    if (cancelledBy(error, 0)) throw new RuleNotProposed(ruleId);
    throw error;
  }
}

/** Every active rule, through the active-set index (paged). */
export async function loadActiveRules(): Promise<MatchableRule[]> {
  const rules: MatchableRule[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi5',
        KeyConditionExpression: 'gsi5pk = :pk',
        ExpressionAttributeValues: { ':pk': ACTIVE_RULES_PARTITION },
        ProjectionExpression: 'ruleId, terms, exclusions, languages, #action',
        ExpressionAttributeNames: { '#action': 'action' },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) rules.push(item as MatchableRule);
    start = page.LastEvaluatedKey;
  } while (start);
  return rules;
}

/** A page of rules, newest first: a rights holder's own, or (no id) every rule. */
export async function listScreeningRules(input: {
  rightsHolderId?: string;
  limit: number;
  startKey?: Record<string, unknown>;
}): Promise<{ items: ScreeningRuleRecord[]; lastKey?: Record<string, unknown> }> {
  const own = input.rightsHolderId !== undefined;
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: own ? 'gsi1' : 'gsi6',
      KeyConditionExpression: own
        ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)'
        : 'gsi6pk = :pk',
      ExpressionAttributeValues: own
        ? { ':pk': `RH#${input.rightsHolderId}`, ':prefix': 'SRULE#' }
        : { ':pk': ALL_RULES_PARTITION },
      ScanIndexForward: false,
      Limit: input.limit,
      ...(input.startKey ? { ExclusiveStartKey: input.startKey } : {}),
    }),
  );
  return {
    items: (result.Items ?? []).map(withoutKeys),
    ...(result.LastEvaluatedKey ? { lastKey: result.LastEvaluatedKey } : {}),
  };
}

/** The head's update to the next version, conditional on the version read. */
function bumpHead(head: RuleSetHead, activeDelta = 1) {
  return {
    Update: {
      TableName: tableName,
      Key: HEAD_KEY,
      UpdateExpression: 'SET version = :next, activeCount = :count',
      ConditionExpression: 'attribute_not_exists(version) OR version = :version',
      ExpressionAttributeValues: {
        ':next': head.version + 1,
        ':count': head.activeCount + activeDelta,
        ':version': head.version,
      },
    },
  };
}

/** What the human audits of an active rule's automated takedowns found, so far. */
export interface RuleAudits {
  audits: number;
  disagreements: number;
}

/**
 * Counts one human audit of a takedown the rule decided (issue 19: an audit that disagrees counts
 * against the rule), atomically; answers the rule's counts after it, or null for no such rule.
 */
export async function recordRuleAudit(ruleId: string, agreed: boolean): Promise<RuleAudits | null> {
  const result = await dynamo
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: ruleKey(ruleId),
        UpdateExpression: 'ADD audits :one, disagreements :disagreed',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1, ':disagreed': agreed ? 0 : 1 },
        ReturnValues: 'ALL_NEW',
      }),
    )
    .catch((error: Error) => {
      // No such rule (deleted, or never stored): nothing to count against.
      if (error.name === 'ConditionalCheckFailedException') return null;
      throw error;
    });
  if (!result) return null;
  return {
    audits: Number(result.Attributes?.audits ?? 0),
    disagreements: Number(result.Attributes?.disagreements ?? 0),
  };
}

/**
 * Suspends an active rule for review: it leaves the active set in a new rule-set version (the
 * matcher drops it within a minute) and waits in the `proactive` queue as a proposal again, for a
 * reviewer to activate or reject at `POST /v1/screening-rules/{ruleId}/decision`. False when the
 * rule was not active (already suspended by a concurrent audit).
 */
export async function suspendScreeningRule(
  ruleId: string,
  suspension: { at: string; audits: number; disagreements: number },
): Promise<boolean> {
  try {
    await withNextVersion(async (head) => {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: ruleKey(ruleId),
                UpdateExpression:
                  'SET #status = :proposed, suspension = :suspension, gsi2pk = :queue, gsi2sk = :sk, #queue = :proactive, kind = :kind, taskId = :taskId REMOVE gsi5pk, gsi5sk',
                ConditionExpression: '#status = :active',
                ExpressionAttributeNames: { '#status': 'status', '#queue': 'queue' },
                ExpressionAttributeValues: {
                  ':proposed': 'proposed',
                  ':active': 'active',
                  ':suspension': suspension,
                  ':queue': queuePartition('proactive'),
                  ':sk': `${suspension.at}#rule#${ruleId}`,
                  ':proactive': 'proactive',
                  ':kind': 'screening_rule_proposal',
                  ':taskId': `screening-rule:${ruleId}:suspended-${suspension.at}`,
                },
              },
            },
            bumpHead(head, -1),
          ],
        }),
      );
    });
    return true;
  } catch (error) {
    if (cancelledBy(error, 0)) return false;
    throw error;
  }
}

/** Runs a write against the head as read now, again when another activation won the race. */
async function withNextVersion<T>(write: (head: RuleSetHead) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const head = await ruleSetHead();
    try {
      return await write(head);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !cancelledBy(error, 1)) throw error;
    }
  }
}

/** Whether a cancelled transaction failed the condition of its item at `index`. */
function cancelledBy(error: unknown, index: number): boolean {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return (
    (error as Error).name === 'TransactionCanceledException' &&
    reasons?.[index]?.Code === 'ConditionalCheckFailed'
  );
}

function withoutKeys(item: Record<string, unknown>): ScreeningRuleRecord {
  const {
    pk: _pk,
    sk: _sk,
    type: _type,
    gsi1pk: _g1,
    gsi1sk: _g1s,
    gsi2pk: _g2,
    gsi2sk: _g2s,
    gsi5pk: _g5,
    gsi5sk: _g5s,
    gsi6pk: _g6,
    gsi6sk: _g6s,
    queue: _queue,
    kind: _kind,
    taskId: _taskId,
    reviewClaim: _claim,
    ...rest
  } = item;
  return rest as unknown as ScreeningRuleRecord;
}
