import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { formatUrl } from '@aws-sdk/core/util';
import { getEndpointFromInstructions, toEndpointV1 } from '@smithy/core/endpoints';
import { SignatureV4 } from '@smithy/signature-v4';
import { z } from 'zod';
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

/**
 * A presigned GET URL of an evidence object that makes S3 answer with the given response headers.
 * It signs the way `@aws-sdk/s3-request-presigner` does (SigV4 query signing with the client's own
 * endpoint resolution and credentials), with the packages `@aws-sdk/s3-presigned-post` already uses.
 */
export async function presignGetObject(input: {
  key: string;
  versionId?: string;
  expiresInSeconds: number;
  responseContentDisposition: string;
  responseContentType?: string;
}): Promise<string> {
  const endpoint = toEndpointV1(
    await getEndpointFromInstructions(
      { Bucket: evidenceBucket, Key: input.key },
      GetObjectCommand,
      {
        ...s3.config,
      },
    ),
  );
  const base = endpoint.path.endsWith('/') ? endpoint.path.slice(0, -1) : endpoint.path;
  const keyPath = input.key.split('/').map(encodeURIComponent).join('/');
  const query: Record<string, string> = {
    'response-content-disposition': input.responseContentDisposition,
    ...(input.responseContentType ? { 'response-content-type': input.responseContentType } : {}),
    ...(input.versionId ? { versionId: input.versionId } : {}),
  };
  const host = endpoint.port ? `${endpoint.hostname}:${endpoint.port}` : endpoint.hostname;
  const signer = new SignatureV4({
    service: 's3',
    region: await s3.config.region(),
    credentials: s3.config.credentials,
    sha256: s3.config.sha256,
    // S3 signs the path as sent: the key is encoded once, here.
    uriEscapePath: false,
  });
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      ...(endpoint.port ? { port: endpoint.port } : {}),
      path: `${base}/${keyPath}`,
      query,
      headers: { host },
    },
    { expiresIn: input.expiresInSeconds },
  );
  return formatUrl(signed);
}
