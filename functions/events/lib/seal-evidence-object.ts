import { createHash } from 'node:crypto';
import {
  type EvidenceRecord,
  type EvidenceRejection,
  evidenceIdOfKey,
  evidencePolicy,
  getEvidence,
  malwareScanStatus,
  openEvidenceObject,
  settleEvidence,
} from '../../adapters/evidence-store.ts';
import { logger } from '../../adapters/logger.ts';

/** What sealing did with one object. */
export type SealOutcome =
  | { kind: 'sealed'; evidenceId: string }
  | { kind: 'rejected'; evidenceId: string; reason: EvidenceRejection }
  /** Already sealed or rejected: a repeated notification, or an overwrite after sealing. */
  | { kind: 'already_settled'; evidenceId: string }
  /** Not an evidence upload the service issued. */
  | { kind: 'ignored' };

/** GuardDuty has not tagged the object yet: the invocation fails so that it is retried. */
export class MalwareScanPending extends Error {
  override name = 'MalwareScanPending';
}

const CLEAN = 'NO_THREATS_FOUND';

/**
 * Seals an uploaded evidence object, once.
 *
 * 1. Find the pending evidence record of the key; anything else is ignored or left as it is.
 * 2. Refuse an object whose size (from the notification) differs from the declared one, before
 *    reading it.
 * 3. Where malware scanning is required (AWS), refuse an object GuardDuty did not find clean.
 * 4. Stream the object through SHA-256, never holding it whole; stop as soon as it is longer than
 *    declared. Re-check its type (metadata and leading bytes) and size, as defence in depth behind
 *    the POST policy.
 * 5. Record size, type and hash, and set `sealed`; or `rejected` with the reason.
 */
export async function sealEvidenceObject(input: {
  key: string;
  /** The size the notification reports, when it does. */
  size?: number;
  now: Date;
}): Promise<SealOutcome> {
  const evidenceId = evidenceIdOfKey(input.key);
  if (!evidenceId) return { kind: 'ignored' };
  const record = await getEvidence(evidenceId);
  if (!record) {
    logger.warn('object created for unknown evidence', { evidenceId });
    return { kind: 'ignored' };
  }
  if (record.status !== 'pending_upload') {
    if (record.status === 'sealed')
      logger.warn('evidence object written again after sealing; the sealed version stands', {
        evidenceId,
      });
    return { kind: 'already_settled', evidenceId };
  }
  const at = input.now.toISOString();
  const reject = async (reason: EvidenceRejection, stored?: EvidenceRecord['stored']) =>
    settled(
      evidenceId,
      await settleEvidence(evidenceId, {
        status: 'rejected',
        at,
        reason,
        ...(stored ? { stored } : {}),
      }),
      { kind: 'rejected', evidenceId, reason },
    );

  if (input.size !== undefined && input.size !== record.size) {
    return reject(input.size > evidencePolicy.maxBytes ? 'too_large' : 'size_mismatch');
  }
  const key = input.key;
  if (evidencePolicy.requireMalwareScan) {
    const scan = await malwareScanStatus(key);
    if (scan === undefined) throw new MalwareScanPending(`evidence ${evidenceId} not scanned yet`);
    if (scan !== CLEAN) return reject('malware_detected');
  }

  const object = await openEvidenceObject(key);
  const storedType = normalizeType(object.contentType);
  const measured = await hashStream(object.body, record.size);
  const stored = {
    size: measured.size,
    contentType: storedType,
    ...(measured.sha256 ? { sha256: measured.sha256 } : {}),
  };
  if (measured.size > evidencePolicy.maxBytes) return reject('too_large', stored);
  if (measured.size !== record.size || measured.truncated) return reject('size_mismatch', stored);
  if (storedType !== normalizeType(record.contentType))
    return reject('content_type_mismatch', stored);
  if (!looksLike(record.contentType, measured.head))
    return reject('content_not_of_declared_type', stored);
  if (measured.sha256 !== record.sha256) return reject('hash_mismatch', stored);

  const sealed = await settleEvidence(evidenceId, {
    status: 'sealed',
    at,
    stored,
    ...(object.versionId ? { versionId: object.versionId } : {}),
  });
  return settled(evidenceId, sealed, { kind: 'sealed', evidenceId });
}

function settled(evidenceId: string, written: boolean, outcome: SealOutcome): SealOutcome {
  if (!written) return { kind: 'already_settled', evidenceId };
  logger.info('evidence settled', { evidenceId, outcome: outcome.kind });
  return outcome;
}

/**
 * Hashes a stream chunk by chunk. Reading stops once more than `limit` bytes arrived (the object is
 * then refused anyway, and hashing the rest would only cost time); `truncated` says so.
 */
async function hashStream(
  body: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<{ size: number; sha256?: string; head: Buffer; truncated: boolean }> {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (head.length < 16) head = Buffer.concat([head, Buffer.from(chunk)]).subarray(0, 16);
    if (size > limit) return { size, head, truncated: true };
    hash.update(chunk);
  }
  return { size, sha256: hash.digest('hex'), head, truncated: false };
}

function normalizeType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The leading bytes binary formats must start with; text types have none to check. */
function looksLike(contentType: string, head: Buffer): boolean {
  const starts = (bytes: number[], offset = 0) =>
    bytes.every((byte, i) => head[offset + i] === byte);
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
  switch (normalizeType(contentType)) {
    case 'application/pdf':
      return starts(ascii('%PDF-'));
    case 'image/png':
      return starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return starts([0xff, 0xd8, 0xff]);
    case 'image/webp':
      return starts(ascii('RIFF')) && starts(ascii('WEBP'), 8);
    default:
      return true;
  }
}
