import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { getCase } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { dynamo } from '../adapters/dynamo-client.ts';
import { policy } from '../adapters/policy-source.ts';
import { measureWrites } from '../adapters/seller-measure-writes.ts';
import { getSeller, listStrikes, putStrikeItem } from '../adapters/seller-store.ts';
import { type MeasureDecision, releaseCaseFromStrike } from '../domain/ladder.ts';
import { syncSellerMeasure } from './sync-seller-measure.ts';

/** What revoking a case's strike did. */
export interface RevokedStrike {
  strikeId: string;
  outcome: 'case_released' | 'strike_revoked';
  measure: MeasureDecision['measure'];
}

/**
 * Revokes the strike of one case and recomputes the seller's measure: the entry point for a
 * founded seller appeal against a takedown, a strike or an account measure (DSA Art 20), outside
 * the case's own restore path (workflow/lib/undo.ts does the same inside its close transaction).
 *
 * 1. Read the seller, then its strikes (the version condition then covers both reads).
 * 2. Release the case from its strike; the strike is revoked once every case of it is released.
 * 3. Write the strike and the recomputed measure (closing an open suspension review the
 *    revocation made moot) in one transaction; a concurrent change retries from 1.
 * 4. Bring the marketplace in line (a lifted suspension or termination puts the listings back).
 * Idempotent: a second call finds the case released and changes nothing (undefined).
 */
export async function revokeCaseStrike(
  caseId: string,
  attempt = 0,
): Promise<RevokedStrike | undefined> {
  const record = await getCase(caseId);
  if (!record?.strikeId || !record.sellerId) return undefined;
  const seller = await getSeller(record.sellerId);
  const strikes = await listStrikes(record.sellerId);
  if (!seller) return undefined;
  const now = clock.now();
  const released = releaseCaseFromStrike({
    strikes,
    strikeId: record.strikeId,
    caseId,
    seller,
    now,
    policy,
  });
  if (!released) return undefined;
  const after = strikes.map((s) => (s.strikeId === released.strike.strikeId ? released.strike : s));
  const writes = measureWrites(seller, released.decision, { now, policy, strikes: after });
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [putStrikeItem(record.sellerId, released.strike), ...writes.items],
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException' && attempt < 5)
      return revokeCaseStrike(caseId, attempt + 1);
    throw error;
  }
  await syncSellerMeasure(record.sellerId, caseId);
  return {
    strikeId: released.strike.strikeId,
    outcome: released.outcome,
    measure: released.decision.measure,
  };
}
