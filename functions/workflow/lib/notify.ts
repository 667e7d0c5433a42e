import type { CaseRecord } from '../../adapters/case-store.ts';
import { sendEmailOnce } from '../../adapters/mailer.ts';
import { getSeller } from '../../adapters/seller-store.ts';
import { loadRightsHolder } from './context.ts';

/** Emails the case's rights holder once per case and step. */
export async function notifyRightsHolder(
  record: CaseRecord,
  step: string,
  template: string,
  subject: string,
  text: string,
): Promise<void> {
  const rightsHolder = await loadRightsHolder(record.rightsHolderId);
  if (!rightsHolder?.email) return;
  await sendEmailOnce({
    to: rightsHolder.email,
    subject: `Case ${record.caseId}: ${subject}`,
    text,
    template,
    caseId: record.caseId,
    idempotencyKey: `${record.caseId}:${step}:rights_holder`,
  });
}

/** Emails the case's seller once per case and step. */
export async function notifySeller(
  record: CaseRecord,
  step: string,
  template: string,
  subject: string,
  text: string,
): Promise<void> {
  if (!record.sellerId) return;
  const seller = await getSeller(record.sellerId);
  if (!seller?.email) return;
  await sendEmailOnce({
    to: seller.email,
    subject: `Listing ${record.listingId}: ${subject}`,
    text,
    template,
    caseId: record.caseId,
    idempotencyKey: `${record.caseId}:${step}:seller`,
  });
}
