/**
 * The SES message tags every email carries. The delivery-event handler
 * (functions/events/record-mail-event.ts) records a bounce from them, never from the address;
 * the local mailbox (local/mailbox/ses-routes.ts) reads them back the same way.
 */
export const EMAIL_TAG = {
  template: 'template',
  caseId: 'caseId',
  noticeId: 'noticeId',
  role: 'role',
  locale: 'locale',
  idempotency: 'idempotency',
} as const;
