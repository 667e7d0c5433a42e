import type { CaseDecision, DecisionBody } from '../../api/contract.ts';

export interface DecisionDraft<D extends string = CaseDecision> {
  decision: D;
  reasonCode: string;
  reasons: string;
  note: string;
}

export const emptyDraft = <D extends string>(decision: D): DecisionDraft<D> => ({
  decision,
  reasonCode: '',
  reasons: '',
  note: '',
});

/** Whether the draft has what the API requires (a code and reasons). */
export function isComplete(draft: DecisionDraft<string>): boolean {
  return draft.reasonCode.trim() !== '' && draft.reasons.trim() !== '';
}

/** The request body; an empty note is left out. */
export function toBody<D extends string = CaseDecision>(
  draft: DecisionDraft<D>,
): Omit<DecisionBody, 'decision'> & { decision: D } {
  return {
    decision: draft.decision,
    reasonCode: draft.reasonCode.trim(),
    reasons: draft.reasons.trim(),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
  };
}
