import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Locale } from '../domain/locale.ts';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { DIGEST_DUE_PARTITION, keys } from './keys.ts';

/**
 * The seller's daily digest (issue 19, delivery at volume): each message an own-initiative case
 * puts in the seller's marketplace inbox is also noted here, and one email per seller and day
 * lists them, never one email per case. Entries are indexed by the end of their day (gsi2
 * `DIGEST_DUE`), so the daily job finds every finished day, a missed run's included.
 */
export interface DigestEntry {
  sellerId: string;
  messageId: string;
  caseId: string;
  subject: string;
  locale: Locale;
  timeZone: string;
  at: string;
}

/** Notes a message for the seller's digest (once per message). */
export async function putDigestEntry(entry: DigestEntry): Promise<void> {
  const dayEnd = new Date(entry.at);
  dayEnd.setUTCHours(24, 0, 0, 0);
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.digestEntry(entry.sellerId, entry.messageId),
        type: 'DigestEntry',
        ...entry,
        gsi2pk: DIGEST_DUE_PARTITION,
        gsi2sk: `${dayEnd.toISOString()}#${entry.sellerId}#${entry.messageId}`,
      },
    }),
  );
}

/** Digest entries of days that ended before `now`, oldest first. */
export async function dueDigestEntries(now: Date, limit = 1000): Promise<DigestEntry[]> {
  const items = await queryDue(DIGEST_DUE_PARTITION, now, limit);
  return items.map((item) => ({
    sellerId: String(item.sellerId),
    messageId: String(item.messageId),
    caseId: String(item.caseId),
    subject: String(item.subject),
    locale: item.locale as Locale,
    timeZone: String(item.timeZone),
    at: String(item.at),
  }));
}

/** Removes entries once their digest was sent. */
export async function deleteDigestEntries(entries: readonly DigestEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 25) {
    await dynamo.send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName]: entries.slice(i, i + 25).map((entry) => ({
            DeleteRequest: { Key: keys.digestEntry(entry.sellerId, entry.messageId) },
          })),
        },
      }),
    );
  }
}
