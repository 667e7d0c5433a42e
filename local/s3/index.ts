import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import {
  Agent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type LocalServer, type RouteHandler, startLoopbackServer } from '../http.ts';
import { AwsChunkedDecoder, decodedHeaders, isAwsChunked } from './aws-chunked.ts';
import { MalformedMultipartError, MultipartParser, multipartBoundary } from './multipart.ts';
import { checkSize, evaluatePostPolicy, type S3ErrorInfo, type UploadPlan } from './post-policy.ts';

/**
 * A local S3: s3rver behind a thin proxy that enforces browser-form (POST policy) uploads the way
 * S3 does, decodes aws-chunked bodies, and reports object-created events like a bucket
 * notification would.
 */

export interface S3ObjectCreatedRecord {
  /**
   * `ObjectCreated:Put`, `ObjectCreated:Post` (form uploads through the proxy),
   * `ObjectCreated:Copy` or `ObjectCreated:CompleteMultipartUpload`.
   */
  eventName: string;
  bucket: string;
  /** The plain object key. A real S3 event URL-encodes it (spaces as `+`); encode it if you build one. */
  key: string;
  size: number;
  /** The MD5 ETag without quotes; absent for copies (s3rver does not report it). */
  eTag?: string;
  /** ISO 8601, from `now()`. */
  eventTime: string;
}

export interface LocalS3Options {
  /** Directory for s3rver data; when undefined a fresh temp dir is used, and stop() removes it. */
  dataDir?: string;
  /** Created at start, idempotently: a restart on the same dataDir keeps objects. */
  buckets: string[];
  /** The only credentials the POST policy signature check accepts. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  /** Time source in ms for POST policy expiry and event times (default Date.now). */
  now?: () => number;
  /** Delivered for every object created (PUT, POST, copy, multipart complete). */
  onObjectCreated?: (record: S3ObjectCreatedRecord) => Promise<void> | void;
  /** Default 0 (a free port). */
  port?: number;
  /**
   * Origins a browser may GET objects from (presigned links followed by `fetch`), as the evidence
   * bucket's CORS rule admits the portal in AWS; one `*` wildcard each, as S3 allows.
   * @default [] (no CORS)
   */
  corsOrigins?: readonly string[];
}

/** A bucket CORS configuration admitting GET and POST from `origins`. */
function corsConfig(origins: readonly string[]): string {
  const allowed = origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('');
  return `<CORSConfiguration><CORSRule>${allowed}<AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>300</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

/**
 * The origin a browser form upload came from, if the bucket's CORS rule admits it (one `*` per
 * allowed origin, as S3 matches). S3 answers a form POST, success or error, with the CORS headers
 * of the matching rule; without them the browser hides the answer from the page.
 */
export function corsOriginFor(
  origin: string | undefined,
  allowed: readonly string[] = [],
): string | undefined {
  if (!origin) return undefined;
  const admits = (pattern: string) =>
    new RegExp(
      `^${pattern
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    ).test(origin);
  return allowed.some(admits) ? origin : undefined;
}

export interface LocalS3 {
  endpoint: string;
  port: number;
  /** Resolves once every object-created notification accepted so far has been handled. */
  settled(): Promise<void>;
  /** Closes both servers, waits for notifications in flight, removes the temp dir it created. */
  stop(): Promise<void>;
}

/** Form uploads whose policy sets no content-length-range are buffered up to this size. */
const MAX_UNBOUNDED_POST_BYTES = 256 * 1024 * 1024;
/** S3 refuses more than this many bytes of form fields before the file. */
const MAX_POST_PRE_DATA_BYTES = 20 * 1024;
/** Marks the proxy's own PUTs to s3rver that store a form upload. */
const ORIGIN_HEADER = 'x-local-s3-origin';
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

// --- s3rver, a CommonJS package without types -------------------------------------------------

