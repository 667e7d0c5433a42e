import * as z from 'zod';
import { EMAIL_TAG } from '../adapters/email-tags.ts';
import { logger } from '../adapters/logger.ts';
import { recordDeliveryProblem } from '../use-cases/record-delivery-problem.ts';

/**
 * The SES event (through EventBridge) of a bounce or a complaint about an email the service sent
 * with its configuration set. The local mailbox emits the same shape.
 */
const sesEvent = z.object({
  'detail-type': z.string(),
  detail: z.object({
    eventType: z.string(),
    mail: z.object({
      messageId: z.string().min(1),
      timestamp: z.iso.datetime({ offset: true }),
      tags: z.record(z.string(), z.array(z.string())).default({}),
    }),
    bounce: z
      .object({
        bounceType: z.string().optional(),
        bounceSubType: z.string().optional(),
        timestamp: z.iso.datetime({ offset: true }).optional(),
      })
      .optional(),
    complaint: z.object({ timestamp: z.iso.datetime({ offset: true }).optional() }).optional(),
  }),
});

const role = z.enum(['rights_holder', 'seller']);

/**
 * Records a bounced email, or a complaint about one, on the timeline of the case it was about
 * (DOMAIN.md: the legal clocks assume delivery, so reviewers must see when it failed). Reads the
 * template, role and case from the email's tags, never the address. Other events are ignored.
 */
export async function handler(event: unknown): Promise<{ recorded: number }> {
  const parsed = sesEvent.safeParse(event);
  if (!parsed.success) {
    logger.warn('not an SES delivery event; ignored', { issues: parsed.error.issues.length });
    return { recorded: 0 };
  }
  const { detail } = parsed.data;
  const kind =
    detail.eventType === 'Bounce'
      ? 'bounce'
      : detail.eventType === 'Complaint'
        ? 'complaint'
        : null;
  const tag = (name: string) => detail.mail.tags[name]?.[0];
  const party = role.safeParse(tag(EMAIL_TAG.role));
  if (!kind || !party.success) return { recorded: 0 };
  const caseIds = await recordDeliveryProblem({
    kind,
    messageId: detail.mail.messageId,
    at: detail.bounce?.timestamp ?? detail.complaint?.timestamp ?? detail.mail.timestamp,
    template: tag(EMAIL_TAG.template) ?? 'unknown',
    role: party.data,
    ...(tag(EMAIL_TAG.caseId) ? { caseId: tag(EMAIL_TAG.caseId) } : {}),
    ...(tag(EMAIL_TAG.noticeId) ? { noticeId: tag(EMAIL_TAG.noticeId) } : {}),
    ...(detail.bounce?.bounceType ? { bounceType: detail.bounce.bounceType } : {}),
    ...(detail.bounce?.bounceSubType ? { bounceSubType: detail.bounce.bounceSubType } : {}),
  });
  logger.info('email delivery problem recorded', { kind, cases: caseIds.length });
  return { recorded: caseIds.length };
}
