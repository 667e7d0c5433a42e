/**
 * What one function may touch. CDK turns it into IAM grants and environment variables (the
 * `bind*` helpers); the local cloud gives every function the same environment.
 */
export interface Grants {
  /** The single table: read-only or read-write. */
  table?: 'RO' | 'RW';
  /** The evidence bucket: read-only or read-write. */
  evidence?: 'RO' | 'RW';
  /** May start executions of these state machines (by logical name). */
  startExecution?: readonly string[];
  /** May call SendTaskSuccess/Failure/Heartbeat (AWS allows no narrower resource than `*`). */
  sendTaskResult?: boolean;
  /** May send email through SES. */
  sendEmail?: boolean;
  /** May call the marketplace API (its URL and credentials come from config). */
  marketplace?: boolean;
  /** May publish domain events on the event bus. */
  publishEvents?: boolean;
  /** May set a user's service-managed attributes (custom:rightsHolderId) in the user pool. */
  setUserAttributes?: boolean;
}
