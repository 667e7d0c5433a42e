/** The case does not wait for this input now, or another answer got there first (→ 409). */
export class NotAwaitingInput extends Error {
  override name = 'NotAwaitingInput';
}

export { ClaimedByAnother } from '../adapters/review-claim-errors.ts';
