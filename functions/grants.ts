/**
 * What one function may touch. CDK turns it into IAM grants and environment variables (the
 * `bind*` helpers); the local cloud gives every function the same environment.
 *
 * Each right maps to the IAM actions its adapters' calls need and nothing more; the
 * least-privilege test (test/infra/least-privilege.test.ts) reads every function's bundle and
 * fails when a synthesized policy grants an action its code cannot call, or misses one it can.
 */

/**
 * A right on the single table:
 * - `read`: GetItem, BatchGetItem, Query (reading items by key);
 * - `write`: PutItem, UpdateItem (also inside TransactWriteItems);
 * - `delete`: DeleteItem (also inside TransactWriteItems).
 * No function scans, batch-writes or describes the table, so no right grants it.
 */
export type TableRight = 'read' | 'write' | 'delete';

/**
 * A right on the evidence bucket's objects:
 * - `read`: GetObject and GetObjectVersion (streaming, presigned GETs of a pinned version);
 * - `readTags`: GetObjectTagging and GetObjectVersionTagging (the malware scan verdict);
 * - `upload`: PutObject, which a presigned POST is signed with; never PutObjectTagging, so an
 *   uploader cannot forge the scan verdict that sealing trusts;
 * - `delete`: DeleteObject and DeleteObjectVersion (retention; the bucket is versioned).
 */
export type EvidenceRight = 'read' | 'readTags' | 'upload' | 'delete';

/** `RO` is `['read']`, `RW` is `['read', 'write']`. */
export type TableAccess = 'RO' | 'RW' | readonly TableRight[];

/** The table rights an access names. */
export function tableRights(access: TableAccess): readonly TableRight[] {
  if (access === 'RO') return ['read'];
  if (access === 'RW') return ['read', 'write'];
  return access;
}

export interface Grants {
  /** The single table. */
  table?: TableAccess;
  /** The evidence bucket's objects. */
  evidence?: readonly EvidenceRight[];
  /** May start executions of these state machines (by logical name). */
  startExecution?: readonly string[];
  /** May call SendTaskSuccess (AWS allows no narrower resource than `*`): deciding functions only. */
  sendTaskResult?: boolean;
  /** May send email through SES. */
  sendEmail?: boolean;
  /** May call the marketplace API (its URL and credentials come from config). */
  marketplace?: boolean;
  /**
   * May submit statements of reasons to the DSA Transparency Database (its URL from config, its
   * token from a Secrets Manager secret when one is configured).
   */
  transparencyDatabase?: boolean;
  /** May publish domain events on the event bus. */
  publishEvents?: boolean;
  /**
   * May set the service-managed attribute `custom:rightsHolderId` of a user in the user pool
   * (IAM cannot narrow AdminUpdateUserAttributes to one attribute: the adapter writes only that).
   */
  setUserAttributes?: boolean;
}
