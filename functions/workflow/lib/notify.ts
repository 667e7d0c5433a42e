import { type CaseRecord, epochScoped } from '../../adapters/case-store.ts';
import { clock } from '../../adapters/clock.ts';
import { putDigestEntry } from '../../adapters/digests.ts';
import { sendEmailOnce } from '../../adapters/mailer.ts';
import { marketplace } from '../../adapters/marketplace.ts';
import { portalUrl } from '../../adapters/portal.ts';
import { getRightsHolder } from '../../adapters/registry-store.ts';
import { getSeller } from '../../adapters/seller-store.ts';
import {
  type Audience,
  audienceForCountry,
  DEFAULT_AUDIENCE,
  resolveAudience,
} from '../../domain/locale.ts';
import type { RecipientRole } from '../../domain/ports/notifier.ts';
import type { RenderedEmail } from '../../messages/document.ts';
import { type Message, renderMessage } from '../../messages/messages.ts';
import { portalLinks } from '../../messages/portal.ts';

/** One email of a workflow step: which message, under which template tag. */
export interface Outgoing {
  /** The workflow step: with the case (or notice) and the party, the email's idempotency key. */
  step: string;
  /** The tag the email is sent and recorded under, e.g. 'statement_of_reasons'. */
  template: string;
  message: Message;
}

/** The case's listing as messages name it. */
export function listingOf(record: CaseRecord): { listingId: string; title?: string; url?: string } {
  return {
    listingId: record.listingId,
    ...(record.listingTitle ? { title: record.listingTitle } : {}),
    ...(record.listingUrl ? { url: record.listingUrl } : {}),
  };
}

/**
 * The reasons of a reviewer's decision that a party may read: those of the decision the workflow
 * received, or (when the state machine passes none) of the decision recorded on the case, if it is
 * of the kind `expected`. Only `reasons`, never the internal `note`; nothing when there are none.
 */
export function partyReasons(
  decision: { reasons?: unknown } | null | undefined,
  record: CaseRecord,
  expected: readonly string[],
): string | undefined {
  const recorded =
    record.decision && expected.includes(record.decision.decision)
      ? record.decision.reasons
      : undefined;
  const reasons = decision ? decision.reasons : recorded;
  return typeof reasons === 'string' && reasons.trim() ? reasons : undefined;
}

/** A recipient as the message needs it: where to, and how it reads. */
interface Recipient {
  email: string;
  audience: Audience;
}

/** What was sent (or found sent before), for steps that keep a copy. */
export interface Sent {
  email: RenderedEmail;
  audience: Audience;
  /** When the mail service accepted it for delivery (absent for a send recorded before this was kept). */
  acceptedAt?: string;
}

async function rightsHolderRecipient(rightsHolderId: string): Promise<Recipient | undefined> {
  const profile = await getRightsHolder(rightsHolderId);
  if (!profile?.email) return undefined;
  return {
    email: profile.email,
    audience: resolveAudience(profile, audienceForCountry(profile.country)),
  };
}

async function sellerRecipient(sellerId: string | undefined): Promise<Recipient | undefined> {
  const seller = sellerId ? await getSeller(sellerId) : null;
  if (!seller?.email) return undefined;
  return { email: seller.email, audience: resolveAudience(seller, DEFAULT_AUDIENCE) };
}

/** Renders the message for its recipient and sends it once per key. */
async function send(
  recipient: Recipient | undefined,
  role: RecipientRole,
  scope: { caseId?: string; noticeId: string; key: string },
  outgoing: Outgoing,
): Promise<Sent | undefined> {
  if (!recipient) return undefined;
  const email = await renderMessage(outgoing.message, {
    audience: recipient.audience,
    links: portalLinks(portalUrl()),
  });
  const result = await sendEmailOnce({
    to: recipient.email,
    ...email,
    locale: recipient.audience.locale,
    template: outgoing.template,
    role,
    ...(scope.caseId ? { caseId: scope.caseId } : {}),
    noticeId: scope.noticeId,
    idempotencyKey: `${scope.key}:${outgoing.step}:${role}`,
  });
  return {
    email,
    audience: recipient.audience,
    ...(result.acceptedAt ? { acceptedAt: result.acceptedAt } : {}),
  };
}

