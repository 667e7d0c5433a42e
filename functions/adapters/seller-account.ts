import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from './case-store.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys } from './keys.ts';
import { batchGetItems, type Page, queryPartyAll, queryPartyPage } from './party-items.ts';
import { getSeller } from './seller-store.ts';
import { sellerCaseTestBuysCite } from './test-buy-store.ts';

/** A page of the cases against a seller's listings, newest first (gsi1 `SELLER#<id>`). */
export async function listSellerCases(
  sellerId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<CaseRecord>> {
  const result = await queryPartyPage({
    partition: `SELLER#${sellerId}`,
    skPrefix: 'CASE#',
    limit: page.limit,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  return { items: result.items as unknown as CaseRecord[], nextCursor: result.nextCursor };
}

/**
 * Whether a notice behind one of the seller's cases cites the evidence (as evidence or as its
 * test-buy report), or a test buy staff attached to one of its cases has it as its report: the
 * seller may then read it, to answer the case.
 */
export async function sellerCasesCiteEvidence(
  sellerId: string,
  evidenceId: string,
): Promise<boolean> {
  const cases = await queryPartyAll(`SELLER#${sellerId}`, 'CASE#');
  const noticeIds = [...new Set(cases.map((item) => String(item.noticeId)))];
  const notices = await batchGetItems(
    noticeIds.map((id) => keys.notice(id)),
    ['evidenceIds', 'testBuy'],
  );
  const byNotice = notices.some(
    (notice) =>
      (Array.isArray(notice.evidenceIds) && notice.evidenceIds.includes(evidenceId)) ||
      (notice.testBuy as { reportEvidenceId?: string } | undefined)?.reportEvidenceId ===
        evidenceId,
  );
  return byNotice || (await sellerCaseTestBuysCite(sellerId, evidenceId));
}

/** What acknowledging the IP-education notice did. */
export type AcknowledgeOutcome = 'acknowledged' | 'already_acknowledged' | 'no_warning';

/**
 * Records that the seller acknowledged the IP-education notice of its warning. The version is
 * bumped, so a workflow write from an older read of the seller fails and re-reads it rather than
 * losing the acknowledgement.
 */
export async function acknowledgeEducation(
  sellerId: string,
  at: string,
  attempt = 0,
): Promise<AcknowledgeOutcome> {
  const seller = await getSeller(sellerId);
  if (!seller?.warnedAt) return 'no_warning';
  if (seller.educationAcknowledgedAt && seller.educationAcknowledgedAt >= seller.warnedAt)
    return 'already_acknowledged';
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.seller(sellerId),
        UpdateExpression: 'SET #acknowledgedAt = :at, #version = #version + :one',
        ConditionExpression: 'attribute_exists(#warnedAt) AND #version = :version',
        ExpressionAttributeNames: {
          '#acknowledgedAt': 'educationAcknowledgedAt',
          '#warnedAt': 'warnedAt',
          '#version': 'version',
        },
        ExpressionAttributeValues: { ':at': at, ':one': 1, ':version': seller.version },
      }),
    );
    return 'acknowledged';
  } catch (error) {
    // The workflow changed the seller meanwhile: read it again.
    if ((error as Error).name === 'ConditionalCheckFailedException' && attempt < 5)
      return acknowledgeEducation(sellerId, at, attempt + 1);
    throw error;
  }
}
