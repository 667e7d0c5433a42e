import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Locale } from '../domain/locale.ts';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { DIGEST_DUE_PARTITION, keys } from './keys.ts';

/**
 * Digests: one email for many case messages, never one email per case at volume.
 * - a notifier's per-listing outcomes of a notice of more than 10 listings, hourly (API.md);
 * - a seller's own-initiative statements of reasons (also in its marketplace inbox), daily.
 * Each message is noted as an entry indexed by the end of its period (gsi2 `DIGEST_DUE`), so the
 * digest job finds every finished period, a missed run's included, and sends one email per party.
 */
export type DigestRole = 'rights_holder' | 'seller';

export interface DigestEntry {
  role: DigestRole;
  partyId: string;
  email: string;
  messageId: string;
  caseId: string;
  subject: string;
  locale: Locale;
  timeZone: string;
  at: string;
  /** The end of the period it belongs to: the digest is sent after it. */
  periodEnd: string;
}

/** The end of the digest period that contains `at`: the hour for notifiers, the day for sellers. */
export function periodEndOf(role: DigestRole, at: string): string {
  const end = new Date(at);
  if (role === 'seller') end.setUTCHours(24, 0, 0, 0);
  else end.setUTCMinutes(60, 0, 0);
  return end.toISOString();
}

const entryKey = (entry: Pick<DigestEntry, 'role' | 'partyId' | 'messageId'>) =>
  keys.digestEntry(`${entry.role}#${entry.partyId}`, entry.messageId);

/** Notes a message for its party's digest (once per message). */
export async function putDigestEntry(entry: Omit<DigestEntry, 'periodEnd'>): Promise<void> {
  const periodEnd = periodEndOf(entry.role, entry.at);
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...entryKey(entry),
        type: 'DigestEntry',
        ...entry,
        periodEnd,
        gsi2pk: DIGEST_DUE_PARTITION,
        gsi2sk: `${periodEnd}#${entry.role}#${entry.partyId}#${entry.messageId}`,
      },
    }),
  );
}

/** Digest entries of periods that ended before `now`, oldest first. */
export async function dueDigestEntries(now: Date, limit = 1000): Promise<DigestEntry[]> {
  const items = await queryDue(DIGEST_DUE_PARTITION, now, limit);
  return items.map((item) => ({
    role: item.role as DigestRole,
    partyId: String(item.partyId),
    email: String(item.email),
    messageId: String(item.messageId),
    caseId: String(item.caseId),
    subject: String(item.subject),
    locale: item.locale as Locale,
    timeZone: String(item.timeZone),
    at: String(item.at),
    periodEnd: String(item.periodEnd),
  }));
}

/** Removes entries once their digest was sent. */
export async function deleteDigestEntries(entries: readonly DigestEntry[]): Promise<void> {
  // One DeleteItem each, 25 at a time (no function batch-writes the table: see grants.ts).
  for (let i = 0; i < entries.length; i += 25) {
    await Promise.all(
      entries
        .slice(i, i + 25)
        .map((entry) =>
          dynamo.send(new DeleteCommand({ TableName: tableName, Key: entryKey(entry) })),
        ),
    );
  }
}
