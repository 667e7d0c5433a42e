import { useState } from 'react';
import type { CaseDecision } from '../../api/contract.ts';
import { useDecideCase } from './api/decide-case.ts';
import { type DecisionDraft, emptyDraft, isComplete, toBody } from './draft.ts';

/**
 * The state of one decision form (on the case page, or the queue's keyboard confirmation): the
 * draft, whether a submit was tried (to flag empty required fields), and the submission.
 */
export function useDecisionForm(caseId: string, initial: CaseDecision) {
  const [draft, setDraft] = useState<DecisionDraft>(() => emptyDraft(initial));
  const [tried, setTried] = useState(false);
  const decide = useDecideCase();
  const submit = (onDecided: (status: string) => void) => {
    setTried(true);
    if (!isComplete(draft)) return;
    decide.mutate({ caseId, body: toBody(draft) }, { onSuccess: (r) => onDecided(r.status) });
  };
  return { draft, setDraft, tried, decide, submit };
}