interface S3rverRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } };
}
interface KoaContext {
  get(field: string): string;
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => unknown;
interface S3rverInstance {
  middleware: KoaMiddleware[];
  store: { getBucket(name: string): Promise<unknown> };
  httpServer?: Server;
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: { Records?: S3rverRecord[] }) => void): unknown;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  vhostBuckets: boolean;
  configureBuckets: { name: string; configs: string[] }[];
}) => S3rverInstance;
interface AccountModule {
  DUMMY_ACCOUNT: {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
    revokeAccessKey(accessKeyId: string): void;
  };
}

const require = createRequire(import.meta.url);
const S3rver = require('s3rver') as S3rverConstructor;
const accounts = require('s3rver/lib/models/account') as AccountModule;

// s3rver only accepts requests signed with access keys in its (process-wide) registry; it does
// not verify SigV4 header signatures. Keys are registered while an instance uses them.
const keyUsers = new Map<string, number>();
function registerKey(accessKeyId: string, secretAccessKey: string): void {
  accounts.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  keyUsers.set(accessKeyId, (keyUsers.get(accessKeyId) ?? 0) + 1);
}
function releaseKey(accessKeyId: string): void {
  const users = (keyUsers.get(accessKeyId) ?? 1) - 1;
  if (users > 0) {
    keyUsers.set(accessKeyId, users);
    return;
  }
  keyUsers.delete(accessKeyId);
  if (accessKeyId !== 'S3RVER') accounts.DUMMY_ACCOUNT.revokeAccessKey(accessKeyId);
}

// --- S3-style responses -----------------------------------------------------------------------

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function sendXml(
  res: ServerResponse,
  status: number,
  xml: string,
  headers: OutgoingHttpHeaders = {},
): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

