import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GetObjectCommand, GetObjectTaggingCommand } from '@aws-sdk/client-s3';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import * as z from 'zod';
import { getItem } from './case-store.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { loadEnv } from './env.ts';
import { keys } from './keys.ts';
import { evidenceBucket, presignGetObject, s3 } from './s3-client.ts';

const DEFAULT_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'text/plain',
  // a page snapshot; served only as an attachment
  'text/html',
];

const env = loadEnv({
  /** The largest evidence file accepted, in bytes. @default 26214400 (25 MiB) */
  EVIDENCE_MAX_BYTES: z.coerce.number().int().positive().default(26_214_400),
  /** Comma-separated content types accepted as evidence. @default DEFAULT_CONTENT_TYPES */
  EVIDENCE_CONTENT_TYPES: z.string().min(1).optional(),
  /** Seal only objects GuardDuty tagged `NO_THREATS_FOUND` (AWS). @default false */
  REQUIRE_MALWARE_SCAN: z.enum(['true', 'false']).default('false'),
});

/** What evidence the service accepts: config, with the defaults of API.md. */
export const evidencePolicy = {
  maxBytes: env.EVIDENCE_MAX_BYTES,
  contentTypes: env.EVIDENCE_CONTENT_TYPES
    ? env.EVIDENCE_CONTENT_TYPES.split(',')
        .map((type) => type.trim().toLowerCase())
        .filter(Boolean)
    : DEFAULT_CONTENT_TYPES,
  requireMalwareScan: env.REQUIRE_MALWARE_SCAN === 'true',
  uploadExpirySeconds: 15 * 60,
  downloadExpirySeconds: 5 * 60,
} as const;

/** The tag GuardDuty Malware Protection for S3 sets on each scanned object. */
export const MALWARE_SCAN_TAG = 'GuardDutyMalwareScanStatus';

export type EvidenceStatus = 'pending_upload' | 'sealed' | 'rejected';

/** Why sealing refused an upload. */
export type EvidenceRejection =
  | 'hash_mismatch'
  | 'size_mismatch'
  | 'content_type_mismatch'
  | 'content_not_of_declared_type'
  | 'too_large'
  | 'malware_detected';

/**
 * Who owns a piece of evidence: `RH#<id>` (a rights holder), `SELLER#<id>` (a seller), or
 * `SUB#<sub>` (a rights-holder user before registration, e.g. an agent's letter of authorisation),
 * or `PLATFORM` (staff: a mystery test buy's report, which any reviewer may cite).
 */
export type EvidenceOwner = `RH#${string}` | `SELLER#${string}` | `SUB#${string}` | 'PLATFORM';

/** What a piece of evidence is for (POST /v1/evidence `purpose`). */
export type EvidencePurpose = 'evidence' | 'manifest' | 'test_buy_report';

export interface EvidenceRecord {
  evidenceId: string;
  owner: EvidenceOwner;
  fileName: string;
  /** Declared by the uploader; sealing checks the object against all three. */
  contentType: string;
  size: number;
  sha256: string;
  status: EvidenceStatus;
  createdAt: string;
  uploadExpiresAt: string;
  sealedAt?: string;
  rejectedAt?: string;
  rejectionReason?: EvidenceRejection;
  /** What the service measured on the stored object. */
  stored?: { size: number; contentType: string; sha256?: string };
  /** The object version sealed (versioned bucket): downloads serve exactly it. */
  versionId?: string;
  /**
   * `manifest`: a bulk notice's listings (API.md, Bulk notices); `test_buy_report`: staff's report
   * of a mystery test buy. @default 'evidence'
   */
  purpose?: EvidencePurpose;
}

/** The object key of an evidence upload. */
export const evidenceObjectKey = (evidenceId: string) => `evidence/${evidenceId}`;

/** The evidence id of an object key, or undefined for a key that is not evidence. */
export function evidenceIdOfKey(key: string): string | undefined {
  const match = /^evidence\/([A-Za-z0-9][A-Za-z0-9_.:-]{0,127})$/.exec(key);
  return match?.[1];
}

/** Reads an evidence record. */
export const getEvidence = (evidenceId: string) =>
  getItem<EvidenceRecord>(keys.evidence(evidenceId));

/**
 * Records a new piece of evidence (`pending_upload`) and presigns the browser upload of exactly
 * the declared size and type, to `evidence/<id>`, for 15 minutes.
 */
export async function createEvidenceUpload(input: {
  owner: EvidenceOwner;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  purpose?: EvidencePurpose;
  now: Date;
}): Promise<{
  evidenceId: string;
  upload: { url: string; fields: Record<string, string> };
  expiresAt: string;
}> {
  const evidenceId = `evd-${randomUUID()}`;
  const key = evidenceObjectKey(evidenceId);
  const upload = await createPresignedPost(s3, {
    Bucket: evidenceBucket,
    Key: key,
    Conditions: [
      ['content-length-range', input.size, input.size],
      ['eq', '$Content-Type', input.contentType],
    ],
    Fields: { 'Content-Type': input.contentType },
    Expires: evidencePolicy.uploadExpirySeconds,
  });
  const at = input.now.toISOString();
  const expiresAt = new Date(
    input.now.getTime() + evidencePolicy.uploadExpirySeconds * 1000,
  ).toISOString();
  const record: EvidenceRecord = {
    evidenceId,
    owner: input.owner,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    sha256: input.sha256,
    status: 'pending_upload',
    createdAt: at,
    uploadExpiresAt: expiresAt,
    ...(input.purpose && input.purpose !== 'evidence' ? { purpose: input.purpose } : {}),
  };
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.evidence(evidenceId),
        type: 'Evidence',
        ...record,
        gsi1pk: `OWNER#${input.owner}`,
        gsi1sk: `EVIDENCE#${at}#${evidenceId}`,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return { evidenceId, upload, expiresAt };
}

