import type { CaseRecord } from '../../adapters/case-store.ts';
import { sendEmailOnce } from '../../adapters/mailer.ts';
import { getRightsHolder } from '../../adapters/registry-store.ts';
import { getSeller } from '../../adapters/seller-store.ts';

interface Message {
  /** The workflow step: with the case and the party, the email's idempotency key. */
  step: string;
  template: string;
  subject: string;
  text: string;
}

/** Emails the case's rights holder once per case and step. */
export async function notifyRightsHolder(record: CaseRecord, message: Message): Promise<void> {
  const rightsHolder = await getRightsHolder(record.rightsHolderId);
  await emailOnce(record, rightsHolder?.email, 'rights_holder', `Case ${record.caseId}`, message);
}

/** Emails the case's seller once per case and step. */
export async function notifySeller(record: CaseRecord, message: Message): Promise<void> {
  const seller = record.sellerId ? await getSeller(record.sellerId) : null;
  await emailOnce(record, seller?.email, 'seller', `Listing ${record.listingId}`, message);
}

async function emailOnce(
  record: CaseRecord,
  to: string | undefined,
  party: string,
  about: string,
  message: Message,
): Promise<void> {
  if (!to) return;
  await sendEmailOnce({
    to,
    subject: `${about}: ${message.subject}`,
    text: message.text,
    template: message.template,
    caseId: record.caseId,
    idempotencyKey: `${record.caseId}:${message.step}:${party}`,
  });
}
