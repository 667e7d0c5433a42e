import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import * as z from 'zod';
import { loadEnv } from './env.ts';

const env = loadEnv({
  EVIDENCE_BUCKET: z.string().min(3),
  /** Path-style addressing, for S3-protocol servers on localhost (the local cloud sets it). */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
});

/** The evidence bucket's name. */
export const evidenceBucket = env.EVIDENCE_BUCKET;

/**
 * The S3 client, created once per module. Checksums only WHEN_REQUIRED: the SDK's default adds
 * an empty-body CRC to presigned requests that real S3 rejects (aws-sdk-js-v3#6994), and the local
 * S3 server stores streamed uploads' chunk framing as data under it (TOOLCHAIN.md).
 */
export const s3 = new S3Client({
  forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

/** A presigned GET URL of an evidence object that makes S3 answer with the given response headers. */
export async function presignGetObject(input: {
  key: string;
  versionId?: string;
  expiresInSeconds: number;
  responseContentDisposition: string;
  responseContentType?: string;
}): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: evidenceBucket,
    Key: input.key,
    ResponseContentDisposition: input.responseContentDisposition,
    ...(input.responseContentType ? { ResponseContentType: input.responseContentType } : {}),
    ...(input.versionId ? { VersionId: input.versionId } : {}),
  });
  return getSignedUrl(s3, command, { expiresIn: input.expiresInSeconds });
}
