import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../adapters/dynamo-client.ts';
import { marketplace } from '../adapters/marketplace.ts';
import { getSeller, putSellerItem } from '../adapters/seller-store.ts';
import { toMarketplaceMeasure } from '../domain/strikes.ts';

/** Applies the seller's decided measure on the marketplace if it differs; returns it, or '' when in line. */
export async function syncSellerMeasure(sellerId: string, caseId?: string): Promise<string> {
  const seller = await getSeller(sellerId);
  if (!seller || seller.appliedMeasure === seller.measure) return '';
  await marketplace().applySellerMeasure(sellerId, toMarketplaceMeasure(seller.measure), {
    reason: `repeat-infringer policy: ${seller.measure}`,
    ...(caseId ? { caseId } : {}),
  });
  await dynamo
    .send(
      new TransactWriteCommand({
        TransactItems: [
          putSellerItem({ ...seller, appliedMeasure: seller.measure }, seller.version),
        ],
      }),
    )
    .catch((error: Error) => {
      // Someone changed the seller meanwhile; the next sync applies the newer measure.
      if (error.name !== 'TransactionCanceledException') throw error;
    });
  return seller.measure;
}