/** Where each party's address and reading preferences come from. */
const RECIPIENTS: Record<RecipientRole, (record: CaseRecord) => Promise<Recipient | undefined>> = {
  rights_holder: (record) => rightsHolderRecipient(record.rightsHolderId),
  seller: (record) => sellerRecipient(record.sellerId),
};

/**
 * Tells a party of the case once per case and step, in its language and time zone: by email; for
 * an own-initiative case (issue 19, delivery at volume), the seller through its marketplace inbox
 * and its daily digest, and no notifier at all (there is none).
 */
async function notifyParty(
  role: RecipientRole,
  record: CaseRecord,
  outgoing: Outgoing,
): Promise<Sent | undefined> {
  if (record.source === 'own_initiative' && role === 'rights_holder') return undefined;
  const recipient = await RECIPIENTS[role](record);
  const scope = {
    caseId: record.caseId,
    noticeId: record.noticeId,
    key: epochScoped(record, record.caseId),
  };
  if (record.source === 'own_initiative') return deliverToInbox(recipient, record, scope, outgoing);
  if (role === 'rights_holder' && record.digestOutcomes && DIGESTED.has(outgoing.message.kind))
    return deliverToDigest(recipient, record, scope, outgoing);
  return send(recipient, role, scope, outgoing);
}

/**
 * The outcomes a notifier of a notice of more than 10 listings gets in its hourly digest (API.md,
 * bulk notices); anything the law wants sent promptly (a forwarded counter-notice, a request for
 * information) still goes at once.
 */
const DIGESTED = new Set<Message['kind']>(['listing_decision', 'case_outcome']);

/** Notes the message for the notifier's hourly digest instead of emailing it. */
async function deliverToDigest(
  recipient: Recipient | undefined,
  record: CaseRecord,
  scope: { key: string },
  outgoing: Outgoing,
): Promise<Sent | undefined> {
  if (!recipient) return undefined;
  const email = await renderMessage(outgoing.message, {
    audience: recipient.audience,
    links: portalLinks(portalUrl()),
  });
  const at = clock.now().toISOString();
  await putDigestEntry({
    role: 'rights_holder',
    partyId: record.rightsHolderId,
    email: recipient.email,
    messageId: `${scope.key}:${outgoing.step}`,
    caseId: record.caseId,
    subject: email.subject,
    locale: recipient.audience.locale,
    timeZone: recipient.audience.timeZone,
    at,
  });
  return { email, audience: recipient.audience };
}

/** The seller's marketplace inbox, with a note for its daily digest email. */
async function deliverToInbox(
  recipient: Recipient | undefined,
  record: CaseRecord,
  scope: { key: string },
  outgoing: Outgoing,
): Promise<Sent | undefined> {
  if (!recipient || !record.sellerId) return undefined;
  const email = await renderMessage(outgoing.message, {
    audience: recipient.audience,
    links: portalLinks(portalUrl()),
  });
  const messageId = `${scope.key}:${outgoing.step}`;
  const at = clock.now().toISOString();
  await marketplace().deliverToSellerInbox(record.sellerId, {
    messageId,
    caseId: record.caseId,
    subject: email.subject,
    text: email.text,
    locale: recipient.audience.locale,
    sentAt: at,
  });
  await putDigestEntry({
    role: 'seller',
    partyId: record.sellerId,
    email: recipient.email,
    messageId,
    caseId: record.caseId,
    subject: email.subject,
    locale: recipient.audience.locale,
    timeZone: recipient.audience.timeZone,
    at,
  });
  return { email, audience: recipient.audience, acceptedAt: at };
}

/** Emails the case's rights holder once per case and step, in its language and time zone. */
export const notifyRightsHolder = (record: CaseRecord, outgoing: Outgoing) =>
  notifyParty('rights_holder', record, outgoing);

/** Emails the case's seller once per case and step, in the language the marketplace gives. */
export const notifySeller = (record: CaseRecord, outgoing: Outgoing) =>
  notifyParty('seller', record, outgoing);

/** Emails a notice's rights holder once per notice and step (the receipt). */
export async function notifyNoticeRightsHolder(
  notice: { noticeId: string; rightsHolderId: string },
  outgoing: Outgoing,
): Promise<Sent | undefined> {
  const recipient = await rightsHolderRecipient(notice.rightsHolderId);
  const scope = { noticeId: notice.noticeId, key: `notice:${notice.noticeId}` };
  return send(recipient, 'rights_holder', scope, outgoing);
}
