/** The decisions feature's public face: the form, its preview, the keyboard confirmation. */
export { reasonLabel, useReasonCodes } from './api/reason-codes.ts';
export { DECISION_FIELDS, DecisionFields } from './components/decision-fields.tsx';
export { DecisionFormBody } from './components/decision-form-body.tsx';
export { DecisionModal } from './components/decision-modal.tsx';
export { type DecisionKind, type PendingDecision, pendingDecision } from './decisions.ts';
export { type DecisionDraft, emptyDraft, isComplete, toBody } from './draft.ts';
export { useDecisionForm } from './use-decision-form.ts';
