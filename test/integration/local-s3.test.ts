import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  corsOriginFor,
  type LocalS3,
  type S3ObjectCreatedRecord,
  startLocalS3,
} from '../../local/s3/index.ts';
import { MultipartParser, type PartInfo } from '../../local/s3/multipart.ts';

const BUCKET = 'evidence';
const REGION = 'eu-west-1';
const CREDENTIALS = { accessKeyId: 'LOCALKEY', secretAccessKey: 'local-secret-key' };
const PDF_CONDITIONS: NonNullable<Parameters<typeof createPresignedPost>[1]['Conditions']> = [
  ['content-length-range', 1, 1024],
  ['eq', '$Content-Type', 'application/pdf'],
];

function client(
  endpoint: string,
  credentials = CREDENTIALS,
  checksums: 'WHEN_REQUIRED' | 'WHEN_SUPPORTED' = 'WHEN_REQUIRED',
): S3Client {
  return new S3Client({
    region: REGION,
    endpoint,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: checksums,
    responseChecksumValidation: checksums,
  });
}

async function postForm(
  url: string,
  fields: Record<string, string>,
  file: Uint8Array,
  filename = 'notice.pdf',
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([file], { type: 'application/pdf' }), filename);
  return fetch(url, { method: 'POST', body: form, headers });
}

async function readAll(body: unknown): Promise<Buffer> {
  const bytes = await (
    body as { transformToByteArray(): Promise<Uint8Array> }
  ).transformToByteArray();
  return Buffer.from(bytes);
}

async function exists(s3: S3Client, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
      return false;
    }
    throw error;
  }
}

function xmlCode(xml: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
}

