import { z } from 'zod';
import { type RouteHandler, sendJson, sendProblem } from '../http.ts';
import { fieldErrors, readValidJson } from '../marketplace/validation.ts';
import type { Mailbox } from './mailbox.ts';

const query = z.object({ to: z.email() });
const faultBody = z.strictObject({
  address: z.email(),
  /** `bounce` (the default): the mail bounces; `complaint`: it is delivered and marked as spam. */
  kind: z.enum(['bounce', 'complaint']).default('bounce'),
});

/**
 * `GET /_local/mailbox?to=`: the messages to one address, newest first.
 * `POST /_local/mailbox/bounces {address, kind?}`: mail to the address bounces (or draws a
 * complaint) from now on, and each such message produces the SES event the service records.
 */
export function mailboxLocalRoutes(mailbox: Mailbox): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname === '/_local/mailbox/bounces') {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST', url.pathname);
      const body = await readValidJson(req, res, faultBody);
      if (body) {
        mailbox.setDeliveryFault(body.address, body.kind);
        sendJson(res, 200, body);
      }
      return true;
    }
    if (url.pathname !== '/_local/mailbox') return false;
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET', url.pathname);
    const parsed = query.safeParse({ to: url.searchParams.get('to') ?? undefined });
    if (!parsed.success) {
      sendProblem(
        res,
        400,
        'Bad Request',
        'Query parameter `to` must be an email address.',
        fieldErrors(parsed.error),
      );
      return true;
    }
    const items = mailbox.list(parsed.data.to).map((item) => ({
      to: item.to,
      subject: item.subject,
      text: item.text,
      ...(item.html === undefined ? {} : { html: item.html }),
      ...(item.locale === undefined ? {} : { locale: item.locale }),
      at: item.at,
      template: item.template,
      ...(item.caseId === undefined ? {} : { caseId: item.caseId }),
      ...(item.delivery === undefined ? {} : { delivery: item.delivery }),
      messageId: item.messageId,
    }));
    sendJson(res, 200, { items });
    return true;
  };
}

function methodNotAllowed(res: Parameters<RouteHandler>[1], allow: string, path: string): true {
  res.setHeader('allow', allow);
  sendProblem(res, 405, 'Method Not Allowed', `Use ${allow} on ${path}.`);
  return true;
}
