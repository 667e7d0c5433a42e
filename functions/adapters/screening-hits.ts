import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RuleHit, Verdict } from '../domain/screening-rules.ts';
import type { StayDownFingerprint, StayDownHit } from '../domain/stay-down.ts';
import { dynamo, tableName } from './dynamo-client.ts';

/**
 * Screening hits and stay-down fingerprints in the single table:
 *
 * | Item        | pk                  | sk              |
 * |-------------|---------------------|-----------------|
 * | Hit         | SHIT#<hitId>        | HIT             |
 * | Fingerprint | STAYDOWN#<sellerId> | FP#<sha256>     |
 *
 * A `flag` or `takedown` verdict records the hit (the record of what matched, under which rule-set
 * version) and opens own-initiative cases from it (use-cases/own-initiative.ts). The hit's
 * id derives from the listing, its title and the rule-set version, so the marketplace retrying
 * one screening call records one hit.
 */

export interface ScreeningHitRecord {
  hitId: string;
  listingId: string;
  sellerId: string;
  listingTitle: string;
  verdict: Exclude<Verdict, 'clear'>;
  ruleSetVersion: number;
  hits: (Omit<RuleHit, 'action'> | Omit<StayDownHit, 'action'>)[];
  /** `screening` (the API) or `scan:<scanId>` (a catalogue scan). */
  source: string;
  createdAt: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hit id of a listing's title screened under a rule-set version. */
export function hitIdFor(listingId: string, title: string, version: number): string {
  return `sh-${sha256(`${listingId}\n${title}\n${version}`).slice(0, 24)}`;
}

/** Records a hit in the `proactive` queue, once (a replay writes nothing). */
export async function recordScreeningHit(hit: ScreeningHitRecord): Promise<void> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: `SHIT#${hit.hitId}`,
          sk: 'HIT',
          type: 'ScreeningHit',
          ...hit,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

const fingerprintKey = (sellerId: string, fingerprint: string) => ({
  pk: `STAYDOWN#${sellerId}`,
  sk: `FP#${sha256(fingerprint)}`,
});

/** Keeps a taken-down listing's fingerprint (the latest takedown of the same one wins). */
export async function recordStayDownFingerprint(fingerprint: StayDownFingerprint): Promise<void> {
  if (fingerprint.fingerprint === '') return;
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...fingerprintKey(fingerprint.sellerId, fingerprint.fingerprint),
        type: 'StayDownFingerprint',
        ...fingerprint,
      },
    }),
  );
}

/** The fingerprint of the seller's earlier takedown with this title's fingerprint, if any. */
export async function findStayDownFingerprint(
  sellerId: string,
  fingerprint: string,
): Promise<StayDownFingerprint | undefined> {
  if (fingerprint === '') return undefined;
  const result = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: fingerprintKey(sellerId, fingerprint) }),
  );
  if (!result.Item) return undefined;
  const { sellerId: s, fingerprint: f, ipRightId, caseId, listingId, takenDownAt } = result.Item;
  return { sellerId: s, fingerprint: f, ipRightId, caseId, listingId, takenDownAt };
}
