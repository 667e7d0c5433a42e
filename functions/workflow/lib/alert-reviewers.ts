import * as z from 'zod';
import type { CaseRecord } from '../../adapters/case-store.ts';
import { loadEnv } from '../../adapters/env.ts';
import { sendEmailOnce } from '../../adapters/mailer.ts';

const env = loadEnv({
  /** The reviewers' shared address for escalations and overdue cases; none: no alert mail. */
  REVIEWERS_EMAIL: z.email().optional(),
  /** The web app's origin, for a link to the case in the console. */
  PORTAL_URL: z.url().optional(),
});

const SUBJECTS = {
  escalated: 'Escalated: a review passed its SLA',
  overdue: 'Overdue: a case is past its deadline',
} as const;

/**
 * Tells the reviewers' address that a case needs attention (DOMAIN.md: escalations must not fail
 * silently): once per case and step, whatever the retries. The message names the case, its
 * listing and due time, and links to the console's case page; never a token or an API path.
 */
export async function alertReviewers(
  record: CaseRecord,
  input: { stepKey: string; alert: keyof typeof SUBJECTS; dueAt?: string },
): Promise<void> {
  if (!env.REVIEWERS_EMAIL) return;
  const link = env.PORTAL_URL ? `${env.PORTAL_URL}/review/cases/${record.caseId}` : undefined;
  const lines = [
    `Case ${record.caseId} (${record.jurisdiction}, ${record.infringementType}) needs a reviewer.`,
    `Listing: ${record.listingTitle ?? record.listingId} (${record.listingId})`,
    `Status: ${record.status}`,
    ...(input.dueAt ? [`Due: ${input.dueAt} (UTC)`] : []),
    ...(link ? [`Open it in the review console: ${link}`] : []),
  ];
  await sendEmailOnce({
    to: env.REVIEWERS_EMAIL,
    subject: `${SUBJECTS[input.alert]}: case ${record.caseId}`,
    text: lines.join('\n'),
    template: `reviewer_alert_${input.alert}`,
    caseId: record.caseId,
    idempotencyKey: `${record.caseId}:${input.stepKey}:reviewers`,
  });
}
