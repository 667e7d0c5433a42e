/** Another reviewer holds a claim on the task that has not lapsed (→ 409). */
export class ClaimedByAnother extends Error {
  override name = 'ClaimedByAnother';
}

/** No such task is open (→ 404). */
export class NoSuchTask extends Error {
  override name = 'NoSuchTask';
}
