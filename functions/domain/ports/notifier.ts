import type { Locale } from '../locale.ts';

/** The party an email is for: recorded with a delivery problem instead of its address. */
export type RecipientRole = 'rights_holder' | 'seller';

/** One email to one recipient: an HTML part and a text part saying the same. */
export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  locale: Locale;
  /** Which template produced the message, e.g. 'statement_of_reasons'. */
  template: string;
  /** The party, or the reviewers' shared address for alerts. */
  role: RecipientRole | 'reviewers';
  caseId?: string;
  noticeId?: string;
  /**
   * Identifies this notification across retries (e.g. case + step): a workflow task that
   * runs twice must not send two emails.
   */
  idempotencyKey: string;
}

/** Sends notifications to people outside the service. */
export interface Notifier {
  sendEmail(message: EmailMessage): Promise<{ messageId: string }>;
}
