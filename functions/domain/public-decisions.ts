/**
 * China's E-Commerce Law Art 44: notices, declarations (counter-notices) and the outcomes of
 * processing are published promptly. A published entry is built from a CN case's status change
 * alone: ids, the infringement type and codes, never a name, a contact, or free text (which could
 * carry them).
 */
export type PublicEntryKind = 'notice' | 'measure' | 'declaration' | 'outcome';

export interface PublicDecision {
  caseId: string;
  noticeId: string;
  listingId: string;
  infringementType: string;
  kind: PublicEntryKind;
  /** What happened, as a code. */
  outcome: string;
  at: string;
}

const BY_STATUS: Record<string, { kind: PublicEntryKind; outcome: string } | undefined> = {
  awaiting_counter_notice: { kind: 'measure', outcome: 'listing_disabled' },
  rejected: { kind: 'outcome', outcome: 'notice_rejected' },
  awaiting_court_action: { kind: 'declaration', outcome: 'declaration_received' },
  restored: { kind: 'outcome', outcome: 'listing_restored' },
  upheld: { kind: 'outcome', outcome: 'measures_maintained' },
  upheld_pending_court: { kind: 'outcome', outcome: 'measures_maintained_pending_court' },
  withdrawn: { kind: 'outcome', outcome: 'notice_withdrawn' },
  duplicate: { kind: 'outcome', outcome: 'duplicate_notice' },
  abandoned: { kind: 'outcome', outcome: 'notice_abandoned' },
};

/** The Art 44 entry a CN case's status change publishes, or null (other jurisdictions, steps). */
export function publicDecisionOf(change: {
  caseId: string;
  noticeId: string;
  listingId: string;
  jurisdiction: string;
  infringementType: string;
  previousStatus: string;
  status: string;
  at: string;
}): PublicDecision | null {
  if (change.jurisdiction !== 'CN') return null;
  const base = {
    caseId: change.caseId,
    noticeId: change.noticeId,
    listingId: change.listingId,
    infringementType: change.infringementType,
    at: change.at,
  };
  // Every case leaves screening once: its notice, published when it is received.
  if (change.previousStatus === 'screening' && change.status === 'awaiting_review')
    return { ...base, kind: 'notice', outcome: 'notice_received' };
  const entry = BY_STATUS[change.status];
  return entry ? { ...base, ...entry } : null;
}