/**
 * Settles a pending upload as sealed or rejected, once: a record no longer `pending_upload` is left
 * as it is (a repeated notification, or an object overwritten after sealing). False when it was.
 */
export async function settleEvidence(
  evidenceId: string,
  outcome:
    | {
        status: 'sealed';
        at: string;
        stored: NonNullable<EvidenceRecord['stored']>;
        versionId?: string;
      }
    | {
        status: 'rejected';
        at: string;
        reason: EvidenceRejection;
        stored?: EvidenceRecord['stored'];
      },
): Promise<boolean> {
  const fields: Record<string, unknown> = {
    status: outcome.status,
    [outcome.status === 'sealed' ? 'sealedAt' : 'rejectedAt']: outcome.at,
    stored: outcome.stored,
    ...(outcome.status === 'sealed'
      ? { versionId: outcome.versionId }
      : { rejectionReason: outcome.reason }),
  };
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':pending': 'pending_upload' };
  const sets: string[] = [];
  for (const [i, [name, value]] of Object.entries(fields).entries()) {
    if (value === undefined) continue;
    names[`#f${i}`] = name;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  }
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.evidence(evidenceId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(pk) AND #status = :pending',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** The stored object, as a stream (never loaded whole), with what S3 says of it. */
export async function openEvidenceObject(key: string): Promise<{
  body: AsyncIterable<Uint8Array>;
  contentType: string;
  contentLength: number | undefined;
  versionId: string | undefined;
}> {
  const result = await s3.send(new GetObjectCommand({ Bucket: evidenceBucket, Key: key }));
  return {
    body: result.Body as Readable,
    contentType: result.ContentType ?? '',
    contentLength: result.ContentLength,
    versionId: result.VersionId,
  };
}

/** A sealed object's bytes, exactly the version sealed (a manifest: at most the size limit). */
export async function readSealedObject(record: EvidenceRecord): Promise<Buffer> {
  const result = await s3.send(
    new GetObjectCommand({
      Bucket: evidenceBucket,
      Key: evidenceObjectKey(record.evidenceId),
      ...(record.versionId ? { VersionId: record.versionId } : {}),
    }),
  );
  return Buffer.from(await result.Body!.transformToByteArray());
}

/** GuardDuty's scan result tag on an object, or undefined while it has not been scanned. */
export async function malwareScanStatus(
  key: string,
  versionId?: string,
): Promise<string | undefined> {
  const result = await s3.send(
    new GetObjectTaggingCommand({
      Bucket: evidenceBucket,
      Key: key,
      ...(versionId ? { VersionId: versionId } : {}),
    }),
  );
  return result.TagSet?.find((tag) => tag.Key === MALWARE_SCAN_TAG)?.Value;
}

/**
 * A short-lived download link that makes S3 serve the sealed object as an attachment, never inline
 * (an HTML snapshot must not render in the service's or S3's origin).
 */
export function evidenceDownloadUrl(record: EvidenceRecord): Promise<string> {
  return presignGetObject({
    key: evidenceObjectKey(record.evidenceId),
    ...(record.versionId ? { versionId: record.versionId } : {}),
    expiresInSeconds: evidencePolicy.downloadExpirySeconds,
    responseContentDisposition: attachmentDisposition(record.fileName),
    responseContentType: record.contentType,
  });
}

/** The types a browser may show inline: they run no script and render no markup. */
export const INLINE_SAFE_TYPES: readonly RegExp[] = [
  /^image\/(png|jpeg|webp|gif)$/,
  /^application\/pdf$/,
  /^text\/plain$/,
];

/** Whether evidence of this type may be shown inline (else: download only). */
export const inlineSafe = (contentType: string) =>
  INLINE_SAFE_TYPES.some((pattern) => pattern.test(contentType));

/**
 * A short-lived link that shows sealed evidence inline, for the types `inlineSafe` admits only;
 * S3 serves it with the declared type (plain text as UTF-8) and `inline`.
 */
export function evidenceViewUrl(record: EvidenceRecord): Promise<string> {
  return presignGetObject({
    key: evidenceObjectKey(record.evidenceId),
    ...(record.versionId ? { versionId: record.versionId } : {}),
    expiresInSeconds: evidencePolicy.downloadExpirySeconds,
    responseContentDisposition: attachmentDisposition(record.fileName).replace(
      /^attachment/,
      'inline',
    ),
    responseContentType:
      record.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : record.contentType,
  });
}

/** `attachment` with an ASCII fallback name and the RFC 5987 UTF-8 name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\;]/g, '_').trim() || 'evidence';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
