import type { EmailMessage } from '../domain/ports/notifier.ts';
import { getItem, putIfAbsent } from './case-store.ts';
import { clock } from './clock.ts';
import { keys } from './keys.ts';
import { SesNotifier } from './notifier-ses.ts';

let notifier: SesNotifier | undefined;

/**
 * Sends an email at most once per idempotency key, as far as the service can tell: a record of
 * the send is written after SES accepts it, and a retried task that finds it sends nothing. (A
 * crash between the send and the record can still repeat one email; SES has no dedupe key.)
 */
export async function sendEmailOnce(message: EmailMessage): Promise<'sent' | 'already_sent'> {
  const key = keys.idempotency('email', message.idempotencyKey);
  if (await getItem(key)) return 'already_sent';
  notifier ??= new SesNotifier();
  const { messageId } = await notifier.sendEmail(message);
  await putIfAbsent({
    ...key,
    type: 'EmailSent',
    messageId,
    template: message.template,
    caseId: message.caseId,
    at: clock.now().toISOString(),
  });
  return 'sent';
}
