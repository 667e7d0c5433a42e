import type { CaseRecord } from '../../adapters/case-store.ts';
import { clock } from '../../adapters/clock.ts';
import { policy } from '../../adapters/policy-source.ts';
import { addDuration } from '../../domain/duration.ts';
import type { CaseOutcomeFacts } from '../../messages/templates/case-outcome.ts';
import { listingOf, notifyRightsHolder, notifySeller } from './notify.ts';

/**
 * Tells both parties that a listing is restored: the seller that its listing is back (and the
 * strike revoked), the notifier why, with the reasons written for the parties, and until when it
 * may complain against the restore (DSA Art 20, the profile's appeal window).
 */
export async function tellRestored(
  record: CaseRecord,
  because: NonNullable<CaseOutcomeFacts['restoredBecause']>,
  reasons: string | undefined,
): Promise<void> {
  const facts = {
    caseId: record.caseId,
    listing: listingOf(record),
    jurisdiction: record.jurisdiction,
    ...(reasons ? { reasons } : {}),
  };
  if (record.takenDownAt) {
    await notifySeller(record, {
      step: 'restore',
      template: 'listing_restored',
      message: { kind: 'seller_case_update', facts: { ...facts, outcome: 'restored' } },
    });
  }
  const complaintUntil = addDuration(
    clock.now(),
    policy.profiles[record.jurisdiction].appealWindow,
  ).toISOString();
  await notifyRightsHolder(record, {
    step: 'restore',
    template: 'listing_restored',
    message: {
      kind: 'case_outcome',
      facts: { ...facts, outcome: 'restored', restoredBecause: because, complaintUntil },
    },
  });
}
