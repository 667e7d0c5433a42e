import { createHash } from 'node:crypto';
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import * as z from 'zod';
import type { EmailMessage, Notifier } from '../domain/ports/notifier.ts';
import { EMAIL_TAG } from './email-tags.ts';
import { loadEnv } from './env.ts';
import { sesClient } from './ses-client.ts';

// Optional at load so a test can pass its own sender; a notifier built without one fails
// with a message naming the variable.
const env = loadEnv({
  MAIL_FROM: z.string().regex(/@/, 'an email address, optionally as "Name <address>"').optional(),
  /**
   * The SES configuration set whose event destination reports bounces and complaints back
   * (functions/events/record-mail-event.ts). Unset, no delivery events come back.
   */
  SES_CONFIGURATION_SET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'an SES configuration set name')
    .optional(),
});

/** SES message tags allow only these characters, up to 256 of them. */
const TAG_VALUE_INVALID = /[^A-Za-z0-9_-]/g;
const TAG_VALUE_MAX = 256;

export interface SesNotifierOptions {
  /** @default the module's SES client (see ses-client.ts) */
  client?: SESv2Client;
  /** The sender. @default env MAIL_FROM */
  fromAddress?: string;
  /** @default env SES_CONFIGURATION_SET */
  configurationSetName?: string;
}

/** {@link Notifier} over Amazon SES v2 (or the local mailbox, which speaks its protocol). */
export class SesNotifier implements Notifier {
  readonly #client: SESv2Client;
  readonly #from: string;
  readonly #configurationSet: string | undefined;

  constructor(options: SesNotifierOptions = {}) {
    const from = options.fromAddress ?? env.MAIL_FROM;
    if (!from) throw new Error('Invalid configuration: MAIL_FROM: required to send email');
    this.#client = options.client ?? sesClient;
    this.#from = from;
    this.#configurationSet = options.configurationSetName ?? env.SES_CONFIGURATION_SET;
  }

  async sendEmail(message: EmailMessage): Promise<{ messageId: string }> {
    const tags = [
      { Name: EMAIL_TAG.template, Value: toTagValue(message.template) },
      { Name: EMAIL_TAG.role, Value: message.role },
      { Name: EMAIL_TAG.locale, Value: toTagValue(message.locale) },
      { Name: EMAIL_TAG.idempotency, Value: toIdempotencyTagValue(message.idempotencyKey) },
      ...(message.caseId ? [{ Name: EMAIL_TAG.caseId, Value: toTagValue(message.caseId) }] : []),
      ...(message.noticeId
        ? [{ Name: EMAIL_TAG.noticeId, Value: toTagValue(message.noticeId) }]
        : []),
    ];
    const output = await this.#client.send(
      new SendEmailCommand({
        FromEmailAddress: this.#from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: {
              Html: { Data: message.html, Charset: 'UTF-8' },
              Text: { Data: message.text, Charset: 'UTF-8' },
            },
          },
        },
        EmailTags: tags,
        ...(this.#configurationSet ? { ConfigurationSetName: this.#configurationSet } : {}),
      }),
    );
    if (!output.MessageId) throw new Error('SES accepted the email but returned no MessageId');
    return { messageId: output.MessageId };
  }
}

/** Makes a readable tag value: disallowed characters become '_', and it is cut to 256. */
export function toTagValue(value: string): string {
  return value.replace(TAG_VALUE_INVALID, '_').slice(0, TAG_VALUE_MAX) || '_';
}

/**
 * Makes a tag value that stays unique per key: a key that is already a valid tag value is kept
 * as it is; any other gets a SHA-256 suffix, so 'case:1' and 'case_1' never collide.
 */
export function toIdempotencyTagValue(key: string): string {
  if (key.length > 0 && key.length <= TAG_VALUE_MAX && !/[^A-Za-z0-9_-]/.test(key)) return key;
  const digest = createHash('sha256').update(key).digest('base64url'); // 43 chars of [A-Za-z0-9_-]
  const readable = key.replace(TAG_VALUE_INVALID, '_').slice(0, TAG_VALUE_MAX - digest.length - 1);
  return `${readable}-${digest}`;
}