describe('local S3', () => {
  let localS3: LocalS3;
  let s3: S3Client;
  let clock = Date.now();
  const events: S3ObjectCreatedRecord[] = [];
  const eventsFor = (key: string) => events.filter((event) => event.key === key);

  beforeAll(async () => {
    localS3 = await startLocalS3({
      buckets: [BUCKET, 'other'],
      credentials: CREDENTIALS,
      region: REGION,
      now: () => clock,
      corsOrigins: ['http://127.0.0.1:*'],
      onObjectCreated: (record) => {
        events.push(record);
      },
    });
    s3 = client(localS3.endpoint);
  });

  afterAll(async () => {
    s3?.destroy();
    await localS3?.stop();
  });

  it('binds to loopback on a free port', () => {
    expect(localS3.endpoint).toBe(`http://127.0.0.1:${localS3.port}`);
    expect(localS3.port).toBeGreaterThan(0);
  });

  it('round-trips a 3 MiB binary body byte for byte, and notifies the Put', async () => {
    const body = randomBytes(3 * 1024 * 1024 + 17);
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'bin/blob',
        Body: body,
        ContentType: 'image/png',
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'bin/blob' }));
    const bytes = await readAll(got.Body);
    expect(bytes.length).toBe(body.length);
    expect(bytes.equals(body)).toBe(true);
    expect(got.ContentType).toBe('image/png');
    await vi.waitFor(() => expect(eventsFor('bin/blob')).toHaveLength(1));
    expect(eventsFor('bin/blob')[0]).toMatchObject({
      eventName: 'ObjectCreated:Put',
      bucket: BUCKET,
      size: body.length,
    });
  });

  it('decodes aws-chunked streamed uploads from a client with default checksums', async () => {
    const defaults = client(localS3.endpoint, CREDENTIALS, 'WHEN_SUPPORTED');
    try {
      const body = randomBytes(3 * 1024 * 1024 + 5);
      const sent = await defaults.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: 'bin/streamed',
          Body: Readable.from([body.subarray(0, 1_000_000), body.subarray(1_000_000)]),
          ContentLength: body.length,
        }),
      );
      expect(sent.$metadata.httpStatusCode).toBe(200);
      const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'bin/streamed' }));
      expect(got.ContentEncoding).toBeUndefined();
      expect((await readAll(got.Body)).equals(body)).toBe(true);
    } finally {
      defaults.destroy();
    }
  });

  it('accepts a presigned POST that meets its policy: 204, stored, one Post notification', async () => {
    const key = 'uploads/ok.pdf';
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: key,
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf' },
      Expires: 300,
    });
    expect(url).toBe(`${localS3.endpoint}/${BUCKET}`);
    const file = Buffer.from('%PDF-1.7 a small notice');
    const res = await postForm(url, fields, file);
    expect(res.status).toBe(204);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);

    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(got.ContentType).toBe('application/pdf');
    expect((await readAll(got.Body)).equals(file)).toBe(true);

    await vi.waitFor(() => expect(eventsFor(key)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(eventsFor(key)).toEqual([
      expect.objectContaining({
        eventName: 'ObjectCreated:Post',
        bucket: BUCKET,
        key,
        size: file.length,
        eTag: res.headers.get('etag')?.replaceAll('"', ''),
      }),
    ]);
  });

  it('answers a form upload from an admitted origin with its CORS headers, success or error, as S3 does', async () => {
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: 'uploads/from-the-portal.pdf',
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf' },
      Expires: 300,
    });
    const file = Buffer.from('%PDF-1.7 from a browser');
    const portal = { origin: 'http://127.0.0.1:5173' };
    const ok = await postForm(url, fields, file, 'a.pdf', portal);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const refused = await postForm(
      url,
      { ...fields, 'Content-Type': 'text/html' },
      file,
      'a.pdf',
      portal,
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const foreign = await postForm(url, fields, file, 'a.pdf', { origin: 'https://evil.example' });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 201 with a PostResponse and substitutes the filename variable in the key', async () => {
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: S3's literal key variable
      Key: 'named/${filename}',
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf', success_action_status: '201' },
    });
    const res = await postForm(url, fields, Buffer.from('%PDF named'), 'report 1.pdf');
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/xml');
    const xml = await res.text();
    expect(xml).toContain('<Key>named/report 1.pdf</Key>');
    expect(xml).toContain(`<Bucket>${BUCKET}</Bucket>`);
    expect(await exists(s3, 'named/report 1.pdf')).toBe(true);
  });

  it('refuses a file over content-length-range as S3 does (400 EntityTooLarge): nothing stored', async () => {
    const key = 'uploads/too-large.pdf';
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: key,
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf' },
    });
    const res = await postForm(url, fields, randomBytes(1025));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/xml');
    const xml = await res.text();
    expect(xmlCode(xml)).toBe('EntityTooLarge');
    expect(xml).toContain('<MaxSizeAllowed>1024</MaxSizeAllowed>');
    expect(await exists(s3, key)).toBe(false);

    // A body far over the limit is drained, not buffered, and refused the same way.
    const huge = await postForm(url, fields, randomBytes(5 * 1024 * 1024));
    expect(huge.status).toBe(400);
    expect(xmlCode(await huge.text())).toBe('EntityTooLarge');
    expect(await exists(s3, key)).toBe(false);
    expect(eventsFor(key)).toEqual([]);
  });

  it('refuses an empty file under content-length-range min (400 EntityTooSmall)', async () => {
    const key = 'uploads/empty.pdf';
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: key,
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf' },
    });
    const res = await postForm(url, fields, new Uint8Array(0));
    expect(res.status).toBe(400);
    expect(xmlCode(await res.text())).toBe('EntityTooSmall');
    expect(await exists(s3, key)).toBe(false);
  });

  it('refuses a content type outside the policy with 403: nothing stored', async () => {
    const key = 'uploads/wrong-type.pdf';
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: key,
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf' },
    });
    const res = await postForm(url, { ...fields, 'Content-Type': 'text/html' }, Buffer.from('<p>'));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/xml');
    const xml = await res.text();
    expect(xmlCode(xml)).toBe('AccessDenied');
    expect(xml).toContain('Invalid according to Policy: Policy Condition failed:');
    expect(xml).toContain('$Content-Type');
    expect(await exists(s3, key)).toBe(false);
    expect(eventsFor(key)).toEqual([]);
  });

  it('refuses an expired policy, by the injected clock, with 403: nothing stored', async () => {
    const key = 'uploads/expired.pdf';
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: key,
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf' },
      Expires: 60,
    });
    const before = clock;
    clock = Date.now() + 61_000;
    try {
      const res = await postForm(url, fields, Buffer.from('%PDF late'));
      expect(res.status).toBe(403);
      const xml = await res.text();
      expect(xmlCode(xml)).toBe('AccessDenied');
      expect(xml).toContain('Invalid according to Policy: Policy expired.');
    } finally {
      clock = before;
    }
    expect(await exists(s3, key)).toBe(false);
  });

  it('refuses a tampered policy, a tampered signature and an unknown key with 403', async () => {
    const key = 'uploads/tampered.pdf';
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: key,
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf' },
    });
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8'));
    policy.conditions = policy.conditions.map((condition: unknown) =>
      Array.isArray(condition) && condition[0] === 'content-length-range'
        ? ['content-length-range', 1, 10_000_000]
        : condition,
    );
    const widened = Buffer.from(JSON.stringify(policy)).toString('base64');
    const big = randomBytes(2048);

    const tamperedPolicy = await postForm(url, { ...fields, Policy: widened }, big);
    expect(tamperedPolicy.status).toBe(403);
    expect(xmlCode(await tamperedPolicy.text())).toBe('SignatureDoesNotMatch');

    const signature = fields['X-Amz-Signature']!;
    const flipped = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
    const tamperedSignature = await postForm(
      url,
      { ...fields, 'X-Amz-Signature': flipped },
      Buffer.from('%PDF'),
    );
    expect(tamperedSignature.status).toBe(403);
    expect(xmlCode(await tamperedSignature.text())).toBe('SignatureDoesNotMatch');

    const stranger = client(localS3.endpoint, { accessKeyId: 'STRANGER', secretAccessKey: 'x' });
    try {
      const forged = await createPresignedPost(stranger, {
        Bucket: BUCKET,
        Key: key,
        Conditions: PDF_CONDITIONS,
        Fields: { 'Content-Type': 'application/pdf' },
      });
      const res = await postForm(forged.url, forged.fields, Buffer.from('%PDF'));
      expect(res.status).toBe(403);
      expect(xmlCode(await res.text())).toBe('InvalidAccessKeyId');
    } finally {
      stranger.destroy();
    }
    expect(await exists(s3, key)).toBe(false);
    expect(eventsFor(key)).toEqual([]);
  });

  it('refuses an extra field the policy does not cover, but ignores x-ignore-* fields', async () => {
    const key = 'uploads/extra.pdf';
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: key,
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf' },
    });
    const extra = await postForm(
      url,
      { ...fields, 'x-amz-meta-owner': 'mallory' },
      Buffer.from('%PDF'),
    );
    expect(extra.status).toBe(403);
    const xml = await extra.text();
    expect(xmlCode(xml)).toBe('AccessDenied');
    expect(xml).toContain('Extra input fields: x-amz-meta-owner');
    expect(await exists(s3, key)).toBe(false);

    const ignored = await postForm(
      url,
      { ...fields, 'x-ignore-submit': 'Upload' },
      Buffer.from('%PDF'),
    );
    expect(ignored.status).toBe(204);
    expect(await exists(s3, key)).toBe(true);
  });

  it('stores signed x-amz-meta-* fields as object metadata', async () => {
    const key = 'uploads/meta.pdf';
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: key,
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf', 'x-amz-meta-evidence-id': 'ev-123' },
    });
    const res = await postForm(url, fields, Buffer.from('%PDF meta'));
    expect(res.status).toBe(204);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.Metadata).toEqual({ 'evidence-id': 'ev-123' });
  });

  it('refuses a form for a missing bucket with 404 NoSuchBucket', async () => {
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: 'missing',
      Key: 'x.pdf',
      Conditions: PDF_CONDITIONS,
      Fields: { 'Content-Type': 'application/pdf' },
    });
    const res = await postForm(url, fields, Buffer.from('%PDF'));
    expect(res.status).toBe(404);
    expect(xmlCode(await res.text())).toBe('NoSuchBucket');
  });

  it('names copy and multipart-complete notifications as S3 does', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'mp/source', Body: 'source' }));
    await s3.send(
      new CopyObjectCommand({ Bucket: 'other', Key: 'mp/copy', CopySource: `${BUCKET}/mp/source` }),
    );
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'mp/whole' }),
    );
    const part = await s3.send(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: 'mp/whole',
        UploadId,
        PartNumber: 1,
        Body: Buffer.from('one part'),
      }),
    );
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: 'mp/whole',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    await vi.waitFor(() => {
      expect(eventsFor('mp/copy')).toEqual([
        expect.objectContaining({ eventName: 'ObjectCreated:Copy', bucket: 'other', size: 6 }),
      ]);
      expect(eventsFor('mp/whole')).toEqual([
        expect.objectContaining({
          eventName: 'ObjectCreated:CompleteMultipartUpload',
          bucket: BUCKET,
          size: 8,
        }),
      ]);
    });
  });
});

