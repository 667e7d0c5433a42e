import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { type RouteHandler, readJson, sendJson } from '../http.ts';
import type { Mailbox } from './mailbox.ts';

const SEND_EMAIL_PATH = '/v2/email/outbound-emails';

import { EMAIL_TAG } from '../../functions/adapters/email-tags.ts';

const tagValue = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,256}$/, 'tag values allow only [A-Za-z0-9_-], 1 to 256');
const content = z.object({ Data: z.string(), Charset: z.string().optional() });

/** The part of the SES v2 SendEmail request the mailbox understands. */
const sendEmailRequest = z.object({
  FromEmailAddress: z.string().min(1),
  Destination: z
    .object({
      ToAddresses: z.array(z.email()).optional(),
      CcAddresses: z.array(z.email()).optional(),
      BccAddresses: z.array(z.email()).optional(),
    })
    .refine(
      (d) =>
        (d.ToAddresses?.length ?? 0) +
          (d.CcAddresses?.length ?? 0) +
          (d.BccAddresses?.length ?? 0) >
        0,
      'at least one recipient is required',
    ),
  Content: z.object({
    Simple: z.object(
      {
        Subject: content,
        Body: z
          .object({ Text: content.optional(), Html: content.optional() })
          .refine((b) => b.Text || b.Html, 'Body needs Text or Html'),
      },
      'the local mailbox accepts only Content.Simple',
    ),
  }),
  EmailTags: z.array(z.object({ Name: tagValue, Value: tagValue })).optional(),
});

/**
 * Enough of the SES v2 API for `SendEmailCommand` from the unchanged `@aws-sdk/client-sesv2`,
 * pointed here by `AWS_ENDPOINT_URL_SESV2`. Signatures are not checked. The `idempotency`
 * tag makes a resend answer the first MessageId without delivering again.
 */
export function mailboxSesRoutes(mailbox: Mailbox): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== SEND_EMAIL_PATH) return false;
    if (req.method !== 'POST') {
      sendSesError(res, 405, 'MethodNotAllowedException', `Use POST on ${SEND_EMAIL_PATH}.`);
      return true;
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      sendSesError(res, 400, 'BadRequestException', 'The request body is not valid JSON.');
      return true;
    }
    const parsed = sendEmailRequest.safeParse(body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`,
      );
      sendSesError(
        res,
        400,
        'BadRequestException',
        `Invalid SendEmail request: ${problems.join('; ')}`,
      );
      return true;
    }
    const request = parsed.data;
    const tags = new Map((request.EmailTags ?? []).map((tag) => [tag.Name, tag.Value]));
    const { Subject, Body } = request.Content.Simple;
    const { messageId } = await mailbox.deliver({
      from: request.FromEmailAddress,
      recipients: [
        ...(request.Destination.ToAddresses ?? []),
        ...(request.Destination.CcAddresses ?? []),
        ...(request.Destination.BccAddresses ?? []),
      ],
      subject: Subject.Data,
      text: Body.Text?.Data ?? Body.Html?.Data ?? '',
      ...(Body.Html ? { html: Body.Html.Data } : {}),
      tags: Object.fromEntries(tags),
      idempotencyKey: tags.get(EMAIL_TAG.idempotency),
    });
    sendJson(res, 200, { MessageId: messageId });
    return true;
  };
}

/** An error the way SES v2 (restJson1) sends it, which the SDK turns into a typed exception. */
function sendSesError(res: ServerResponse, status: number, type: string, message: string): void {
  sendJson(res, status, { message }, { 'x-amzn-ErrorType': type });
}
