import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EmailMessage } from '../domain/ports/notifier.ts';
import { getItem, TransientError } from './case-store.ts';
import { clock } from './clock.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys } from './keys.ts';
import { SesNotifier } from './notifier-ses.ts';

let notifier: SesNotifier | undefined;

/** How long a claimed send may stay unfinished before another attempt may take it over. */
const SEND_LEASE_MS = 60_000;

/**
 * Sends an email at most once per idempotency key, as far as the service can tell:
 * 1. claim the key with a conditional write (`sending`), so of two concurrent attempts (a task
 *    run twice at once) exactly one sends; the other gets a TransientError and its retry finds
 *    the email sent;
 * 2. send, then mark the key `sent`.
 * A claim left unfinished (a crash before the send) is taken over after a lease, so the email is
 * not lost. A crash between the send and the mark can still repeat one email; SES has no dedupe key.
 */
export async function sendEmailOnce(
  message: EmailMessage,
): Promise<{ outcome: 'sent' | 'already_sent'; acceptedAt?: string }> {
  const key = keys.idempotency('email', message.idempotencyKey);
  const now = clock.now();
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key, type: 'EmailSending', state: 'sending', claimedAt: now.toISOString() },
        ConditionExpression:
          'attribute_not_exists(pk) OR (#state = :sending AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':stale': new Date(now.getTime() - SEND_LEASE_MS).toISOString(),
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    const existing = await getItem<{ state?: string; at?: string }>(key);
    if (existing?.state === 'sending')
      throw new TransientError(`email ${message.idempotencyKey} is being sent by another attempt`);
    return { outcome: 'already_sent', ...(existing?.at ? { acceptedAt: existing.at } : {}) };
  }
  notifier ??= new SesNotifier();
  const { messageId } = await notifier.sendEmail(message);
  // The mail service accepted the message for delivery now: for an electronic message that is
  // when it enters the recipient's system (PRC Civil Code Art 137), from which CN periods count.
  const acceptedAt = clock.now().toISOString();
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...key,
        type: 'EmailSent',
        state: 'sent',
        messageId,
        template: message.template,
        caseId: message.caseId,
        at: acceptedAt,
      },
    }),
  );
  return { outcome: 'sent', acceptedAt };
}
