/** The case does not wait for this input now, or another answer got there first (→ 409). */
export class NotAwaitingInput extends Error {
  override name = 'NotAwaitingInput';
}

/** Another reviewer holds a claim on the task that has not lapsed (→ 409). */
export class ClaimedByAnother extends Error {
  override name = 'ClaimedByAnother';
}
