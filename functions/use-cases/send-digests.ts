import { clock } from '../adapters/clock.ts';
import { type DigestEntry, deleteDigestEntries, dueDigestEntries } from '../adapters/digests.ts';
import { sendEmailOnce } from '../adapters/mailer.ts';
import { portalUrl } from '../adapters/portal.ts';
import { renderMessage } from '../messages/messages.ts';
import { portalLinks } from '../messages/portal.ts';

/**
 * Sends every digest whose period ended: one email per party and period, listing its messages
 * (each linked to its case), sent once (the idempotency key names the party and period), then the
 * entries are removed. A crash between the two sends nothing twice: the next run finds the email
 * sent and only removes the entries.
 */
export async function sendDueDigests(now: Date = clock.now()): Promise<{ sent: number }> {
  let sent = 0;
  for (;;) {
    const due = await dueDigestEntries(now);
    if (due.length === 0) return { sent };
    const groups = new Map<string, DigestEntry[]>();
    for (const entry of due) {
      const key = `${entry.role}#${entry.partyId}#${entry.periodEnd}`;
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    for (const [key, entries] of groups) {
      const first = entries[0]!;
      const audience = { locale: first.locale, timeZone: first.timeZone };
      const email = await renderMessage(
        {
          kind: 'digest',
          facts: {
            role: first.role,
            periodEnd: first.periodEnd,
            items: entries
              .sort((a, b) => a.at.localeCompare(b.at))
              .map(({ caseId, subject, at }) => ({ caseId, subject, at })),
          },
        },
        { audience, links: portalLinks(portalUrl()) },
      );
      const result = await sendEmailOnce({
        to: first.email,
        ...email,
        locale: first.locale,
        template: 'digest',
        role: first.role,
        idempotencyKey: `digest:${key}`,
      });
      if (result.outcome === 'sent') sent++;
      await deleteDigestEntries(entries);
    }
  }
}