describe('local S3 lifecycle', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-s3-test-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps objects when restarted on the same dataDir', async () => {
    const options = { dataDir, buckets: [BUCKET], credentials: CREDENTIALS, region: REGION };
    const first = await startLocalS3(options);
    const firstClient = client(first.endpoint);
    try {
      await firstClient.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: 'kept.txt', Body: 'still here' }),
      );
    } finally {
      firstClient.destroy();
      await first.stop();
    }

    const second = await startLocalS3(options);
    const secondClient = client(second.endpoint);
    try {
      const got = await secondClient.send(
        new GetObjectCommand({ Bucket: BUCKET, Key: 'kept.txt' }),
      );
      expect((await readAll(got.Body)).toString('utf8')).toBe('still here');
    } finally {
      secondClient.destroy();
      await second.stop();
    }
  });

  it('logs a failing onObjectCreated and keeps serving', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const localS3 = await startLocalS3({
      buckets: [BUCKET],
      credentials: CREDENTIALS,
      region: REGION,
      onObjectCreated: () => {
        throw new Error('sealing failed');
      },
    });
    const s3 = client(localS3.endpoint);
    try {
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a.txt', Body: 'a' }));
      await vi.waitFor(() =>
        expect(errors).toHaveBeenCalledWith(
          expect.stringContaining('onObjectCreated failed'),
          expect.objectContaining({ message: 'sealing failed' }),
        ),
      );
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'b.txt', Body: 'b' }));
      expect(await exists(s3, 'b.txt')).toBe(true);
    } finally {
      s3.destroy();
      await localS3.stop();
      errors.mockRestore();
    }
  });

  it('stops both servers', async () => {
    const localS3 = await startLocalS3({
      buckets: [BUCKET],
      credentials: CREDENTIALS,
      region: REGION,
    });
    await localS3.stop();
    await expect(fetch(`${localS3.endpoint}/${BUCKET}`)).rejects.toThrow();
  });
});

