/** One email to one recipient. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** Which template produced the message, e.g. 'statement-of-reasons'. */
  template: string;
  caseId?: string;
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
