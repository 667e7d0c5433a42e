/** The case does not wait for this input now, or another answer got there first (→ 409). */
export class NotAwaitingInput extends Error {
  override name = 'NotAwaitingInput';
}

export { ClaimedByAnother } from '../adapters/review-claim-errors.ts';

/**
 * The case's state forbids the action, for a reason the caller may read (→ 409 with that reason
 * as the problem's detail): e.g. an appeal after its window, a second counter-notice.
 */
export class StateRefused extends Error {
  override name = 'StateRefused';
}
