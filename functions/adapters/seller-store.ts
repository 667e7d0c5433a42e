import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Locale } from '../domain/locale.ts';
import type { LadderMeasure, StrikeRecord } from '../domain/strikes.ts';
import { putIfAbsent } from './case-store.ts';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys, STRIKE_EXPIRY_PARTITION, SUSPENSION_END_PARTITION } from './keys.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** A seller's standing with the service. Its email is personal data and lives only here. */
export interface SellerRecord {
  sellerId: string;
  email?: string;
  /** The language and IANA time zone the marketplace gives for the seller (refreshed at screening). */
  locale?: Locale;
  timeZone?: string;
  /** The ladder measure the service decided. */
  measure: LadderMeasure;
  /** The measure last applied on the marketplace. */
  appliedMeasure: LadderMeasure;
  /** When a warning (DSA Art 23(1)) was last sent. */
  warnedAt?: string;
  educationAcknowledgedAt?: string;
  /** The latest suspension a reviewer confirmed (DSA Art 23(3)), with the reviewer's reasons. */
  suspension?: {
    startedAt: string;
    until: string;
    reasonCode: string;
    reasons: string;
  };
  /** When a reviewer last decided a suspension review (suspend or hold at restricted). */
  lastSuspensionDecisionAt?: string;
  /** The open suspension review (its task lives at keys.suspensionReview). */
  suspensionReview?: { taskId: string; openedAt: string; dueAt: string };
  /** How many suspension reviews were opened: the next review's task id sequence. */
  suspensionReviews?: number;
  /** When the seller was terminated (17 U.S.C. §512(i)); absent once lifted by a revocation. */
  terminatedAt?: string;
  version: number;
}

export async function getSeller(sellerId: string): Promise<SellerRecord | null> {
  const result = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.seller(sellerId), ConsistentRead: true }),
  );
  if (!result.Item) return null;
  const { pk: _pk, sk: _sk, type: _t, gsi2pk: _a, gsi2sk: _b, ...seller } = result.Item;
  return seller as SellerRecord;
}

/**
 * Records how to write to a seller (address, language, time zone) as the marketplace gives them.
 * Writes only on a change, and bumps the version like every seller write, so a concurrent write
 * from an older read fails its version condition instead of undoing this one.
 */
export async function recordSellerContact(
  sellerId: string,
  contact: { email: string; locale: Locale; timeZone: string },
): Promise<void> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.seller(sellerId),
        UpdateExpression: 'SET #email = :email, #locale = :locale, #tz = :tz ADD #version :one',
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(#locale) OR #locale <> :locale OR #tz <> :tz OR #email <> :email)',
        ExpressionAttributeNames: {
          '#email': 'email',
          '#locale': 'locale',
          '#tz': 'timeZone',
          '#version': 'version',
        },
        ExpressionAttributeValues: {
          ':email': contact.email,
          ':locale': contact.locale,
          ':tz': contact.timeZone,
          ':one': 1,
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

export async function listStrikes(sellerId: string): Promise<StrikeRecord[]> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.seller(sellerId).pk, ':prefix': 'STRIKE#' },
      ConsistentRead: true,
    }),
  );
  return (result.Items ?? []).map(
    ({ pk: _pk, sk: _sk, type: _t, gsi2pk: _a, gsi2sk: _b, sellerId: _s, ...strike }) =>
      strike as StrikeRecord,
  );
}

/**
 * The write of a seller's profile, conditional on the version read (optimistic concurrency: two
 * cases of the same seller recording strikes at once cannot both win).
 */
export function putSellerItem(seller: SellerRecord, expectedVersion: number | null): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.seller(seller.sellerId),
        type: 'Seller',
        ...seller,
        // A confirmed suspension is indexed by its end, for the sweeper that lifts it.
        ...(seller.measure === 'suspended' && seller.suspension
          ? {
              gsi2pk: SUSPENSION_END_PARTITION,
              gsi2sk: `${seller.suspension.until}#${seller.sellerId}`,
            }
          : {}),
        version: (expectedVersion ?? 0) + 1,
      },
      ...(expectedVersion === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': expectedVersion },
          }),
    },
  };
}

/** The write of a strike; an active strike is indexed by its expiry for the sweeper. */
export function putStrikeItem(sellerId: string, strike: StrikeRecord): TransactItem {
  const active = strike.revokedAt === undefined;
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.strike(sellerId, strike.strikeId),
        type: 'Strike',
        sellerId,
        ...strike,
        ...(active
          ? {
              gsi2pk: STRIKE_EXPIRY_PARTITION,
              gsi2sk: `${strike.expiresAt}#${sellerId}#${strike.strikeId}`,
            }
          : {}),
      },
    },
  };
}

/** Active strikes whose expiry is before `now`, oldest first (the sweeper's work). */
export async function listExpiredStrikes(
  now: Date,
  limit = 100,
): Promise<{ sellerId: string; strikeId: string }[]> {
  const items = await queryDue(STRIKE_EXPIRY_PARTITION, now, limit);
  return items.map((item) => ({
    sellerId: String(item.sellerId),
    strikeId: String(item.strikeId),
  }));
}

/** Sellers whose confirmed suspension ended before `now` (the sweeper lifts them). */
export async function listEndedSuspensions(now: Date, limit = 100): Promise<string[]> {
  const items = await queryDue(SUSPENSION_END_PARTITION, now, limit);
  return items.map((item) => String(item.sellerId));
}

/** A reviewer's decision on a seller's account (a suspension review), as recorded. */
export interface SellerDecisionRecord {
  kind: 'suspension_review';
  taskId: string;
  decision: string;
  reasonCode: string;
  reasons: string;
  note?: string;
  reviewerId: string;
  at: string;
  measure: string;
  until?: string;
  facts?: Record<string, unknown>;
}

/** The reviewers' decisions on a seller's account, newest first (at most 50). */
export async function listSellerDecisions(sellerId: string): Promise<SellerDecisionRecord[]> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.seller(sellerId).pk, ':prefix': 'DECISION#' },
      ScanIndexForward: false,
      Limit: 50,
    }),
  );
  return (result.Items ?? []).map(
    ({ pk: _pk, sk: _sk, type: _t, ...decision }) => decision as SellerDecisionRecord,
  );
}

/** The seller's item, written once when a first case names it (its measure starts at none). */
export async function ensureSellerItem(sellerId: string, email: string): Promise<void> {
  await putIfAbsent({
    ...keys.seller(sellerId),
    type: 'Seller',
    sellerId,
    email,
    measure: 'none',
    appliedMeasure: 'none',
    version: 0,
  });
}
