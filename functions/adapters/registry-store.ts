import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { addDuration } from '../domain/duration.ts';
import type { VerificationStatus } from '../domain/eligibility.ts';
import type { Locale } from '../domain/locale.ts';
import type { IpRightKind, Jurisdiction } from '../domain/vocabulary.ts';
import { getItem } from './case-store.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys, queuePartition } from './keys.ts';
import { type Page, queryPartyPage } from './party-items.ts';
import { policy } from './policy-source.ts';
import { ClaimedByAnother } from './review-claim-errors.ts';

/** When a verification registered at `createdAt` is due: its place in the review queue. */
const verificationDueAt = (createdAt: string) =>
  addDuration(new Date(createdAt), policy.review.verificationSla).toISOString();

/**
 * The registry: rights holders (linked to the user who registered them) and their IP rights, with
 * their verification by reviewers. Both wait in a reviewer queue (gsi2) while pending.
 */

/** A reviewer's verification decision, kept on the item it decided. */
export interface VerificationDecision {
  decision: 'verify' | 'reject';
  reason: string;
  reviewerId: string;
  at: string;
}

/**
 * A rights holder's profile. Contact details are personal data and live only here (DOMAIN.md).
 * `entityType` is the API's `type` (the seeded profile's attribute name).
 */
export interface RightsHolderProfile {
  rightsHolderId: string;
  ownerSub: string;
  legalName: string;
  entityType: 'company' | 'individual';
  country: string;
  address: string;
  email: string;
  phone: string;
  agentFor?: { principal: string; authorizationEvidenceId: string };
  status: VerificationStatus;
  createdAt: string;
  verifiedAt?: string;
  rejectedAt?: string;
  verification?: VerificationDecision;
  /** DSA Art 23(2): the processing of its notices is suspended until then. */
  suspendedUntil?: string;
  /**
   * A Digital Services Coordinator's trusted-flagger award (DSA Art 22), as an admin recorded it.
   * Never earned by accuracy on this platform (that is the fast lane).
   */
  trustedFlagger?: { coordinator: string; reference: string; areas: string[]; since: string };
  /** The language and IANA time zone the rights holder reads in; absent: from its country. */
  locale?: Locale;
  timeZone?: string;
}

export interface IpRightProfile {
  ipRightId: string;
  rightsHolderId: string;
  kind: IpRightKind;
  title: string;
  registrationNumber?: string;
  jurisdiction: Jurisdiction;
  owner: string;
  validUntil?: string;
  proofEvidenceIds: string[];
  status: VerificationStatus;
  createdAt: string;
  verifiedAt?: string;
  rejectedAt?: string;
  verification?: VerificationDecision;
}

/** The user already registered a rights holder (one per `sub`). */
export class AlreadyRegistered extends Error {
  override name = 'AlreadyRegistered';
}

/** The rights holder or IP right was decided before: a second decision conflicts. */
export class AlreadyDecided extends Error {
  override name = 'AlreadyDecided';
}

export const RIGHTS_HOLDER_QUEUE = 'rights_holders';
export const IP_RIGHT_QUEUE = 'ip_rights';

/**
 * Registers a rights holder, `pending_verification`, linked to the registering user's `sub`: the
 * link and the profile are written together, and the link only if the user has none.
 *
 * @throws AlreadyRegistered when the user is linked to a rights holder already.
 */
export async function registerRightsHolder(profile: RightsHolderProfile): Promise<void> {
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.subLink(profile.ownerSub),
                type: 'RightsHolderLink',
                rightsHolderId: profile.rightsHolderId,
                createdAt: profile.createdAt,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.rightsHolder(profile.rightsHolderId),
                type: 'RightsHolder',
                ...profile,
                queue: RIGHTS_HOLDER_QUEUE,
                dueAt: verificationDueAt(profile.createdAt),
                gsi2pk: queuePartition(RIGHTS_HOLDER_QUEUE),
                gsi2sk: `${verificationDueAt(profile.createdAt)}#${profile.rightsHolderId}`,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed')
      throw new AlreadyRegistered('this user already registered a rights holder');
    throw error;
  }
}