describe('Function: corsOriginFor', () => {
  it('admits an origin a rule matches, one * standing for any text, and nothing else', () => {
    expect(corsOriginFor('http://127.0.0.1:40123', ['http://127.0.0.1:*'])).toBe(
      'http://127.0.0.1:40123',
    );
    expect(
      corsOriginFor('http://127.0.0.1.evil.example:1', ['http://127.0.0.1:*']),
    ).toBeUndefined();
    expect(corsOriginFor('http://localhost:1', ['http://127.0.0.1:*'])).toBeUndefined();
    expect(corsOriginFor(undefined, ['*'])).toBeUndefined();
    expect(corsOriginFor('https://portal.example.com', [])).toBeUndefined();
  });
});

describe('multipart parser', () => {
  it('parses a form split at every byte the same as whole', async () => {
    const form = new FormData();
    form.append('key', 'a/b.pdf');
    form.append('Content-Type', 'application/pdf');
    const file = Buffer.concat([Buffer.from('\r\n--not-the-boundary\r\n'), randomBytes(300)]);
    form.append('file', new Blob([file]), 'x "y".pdf');
    form.append('after', 'ignored');
    const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
    const boundary = /boundary=(.+)$/.exec(request.headers.get('content-type') ?? '')?.[1];
    const body = Buffer.from(await request.arrayBuffer());

    const parse = (chunkSize: number) => {
      const parts: { info: PartInfo; data: Buffer }[] = [];
      const parser = new MultipartParser(boundary!, {
        onPartStart: (info) => parts.push({ info, data: Buffer.alloc(0) }),
        onPartData: (chunk) => {
          const last = parts[parts.length - 1]!;
          last.data = Buffer.concat([last.data, chunk]);
        },
        onPartEnd: () => {},
      });
      for (let i = 0; i < body.length; i += chunkSize)
        parser.write(body.subarray(i, i + chunkSize));
      parser.end();
      return parts;
    };

    const whole = parse(body.length);
    expect(whole.map((part) => part.info.name)).toEqual(['key', 'Content-Type', 'file', 'after']);
    expect(whole[0]!.data.toString()).toBe('a/b.pdf');
    expect(whole[2]!.info.filename).toBe('x %22y%22.pdf');
    expect(whole[2]!.data.equals(file)).toBe(true);
    expect(parse(1)).toEqual(whole);
    expect(parse(7)).toEqual(whole);
  });

  it('throws on a truncated body', () => {
    const parser = new MultipartParser('xyz', {
      onPartStart: () => {},
      onPartData: () => {},
      onPartEnd: () => {},
    });
    parser.write(Buffer.from('--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue'));
    expect(() => parser.end()).toThrow(/ended before the closing boundary/);
  });
});
