import type { CaseDecision } from '../../api/contract.ts';

/**
 * The decisions a case awaits, by its status; a case whose automated decision waits for its
 * human audit awaits `uphold | restore` too.
 */
export function decisionsForStatus(status: string, auditOpen = false): CaseDecision[] {
  if (status === 'awaiting_re_review') return ['uphold', 'restore'];
  if (status === 'awaiting_review' || status === 'escalated_review')
    return ['approve', 'reject', 'request_info'];
  if (auditOpen) return ['uphold', 'restore'];
  return [];
}

/** What happens to the listing, as each party is told it, by decision. */
export const OUTCOME_KEYS: Record<CaseDecision, { rightsHolder: string; seller: string }> = {
  approve: { rightsHolder: 'decision.tell.rh.approve', seller: 'decision.tell.seller.approve' },
  reject: { rightsHolder: 'decision.tell.rh.reject', seller: 'decision.tell.seller.reject' },
  request_info: {
    rightsHolder: 'decision.tell.rh.request_info',
    seller: 'decision.tell.seller.request_info',
  },
  uphold: { rightsHolder: 'decision.tell.rh.uphold', seller: 'decision.tell.seller.uphold' },
  restore: { rightsHolder: 'decision.tell.rh.restore', seller: 'decision.tell.seller.restore' },
};