export const getRightsHolder = (rightsHolderId: string) =>
  getItem<RightsHolderProfile>(keys.rightsHolder(rightsHolderId));

/** Records a reviewer's decision on a pending rights holder and takes it off the queue. */
export function decideRightsHolder(
  rightsHolderId: string,
  decision: VerificationDecision,
): Promise<RightsHolderProfile> {
  return decidePending<RightsHolderProfile>(keys.rightsHolder(rightsHolderId), decision);
}

/**
 * Registers an IP right, `pending_verification`, listed under its rights holder and queued
 * (with the rights holder's name, for the queue's summary).
 */
export async function registerIpRight(
  ipRight: IpRightProfile,
  rightsHolderName?: string,
): Promise<void> {
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.ipRight(ipRight.ipRightId),
              type: 'IpRight',
              ...ipRight,
              queue: IP_RIGHT_QUEUE,
              dueAt: verificationDueAt(ipRight.createdAt),
              ...(rightsHolderName ? { rightsHolderName } : {}),
              gsi1pk: `RH#${ipRight.rightsHolderId}`,
              gsi1sk: `IPR#${ipRight.createdAt}#${ipRight.ipRightId}`,
              gsi2pk: queuePartition(IP_RIGHT_QUEUE),
              gsi2sk: `${verificationDueAt(ipRight.createdAt)}#${ipRight.ipRightId}`,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  );
}

export const getIpRight = (ipRightId: string) => getItem<IpRightProfile>(keys.ipRight(ipRightId));

/** Records a reviewer's decision on a pending IP right and takes it off the queue. */
export function decideIpRight(
  ipRightId: string,
  decision: VerificationDecision,
): Promise<IpRightProfile> {
  return decidePending<IpRightProfile>(keys.ipRight(ipRightId), decision);
}

/** A page of a rights holder's IP rights, newest first. */
export async function listIpRights(
  rightsHolderId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<IpRightProfile>> {
  const result = await queryPartyPage({
    partition: `RH#${rightsHolderId}`,
    skPrefix: 'IPR#',
    limit: page.limit,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  return {
    items: result.items.map((item) => withoutKeys<IpRightProfile>(item)),
    nextCursor: result.nextCursor,
  };
}

async function decidePending<T>(
  key: { pk: string; sk: string },
  decision: VerificationDecision,
): Promise<T> {
  const status: VerificationStatus = decision.decision === 'verify' ? 'verified' : 'rejected';
  try {
    const result = await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression:
          'SET #status = :status, #verification = :decision, #decidedAt = :at REMOVE #gsi2pk, #gsi2sk, #queue, reviewClaim',
        // A reviewer's claim on the verification task (not lapsed) reserves the decision for them.
        ConditionExpression:
          'attribute_exists(pk) AND #status = :pending AND (attribute_not_exists(reviewClaim) OR reviewClaim.reviewerId = :reviewer OR reviewClaim.#until <= :at)',
        ExpressionAttributeNames: {
          '#until': 'until',
          '#status': 'status',
          '#verification': 'verification',
          '#decidedAt': status === 'verified' ? 'verifiedAt' : 'rejectedAt',
          '#gsi2pk': 'gsi2pk',
          '#gsi2sk': 'gsi2sk',
          '#queue': 'queue',
        },
        ExpressionAttributeValues: {
          ':status': status,
          ':decision': decision,
          ':at': decision.at,
          ':pending': 'pending_verification',
          ':reviewer': decision.reviewerId,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return withoutKeys<T>(result.Attributes ?? {});
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    const current = await getItem<{ status?: string }>(key);
    if (current?.status === 'pending_verification')
      throw new ClaimedByAnother(`${key.pk} is claimed by another reviewer`);
    throw new AlreadyDecided(`${key.pk} is not pending verification`);
  }
}

function withoutKeys<T>(item: Record<string, unknown>): T {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _a,
    gsi1sk: _b,
    gsi2pk: _c,
    gsi2sk: _d,
    type: _t,
    queue: _q,
    ...rest
  } = item;
  return rest as T;
}
