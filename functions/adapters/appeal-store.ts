import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AppealAgainst, AppealStatus, AppellantRole } from '../domain/appeals.ts';
import { caseIdOfAppeal } from '../domain/appeals.ts';
import { getItem, queryCaseItems, stripKeys } from './case-store.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys } from './keys.ts';

/** An appeal (internal complaint), kept under its case. */
export interface AppealRecord {
  appealId: string;
  caseId: string;
  /** The case's follow-up that runs it. */
  followUpId: string;
  appellant: { role: AppellantRole; id: string };
  against: AppealAgainst;
  grounds: string;
  evidenceIds: string[];
  status: AppealStatus;
  filedAt: string;
  /** The decision appealed: when it was taken, and until when it could be appealed. */
  decisionUnderAppeal: { decidedAt: string; openUntil: string };
  /** Set when a late counter-notice is handled as an appeal (EU, US non-copyright). */
  fromCounterNotice?: boolean;
  decidedAt?: string;
  decision?: 'uphold' | 'dismiss';
  reasonCode?: string;
  /** For the parties. */
  reasons?: string;
  /** Internal: reviewers only. */
  note?: string;
  /** The reviewer who decided: reviewers only. */
  deciderId?: string;
}

/** The write that records a new appeal (in the transaction that opens its follow-up). */
export function putAppealItem(appeal: AppealRecord) {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.appeal(appeal.caseId, appeal.appealId), type: 'Appeal', ...appeal },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** An appeal by id, or null. */
export async function getAppeal(appealId: string): Promise<AppealRecord | null> {
  const caseId = caseIdOfAppeal(appealId);
  if (!caseId) return null;
  return getItem<AppealRecord>(keys.appeal(caseId, appealId));
}

/** A case's appeals, oldest first. */
export async function listAppeals(caseId: string): Promise<AppealRecord[]> {
  const items = await queryCaseItems(caseId, 'APPEAL#');
  return items
    .map((item) => stripKeys(item) as unknown as AppealRecord)
    .sort((a, b) => a.filedAt.localeCompare(b.filedAt));
}

/**
 * Records the decision on an open appeal, once: a retried step finds it decided the same way
 * and is done; nothing changes an appeal decided before.
 */
export async function recordAppealDecision(
  appeal: Pick<AppealRecord, 'caseId' | 'appealId'>,
  decision: {
    decision: 'uphold' | 'dismiss';
    reasonCode: string;
    reasons: string;
    deciderId: string;
    decidedAt: string;
  },
): Promise<void> {
  await dynamo
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.appeal(appeal.caseId, appeal.appealId),
        UpdateExpression:
          'SET #status = :status, decision = :decision, reasonCode = :code, reasons = :reasons, deciderId = :by, decidedAt = :at',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': decision.decision === 'uphold' ? 'upheld' : 'dismissed',
          ':decision': decision.decision,
          ':code': decision.reasonCode,
          ':reasons': decision.reasons,
          ':by': decision.deciderId,
          ':at': decision.decidedAt,
          ':open': 'open',
        },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** The write that keeps a reviewer's internal note on the appeal (with the answer's record). */
export function appealNoteItem(appeal: Pick<AppealRecord, 'caseId' | 'appealId'>, note: string) {
  return {
    Update: {
      TableName: tableName,
      Key: keys.appeal(appeal.caseId, appeal.appealId),
      UpdateExpression: 'SET note = :note',
      ExpressionAttributeValues: { ':note': note },
    },
  };
}
