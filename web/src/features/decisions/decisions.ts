import type { CaseDecision } from '../../api/contract.ts';

/**
 * What a decision decides: a notice's first review, a re-review after a counter-notice, a listing
 * the platform's own screening flagged for a person, or the human audit of an automated takedown.
 */
export type DecisionKind = 'review' | 're_review' | 'proactive_review' | 'audit';

export interface PendingDecision {
  kind: DecisionKind;
  /** The decisions open, the first preselected. */
  decisions: CaseDecision[];
  /** The platform acted on its own initiative: there is no notifier to tell or to ask. */
  ownInitiative: boolean;
}

/**
 * The decision a case awaits, if any, from its status, its source and any open audit:
 * - a notice's review: `approve | reject | request_info`;
 * - a flagged own-initiative listing: `approve | reject` (no notifier to ask for more);
 * - a re-review: `uphold | restore`;
 * - the audit of an automated takedown: `uphold | restore`.
 */
export function pendingDecision(file: {
  status: string;
  source: 'notice' | 'own_initiative';
  audit?: unknown;
}): PendingDecision | null {
  const ownInitiative = file.source === 'own_initiative';
  if (file.status === 'awaiting_re_review')
    return { kind: 're_review', decisions: ['uphold', 'restore'], ownInitiative };
  if (file.status === 'awaiting_review' || file.status === 'escalated_review')
    return ownInitiative
      ? { kind: 'proactive_review', decisions: ['approve', 'reject'], ownInitiative }
      : { kind: 'review', decisions: ['approve', 'reject', 'request_info'], ownInitiative };
  if (file.audit) return { kind: 'audit', decisions: ['uphold', 'restore'], ownInitiative };
  return null;
}

/** The translation key of a decision's label, in the words of what it decides. */
export function decisionLabelKey(kind: DecisionKind, decision: CaseDecision): string {
  if (kind === 'proactive_review' || kind === 'audit')
    return `decision.${kind}.options.${decision}`;
  return `decision.options.${decision}`;
}

/**
 * What happens to the listing, as each party is told it: the rights holder is told nothing of an
 * own-initiative case (it filed no notice), and the seller is told in the words of its case.
 */
export function outcomeKeys(
  kind: DecisionKind,
  ownInitiative: boolean,
  decision: CaseDecision,
): { rightsHolder?: string; seller: string } {
  if (kind === 'proactive_review' || kind === 'audit')
    return { seller: `decision.${kind}.tellSeller.${decision}` };
  return {
    ...(ownInitiative ? {} : { rightsHolder: `decision.tell.rh.${decision}` }),
    seller: `decision.tell.seller.${decision}`,
  };
}
