import type { CaseDecision, DecisionBody } from '../../api/contract.ts';

export interface DecisionDraft {
  decision: CaseDecision;
  reasonCode: string;
  reasons: string;
  note: string;
}

export const emptyDraft = (decision: CaseDecision): DecisionDraft => ({
  decision,
  reasonCode: '',
  reasons: '',
  note: '',
});

/** Whether the draft has what the API requires (a code and reasons). */
export function isComplete(draft: DecisionDraft): boolean {
  return draft.reasonCode.trim() !== '' && draft.reasons.trim() !== '';
}

/** The request body; an empty note is left out. */
export function toBody(draft: DecisionDraft): DecisionBody {
  return {
    decision: draft.decision,
    reasonCode: draft.reasonCode.trim(),
    reasons: draft.reasons.trim(),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
  };
}
