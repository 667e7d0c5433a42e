import { sendEmailOnce } from '../adapters/mailer.ts';
import { portalUrl } from '../adapters/portal.ts';
import { getRightsHolder } from '../adapters/registry-store.ts';
import { getSeller } from '../adapters/seller-store.ts';
import { audienceForCountry, DEFAULT_AUDIENCE, resolveAudience } from '../domain/locale.ts';
import { renderMessage } from '../messages/messages.ts';
import { portalLinks } from '../messages/portal.ts';
import type { AccountMeasureFacts } from '../messages/templates/account-measure.ts';

/**
 * Emails a party about a measure on its account (not about one case), once per `key`, in its
 * language and time zone: a seller's suspension decision, a notifier's misuse warning or
 * suspension. Nothing is sent to a party without an address.
 */
export async function notifyAccount(
  party: { role: 'seller'; sellerId: string } | { role: 'rights_holder'; rightsHolderId: string },
  key: string,
  facts: AccountMeasureFacts,
): Promise<void> {
  const recipient =
    party.role === 'seller'
      ? await getSeller(party.sellerId).then((seller) =>
          seller?.email
            ? { email: seller.email, audience: resolveAudience(seller, DEFAULT_AUDIENCE) }
            : undefined,
        )
      : await getRightsHolder(party.rightsHolderId).then((profile) =>
          profile?.email
            ? {
                email: profile.email,
                audience: resolveAudience(profile, audienceForCountry(profile.country)),
              }
            : undefined,
        );
  if (!recipient) return;
  const email = await renderMessage(
    { kind: 'account_measure', facts },
    { audience: recipient.audience, links: portalLinks(portalUrl()) },
  );
  await sendEmailOnce({
    to: recipient.email,
    ...email,
    locale: recipient.audience.locale,
    template: `account_${facts.event}`,
    role: party.role,
    idempotencyKey: `account:${key}:${party.role}`,
  });
}