function sendS3Error(res: ServerResponse, error: S3ErrorInfo): void {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const extra = Object.entries(error.extra ?? {})
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
  sendXml(
    res,
    error.status,
    `<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
      `${extra}<RequestId>${requestId}</RequestId><HostId>${randomBytes(24).toString('base64')}</HostId></Error>`,
    { 'x-amz-request-id': requestId },
  );
}

const malformedPost: S3ErrorInfo = {
  status: 400,
  code: 'MalformedPOSTRequest',
  message: 'The body of your POST request is not well-formed multipart/form-data.',
};

function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** Where the versioning layer keeps the versions of each key, in the key's own bucket. */
const VERSIONS_PREFIX = '.versions/';

const versionKey = (key: string, versionId: string) => `${VERSIONS_PREFIX}${key}/${versionId}`;

/**
 * The object a request reads or writes, if it names one: path-style `/<bucket>/<key>`. A write is
 * a PUT that is not a copy's or a part's, or the completion of a multipart upload; the versioning
 * layer's own keys are not objects.
 */
function objectTarget(
  req: IncomingMessage,
): { bucket: string; key: string; writes: boolean } | undefined {
  const url = new URL(req.url ?? '/', 'http://local');
  const match = /^\/([^/]+)\/(.+)$/.exec(url.pathname);
  if (!match) return undefined;
  const key = decodeURIComponent(match[2]!);
  if (key.startsWith(VERSIONS_PREFIX)) return undefined;
  const query = url.searchParams;
  const writes =
    (req.method === 'PUT' &&
      !query.has('partNumber') &&
      !query.has('tagging') &&
      !query.has('acl') &&
      req.headers['x-amz-copy-source'] === undefined) ||
    (req.method === 'POST' && query.has('uploadId'));
  return { bucket: decodeURIComponent(match[1]!), key, writes };
}

function isPrematureClose(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET';
}

// --- the local S3 -----------------------------------------------------------------------------

export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const now = options.now ?? Date.now;
  const ownsDir = options.dataDir === undefined;
  const directory = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'local-s3-')));
  await mkdir(directory, { recursive: true });

  const originToken = randomBytes(16).toString('hex');
  const origin = new AsyncLocalStorage<'form-upload'>();
  const pending = new Set<Promise<void>>();

  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({
      name,
      configs: options.corsOrigins?.length ? [corsConfig(options.corsOrigins)] : [],
    })),
  });
  // Runs first: marks the proxy's PUTs that store a form upload, so their event is a Post.
  s3rver.middleware.unshift((ctx, next) =>
    ctx.get(ORIGIN_HEADER) === originToken ? origin.run('form-upload', next) : next(),
  );
  s3rver.on('event', (event) => {
    const fromForm = origin.getStore() === 'form-upload';
    for (const record of event.Records ?? []) {
      if (!record.eventName.startsWith('ObjectCreated:')) continue;
      // The copies that keep object versions are the layer's own bookkeeping, not uploads.
      if (record.s3.object.key.startsWith(VERSIONS_PREFIX)) continue;
      // s3rver names a multipart completion ObjectCreated:Post; S3 names it like this.
      const eventName = fromForm
        ? 'ObjectCreated:Post'
        : record.eventName === 'ObjectCreated:Post'
          ? 'ObjectCreated:CompleteMultipartUpload'
          : record.eventName;
      const { size, eTag } = record.s3.object;
      deliver({
        eventName,
        bucket: record.s3.bucket.name,
        key: record.s3.object.key,
        size: typeof size === 'number' && Number.isFinite(size) ? size : 0,
        ...(eTag ? { eTag } : {}),
        eventTime: new Date(now()).toISOString(),
      });
    }
  });

  /** Writes whose version is being recorded, by `bucket/key`: notifications wait for them. */
  const versionsInFlight = new Map<string, Promise<void>>();

  /** Marks a key as being written until `done` is called (its version recorded, or none). */
  function holdNotifications(bucket: string, key: string): () => void {
    let done!: () => void;
    const ready = new Promise<void>((resolve) => {
      done = resolve;
    });
    versionsInFlight.set(`${bucket}/${key}`, ready);
    return () => {
      if (versionsInFlight.get(`${bucket}/${key}`) === ready)
        versionsInFlight.delete(`${bucket}/${key}`);
      done();
    };
  }

  function deliver(record: S3ObjectCreatedRecord): void {
    const handler = options.onObjectCreated;
    if (!handler) return;
    const delivery = origin.exit(async () => {
      await Promise.resolve(); // after s3rver's request handling, like a real notification
      // After the write's version is recorded: a reader of the notified object sees its version.
      await versionsInFlight.get(`${record.bucket}/${record.key}`);
      try {
        await handler(record);
      } catch (error) {
        console.error(
          `local-s3: onObjectCreated failed for ${record.eventName} s3://${record.bucket}/${record.key}`,
          error,
        );
      }
    });
    pending.add(delivery);
    void delivery.finally(() => pending.delete(delivery));
  }

  registerKey(options.credentials.accessKeyId, options.credentials.secretAccessKey);
  let backendPort: number;
  try {
    backendPort = (await s3rver.run()).port;
  } catch (error) {
    releaseKey(options.credentials.accessKeyId);
    if (ownsDir) await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const agent = new Agent({ keepAlive: true });
  let endpoint = '';

  /** Forwards a request unchanged (except aws-chunked decoding) and streams the answer back. */
  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = objectTarget(req);
    let path = req.url ?? '/';
    let versionHeader: string | undefined;
    if (target && (req.method === 'GET' || req.method === 'HEAD')) {
      const url = new URL(path, 'http://local');
      const requested = url.searchParams.get('versionId');
      if (requested) {
        // A version is served from its hidden copy; the answer names the version asked for.
        url.searchParams.delete('versionId');
        const hidden = `/${encodeURIComponent(target.bucket)}/${encodeKey(versionKey(target.key, requested))}`;
        path = `${hidden}${url.search}`;
        versionHeader = requested;
      } else {
        versionHeader = await latestVersion(target.bucket, target.key);
      }
    }
    const release = target?.writes ? holdNotifications(target.bucket, target.key) : () => {};
    try {
      await forwardTo(req, res, path, target, versionHeader);
    } finally {
      release();
    }
  }

  async function forwardTo(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    target: ReturnType<typeof objectTarget>,
    versionHeader: string | undefined,
  ): Promise<void> {
    let headers: IncomingHttpHeaders = { ...req.headers };
    for (const name of [...HOP_BY_HOP, 'expect', ORIGIN_HEADER]) delete headers[name];
    const chunked = isAwsChunked(req.headers);
    if (chunked) headers = decodedHeaders(headers);
    const upstreamRes = await new Promise<IncomingMessage>((resolve, reject) => {
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: backendPort,
          method: req.method,
          path,
          headers,
          agent,
        },
        resolve,
      );
      upstream.on('error', reject);
      const sent = chunked
        ? pipeline(req, new AwsChunkedDecoder(), upstream)
        : pipeline(req, upstream);
      sent.catch((error: unknown) => {
        upstream.destroy();
        reject(error);
      });
    });
    const responseHeaders: IncomingHttpHeaders = { ...upstreamRes.headers };
    for (const name of HOP_BY_HOP) delete responseHeaders[name];
    const ok = (upstreamRes.statusCode ?? 502) === 200;
    // A completed write (a PUT of an object, or a multipart upload's completion) is a new version.
    if (ok && target && target.writes) {
      const chunks: Buffer[] = [];
      for await (const chunk of upstreamRes) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const versionId = await recordVersion(target.bucket, target.key);
      delete responseHeaders['transfer-encoding'];
      res.writeHead(200, {
        ...responseHeaders,
        'content-length': String(body.length),
        ...(versionId ? { 'x-amz-version-id': versionId } : {}),
      });
      res.end(body);
      return;
    }
    if (ok && versionHeader) responseHeaders['x-amz-version-id'] = versionHeader;
    res.writeHead(upstreamRes.statusCode ?? 502, responseHeaders);
    await pipeline(upstreamRes, res);
  }

  /** Sends a request with a buffered body to s3rver and buffers the answer. */
  function backend(
    method: string,
    path: string,
    headers: OutgoingHttpHeaders,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        { host: '127.0.0.1', port: backendPort, method, path, headers, agent },
        (upstreamRes) => {
          const chunks: Buffer[] = [];
          upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
          upstreamRes.on('error', reject);
          upstreamRes.on('end', () =>
            resolve({
              status: upstreamRes.statusCode ?? 502,
              headers: upstreamRes.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  /**
   * Bucket versioning, as the evidence bucket has it in AWS: each object written gets a version
   * id (time-ordered), kept as a hidden copy (`.versions/<key>/<versionId>`) that a GET or HEAD
   * with `?versionId=` serves, and every GET or HEAD answers `x-amz-version-id`. Overwriting a
   * key leaves the versions before it readable, so sealing can pin the bytes it hashed.
   */
  async function recordVersion(bucket: string, key: string): Promise<string | undefined> {
    const versionId = `${String(now()).padStart(15, '0')}${randomBytes(6).toString('hex')}`;
    const copied = await backend(
      'PUT',
      `/${encodeURIComponent(bucket)}/${encodeKey(versionKey(key, versionId))}`,
      { 'x-amz-copy-source': `/${bucket}/${encodeKey(key)}`, 'content-length': 0 },
      Buffer.alloc(0),
    );
    return copied.status === 200 ? versionId : undefined;
  }

  /** The newest version id of a key, if it was written through this layer. */
  async function latestVersion(bucket: string, key: string): Promise<string | undefined> {
    const prefix = `${VERSIONS_PREFIX}${key}/`;
    const listed = await backend(
      'GET',
      `/${encodeURIComponent(bucket)}?list-type=2&prefix=${encodeURIComponent(prefix)}`,
      {},
      Buffer.alloc(0),
    );
    if (listed.status !== 200) return undefined;
    const ids = [...listed.body.toString('utf8').matchAll(/<Key>([^<]+)<\/Key>/g)]
      .map((match) => match[1]!.slice(prefix.length))
      .filter((id) => /^[0-9a-f]+$/.test(id))
      .sort();
    return ids.at(-1);
  }

  /** A browser form upload: enforce the POST policy, then store by a plain PUT. */
  async function formUpload(req: IncomingMessage, res: ServerResponse, bucket: string) {
    const drainAndFail = async (error: S3ErrorInfo) => {
      req.resume();
      if (!req.readableEnded) await new Promise((resolve) => req.once('end', resolve));
      sendS3Error(res, error);
    };
    const boundary = multipartBoundary(req.headers['content-type']);
    if (!boundary) return drainAndFail(malformedPost);
    if (!(await s3rver.store.getBucket(bucket))) {
      return drainAndFail({
        status: 404,
        code: 'NoSuchBucket',
        message: 'The specified bucket does not exist',
        extra: { BucketName: bucket },
      });
    }

    const fields = new Map<string, string>();
    let preDataBytes = 0;
    let error: S3ErrorInfo | undefined;
    let plan: UploadPlan | undefined;
    let fileSeen = false;
    let fileSize = 0;
    const fileChunks: Buffer[] = [];
    let current: { kind: 'field'; name: string; chunks: Buffer[] } | { kind: 'file' } | undefined;

    const evaluate = (filename: string) =>
      evaluatePostPolicy({
        bucket,
        fields,
        filename,
        credentials: options.credentials,
        region: options.region,
        nowMs: now(),
      });

    const parser = new MultipartParser(boundary, {
      onPartStart(part) {
        current = undefined;
        if (error || fileSeen) return; // S3 ignores fields after the file
        const name = part.name.toLowerCase();
        if (name !== 'file') {
          current = { kind: 'field', name, chunks: [] };
          return;
        }
        fileSeen = true;
        const outcome = evaluate(part.filename ?? '');
        if (!outcome.ok) {
          error = outcome.error;
          return;
        }
        plan = outcome.plan;
        current = { kind: 'file' };
      },
      onPartData(chunk) {
        if (error || !current) return;
        if (current.kind === 'field') {
          preDataBytes += chunk.length;
          if (preDataBytes > MAX_POST_PRE_DATA_BYTES) {
            error = {
              status: 400,
              code: 'MaxPostPreDataLengthExceeded',
              message: 'Your POST request fields preceeding the upload file was too large.',
              extra: { MaxPostPreDataLength: String(MAX_POST_PRE_DATA_BYTES) },
            };
            return;
          }
          current.chunks.push(chunk);
          return;
        }
        fileSize += chunk.length;
        const limit = plan!.maxSize ?? MAX_UNBOUNDED_POST_BYTES;
        if (fileSize > limit) {
          // Stop buffering at once; the rest of the body is drained.
          error = checkSize({ ...plan!, maxSize: limit }, fileSize);
          fileChunks.length = 0;
          return;
        }
        fileChunks.push(chunk);
      },
      onPartEnd() {
        if (!error && current?.kind === 'field' && !fields.has(current.name)) {
          fields.set(current.name, Buffer.concat(current.chunks).toString('utf8'));
        }
        current = undefined;
      },
    });

    for await (const chunk of req) {
      if (error || parser.finished) continue; // drain the rest
      try {
        parser.write(chunk as Buffer);
      } catch (parseError) {
        if (!(parseError instanceof MalformedMultipartError)) throw parseError;
        error = malformedPost;
      }
    }
    if (!error) {
      try {
        parser.end();
      } catch {
        error = malformedPost;
      }
    }
    if (!error && !fileSeen) {
      const outcome = evaluate('');
      error = outcome.ok
        ? {
            status: 400,
            code: 'InvalidArgument',
            message: 'POST requires exactly one file upload per request.',
            extra: { ArgumentName: 'file', ArgumentValue: '0' },
          }
        : outcome.error;
    }
    if (!error && plan) error = checkSize(plan, fileSize);
    if (error || !plan) {
      sendS3Error(res, error ?? malformedPost);
      return;
    }

    const objectPath = `/${encodeURIComponent(bucket)}/${encodeKey(plan.key)}`;
    const body = Buffer.concat(fileChunks);
    let stored: Awaited<ReturnType<typeof backend>>;
    const release = holdNotifications(bucket, plan.key);
    try {
      stored = await backend(
        'PUT',
        objectPath,
        { ...plan.objectHeaders, 'content-length': body.length, [ORIGIN_HEADER]: originToken },
        body,
      );
    } catch (putError) {
      release();
      if ((putError as { code?: unknown }).code !== 'ERR_INVALID_CHAR') throw putError;
      sendS3Error(res, {
        status: 400,
        code: 'InvalidArgument',
        message: 'A form field for an object header holds characters not allowed in a header.',
      });
      return;
    }
    if (stored.status !== 200) {
      release();
      res.writeHead(stored.status, {
        'content-type': stored.headers['content-type'] ?? 'application/xml',
        'content-length': stored.body.length,
      });
      res.end(stored.body);
      return;
    }

    const versionId = await recordVersion(bucket, plan.key).finally(release);
    const versionHeader = versionId ? { 'x-amz-version-id': versionId } : {};
    const etag = stored.headers.etag ?? '';
    const location = `${endpoint}${objectPath}`;
    if (plan.successRedirect) {
      try {
        const redirect = new URL(plan.successRedirect);
        redirect.searchParams.append('bucket', bucket);
        redirect.searchParams.append('key', plan.key);
        redirect.searchParams.append('etag', etag);
        res.writeHead(303, {
          location: redirect.href,
          etag,
          'content-length': 0,
          ...versionHeader,
        });
        res.end();
        return;
      } catch {
        // not a URL: S3 then answers as without a redirect
      }
    }
    if (plan.successStatus === 201) {
      sendXml(
        res,
        201,
        `<PostResponse><Location>${escapeXml(location)}</Location><Bucket>${escapeXml(bucket)}</Bucket>` +
          `<Key>${escapeXml(plan.key)}</Key><ETag>${escapeXml(etag)}</ETag></PostResponse>`,
        { etag, location, ...versionHeader },
      );
      return;
    }
    res.writeHead(plan.successStatus, { etag, location, 'content-length': 0, ...versionHeader });
    res.end();
  }

  const handler: RouteHandler = async (req, res, url) => {
    try {
      const isForm =
        req.method === 'POST' && multipartBoundary(req.headers['content-type']) !== undefined;
      const bucketMatch = /^\/([^/]+)\/?$/.exec(url.pathname);
      const corsOrigin = isForm
        ? corsOriginFor(req.headers.origin, options.corsOrigins)
        : undefined;
      if (corsOrigin) {
        res.setHeader('access-control-allow-origin', corsOrigin);
        res.setHeader('access-control-expose-headers', 'ETag, x-amz-version-id');
        res.setHeader('vary', 'Origin');
      }
      if (isForm && bucketMatch) {
        await formUpload(req, res, decodeURIComponent(bucketMatch[1]!));
      } else if (isForm) {
        // Never let a form reach s3rver, which would store it without checking the policy.
        req.resume();
        if (!req.readableEnded) await new Promise((resolve) => req.once('end', resolve));
        sendS3Error(res, {
          status: 400,
          code: 'InvalidRequest',
          message: 'The local S3 accepts browser form uploads only path-style: POST /{bucket}.',
        });
      } else {
        await forward(req, res);
      }
    } catch (error) {
      if (res.headersSent) {
        if (!isPrematureClose(error)) console.error('local-s3: proxy failure', error);
        res.destroy();
      } else if (req.destroyed && isPrematureClose(error)) {
        res.destroy(); // the client went away
      } else {
        console.error('local-s3: proxy failure', error);
        sendS3Error(res, {
          status: 500,
          code: 'InternalError',
          message: 'We encountered an internal error. Please try again.',
        });
      }
    }
    return true;
  };

  let proxy: LocalServer;
  try {
    proxy = await startLoopbackServer(options.port ?? 0, [handler]);
  } catch (error) {
    agent.destroy();
    await s3rver.close();
    releaseKey(options.credentials.accessKeyId);
    if (ownsDir) await rm(directory, { recursive: true, force: true });
    throw error;
  }
  endpoint = proxy.url;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await proxy.close();
      agent.destroy();
      s3rver.httpServer?.closeAllConnections();
      await s3rver.close();
      await Promise.allSettled([...pending]);
      releaseKey(options.credentials.accessKeyId);
      if (ownsDir) await rm(directory, { recursive: true, force: true });
    })();
    return stopping;
  };

  const settled = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  return { endpoint, port: proxy.port, stop, settled };
}
