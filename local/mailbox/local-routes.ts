import { z } from 'zod';
import { type RouteHandler, sendJson, sendProblem } from '../http.ts';
import { fieldErrors } from '../marketplace/validation.ts';
import type { Mailbox } from './mailbox.ts';

const query = z.object({ to: z.email() });

/** `GET /_local/mailbox?to=`: the messages to one address, newest first. */
export function mailboxLocalRoutes(mailbox: Mailbox): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== '/_local/mailbox') return false;
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      sendProblem(res, 405, 'Method Not Allowed', 'Use GET on /_local/mailbox.');
      return true;
    }
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
    const items = mailbox
      .list(parsed.data.to)
      .map(({ to, subject, text, at, template, caseId, messageId }) => ({
        to,
        subject,
        text,
        at,
        template,
        ...(caseId === undefined ? {} : { caseId }),
        messageId,
      }));
    sendJson(res, 200, { items });
    return true;
  };
}
