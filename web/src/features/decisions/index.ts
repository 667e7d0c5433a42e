/** The decisions feature's public face: the form, its preview, the keyboard confirmation. */
export { reasonLabel, useReasonCodes } from './api/reason-codes.ts';
export { DecisionFormBody } from './components/decision-form-body.tsx';
export { DecisionModal } from './components/decision-modal.tsx';
export { decisionsForStatus } from './decisions.ts';
export { useDecisionForm } from './use-decision-form.ts';
