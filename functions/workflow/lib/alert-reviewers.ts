import * as z from 'zod';
import type { CaseRecord } from '../../adapters/case-store.ts';
import { loadEnv } from '../../adapters/env.ts';
import { sendEmailOnce } from '../../adapters/mailer.ts';
import { portalUrl } from '../../adapters/portal.ts';
import { DEFAULT_AUDIENCE } from '../../domain/locale.ts';
import { renderMessage } from '../../messages/messages.ts';
import { portalLinks } from '../../messages/portal.ts';
import { listingOf } from './notify.ts';

const env = loadEnv({
  /** The reviewers' shared address for escalations and overdue cases; none: no alert mail. */
  REVIEWERS_EMAIL: z.email().optional(),
});

/**
 * Tells the reviewers' address that a case needs attention (DOMAIN.md: escalations must not fail
 * silently), once per `stepKey`: the message names the case, its listing and due time, and links
 * to the console's case page; never a token, an API path or a decision link.
 */
export async function alertReviewers(
  record: CaseRecord,
  input: { stepKey: string; alert: 'escalated' | 'overdue'; dueAt?: string },
): Promise<void> {
  if (!env.REVIEWERS_EMAIL) return;
  const audience = DEFAULT_AUDIENCE;
  const email = await renderMessage(
    {
      kind: 'reviewer_alert',
      facts: {
        caseId: record.caseId,
        listing: listingOf(record),
        alert: input.alert,
        status: record.status,
        jurisdiction: record.jurisdiction,
        infringementType: record.infringementType,
        ...(input.dueAt ? { dueAt: input.dueAt } : {}),
      },
    },
    { audience, links: portalLinks(portalUrl()) },
  );
  await sendEmailOnce({
    to: env.REVIEWERS_EMAIL,
    subject: email.subject,
    html: email.html,
    text: email.text,
    locale: audience.locale,
    template: `reviewer_alert_${input.alert}`,
    role: 'reviewers',
    caseId: record.caseId,
    idempotencyKey: `${record.caseId}:${input.stepKey}:reviewers`,
  });
}
