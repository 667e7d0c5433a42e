import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * POST policy enforcement for S3 browser form uploads, as S3 does it (SigV4 only).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */

/** An S3 error to answer with: HTTP status, S3 code, message and extra XML elements. */
export interface S3ErrorInfo {
  status: number;
  code: string;
  message: string;
  extra?: Record<string, string>;
}

export interface PolicyCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface PostPolicyInput {
  /** The bucket from the request path. */
  bucket: string;
  /** Form fields before the file part, names lower-cased, first occurrence wins. */
  fields: ReadonlyMap<string, string>;
  /** The file part's filename, substituted for `${filename}` in the key. */
  filename: string;
  credentials: PolicyCredentials;
  region: string;
  nowMs: number;
}

/** What a valid form asks for. */
export interface UploadPlan {
  key: string;
  /** Inclusive content-length-range; max undefined when the policy sets none. */
  minSize: number;
  maxSize: number | undefined;
  /** Headers for the object: Content-Type, x-amz-meta-*, Cache-Control and the like. */
  objectHeaders: Record<string, string>;
  successStatus: 200 | 201 | 204;
  successRedirect?: string;
}

export type PolicyOutcome = { ok: true; plan: UploadPlan } | { ok: false; error: S3ErrorInfo };

/** Form fields that need no policy condition. `x-ignore-*` fields are exempt too. */
const EXEMPT_FIELDS = new Set(['policy', 'x-amz-signature', 'file']);

/** Form fields that become object headers, besides x-amz-meta-*. */
const OBJECT_HEADER_FIELDS = [
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'content-type',
  'expires',
  'x-amz-storage-class',
  'x-amz-website-redirect-location',
];

const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

/** S3 replaces this literal in the key with the file part's filename. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: S3's literal variable, not a template
const FILENAME_VARIABLE = '${filename}';

function fail(status: number, code: string, message: string, extra?: Record<string, string>) {
  return { ok: false as const, error: { status, code, message, ...(extra ? { extra } : {}) } };
}

const missingField = (name: string) =>
  fail(
    400,
    'InvalidArgument',
    `Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`,
    { ArgumentName: name, ArgumentValue: '' },
  );

const invalidPolicy = (detail: string) =>
  fail(400, 'InvalidPolicyDocument', `Invalid Policy: ${detail}`);

const conditionFailed = (op: string, field: string, value: unknown) =>
  fail(
    403,
    'AccessDenied',
    `Invalid according to Policy: Policy Condition failed: [${[op, `$${field}`, value]
      .map((part) => JSON.stringify(part))
      .join(', ')}]`,
  );

/** The SigV4 signing key: kDate → kRegion → kService → kSigning. */
export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

/** Hex HMAC-SHA256 of the base64 policy, as a SigV4 POST signature. */
export function policySignature(policyB64: string, secret: string, date: string, region: string) {
  return createHmac('sha256', signingKey(secret, date, region, 's3'))
    .update(policyB64, 'utf8')
    .digest('hex');
}

function parseSize(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Checks signature, expiry, every condition and uncovered fields. The file size is checked
 * separately with {@link checkSize}, as the file streams in.
 */
export function evaluatePostPolicy(input: PostPolicyInput): PolicyOutcome {
  const { fields } = input;
  const policyB64 = fields.get('policy');
  if (policyB64 === undefined) {
    // An anonymous form upload; local buckets are never public-write.
    return fail(403, 'AccessDenied', 'Access Denied');
  }

  // Signature (SigV4 only).
  const algorithm = fields.get('x-amz-algorithm');
  if (algorithm === undefined) {
    if (fields.has('awsaccesskeyid') || fields.has('signature')) {
      return fail(
        400,
        'InvalidArgument',
        'The local S3 supports only SigV4 POST policies (x-amz-algorithm AWS4-HMAC-SHA256).',
      );
    }
    return missingField('X-Amz-Algorithm');
  }
  if (algorithm !== 'AWS4-HMAC-SHA256') {
    return fail(400, 'InvalidArgument', 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"', {
      ArgumentName: 'X-Amz-Algorithm',
      ArgumentValue: algorithm,
    });
  }
  const credential = fields.get('x-amz-credential');
  if (credential === undefined) return missingField('X-Amz-Credential');
  if (fields.get('x-amz-date') === undefined) return missingField('X-Amz-Date');
  const signature = fields.get('x-amz-signature');
  if (signature === undefined) return missingField('X-Amz-Signature');

  const scope = credential.split('/');
  const [accessKeyId, date, region, service, terminal] = scope;
  if (
    scope.length !== 5 ||
    !accessKeyId ||
    !date ||
    !/^\d{8}$/.test(date) ||
    !region ||
    service !== 's3' ||
    terminal !== 'aws4_request'
  ) {
    return fail(
      400,
      'InvalidArgument',
      `Invalid X-Amz-Credential; expected "<access key>/<yyyymmdd>/<region>/s3/aws4_request"`,
      { ArgumentName: 'X-Amz-Credential', ArgumentValue: credential },
    );
  }
  if (accessKeyId !== input.credentials.accessKeyId) {
    return fail(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
      { AWSAccessKeyId: accessKeyId },
    );
  }
  if (region !== input.region) {
    return fail(
      400,
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; the region '${region}' is wrong; expecting '${input.region}'`,
      { Region: input.region },
    );
  }
  const expected = Buffer.from(
    policySignature(policyB64, input.credentials.secretAccessKey, date, region),
    'utf8',
  );
  const provided = Buffer.from(signature.toLowerCase(), 'utf8');
  if (expected.length !== provided.length || !timingSafeEqual(expected, provided)) {
    return fail(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      { AWSAccessKeyId: accessKeyId, StringToSign: policyB64 },
    );
  }

  // The policy document.
  let policy: unknown;
  try {
    policy = JSON.parse(Buffer.from(policyB64, 'base64').toString('utf8'));
  } catch {
    return invalidPolicy('Invalid JSON.');
  }
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    return invalidPolicy('Invalid JSON.');
  }
  const { expiration, conditions } = policy as { expiration?: unknown; conditions?: unknown };
  if (expiration === undefined) return invalidPolicy('Policy missing expiration.');
  const expiresAt = typeof expiration === 'string' ? Date.parse(expiration) : Number.NaN;
  if (Number.isNaN(expiresAt)) {
    return invalidPolicy(`Invalid 'expiration' value: '${String(expiration)}'`);
  }
  if (conditions === undefined) return invalidPolicy('Policy missing conditions.');
  if (!Array.isArray(conditions)) {
    return invalidPolicy("Invalid 'conditions' value: must be a List.");
  }
  if (input.nowMs >= expiresAt) {
    return fail(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
  }

  // The key, with ${filename} substituted.
  const rawKey = fields.get('key');
  if (rawKey === undefined) return missingField('key');
  const key = rawKey.replaceAll(FILENAME_VARIABLE, input.filename);
  if (key.length === 0) {
    return fail(400, 'InvalidArgument', 'User key must have a length greater than 0.', {
      ArgumentName: 'key',
      ArgumentValue: '',
    });
  }
  if (fields.has('bucket') && fields.get('bucket') !== input.bucket) {
    return fail(400, 'InvalidArgument', 'The bucket field does not match the bucket of the URL.', {
      ArgumentName: 'bucket',
      ArgumentValue: fields.get('bucket') ?? '',
    });
  }

  const fieldValue = (name: string): string => {
    if (name === 'bucket') return input.bucket;
    if (name === 'key') return key;
    return fields.get(name) ?? '';
  };

  // Every condition.
  const covered = new Set<string>();
  let minSize = 0;
  let maxSize: number | undefined;
  for (const condition of conditions) {
    if (Array.isArray(condition)) {
      const op = typeof condition[0] === 'string' ? condition[0].toLowerCase() : '';
      if (op === 'content-length-range') {
        const min = parseSize(condition[1]);
        const max = parseSize(condition[2]);
        if (condition.length !== 3 || min === undefined || max === undefined || min > max) {
          return invalidPolicy(`Invalid content-length-range: ${JSON.stringify(condition)}`);
        }
        minSize = Math.max(minSize, min);
        maxSize = maxSize === undefined ? max : Math.min(maxSize, max);
        continue;
      }
      if (op !== 'eq' && op !== 'starts-with') {
        return invalidPolicy(`Invalid Condition: ${JSON.stringify(condition)}`);
      }
      const [, variable, expectedValue] = condition;
      if (
        condition.length !== 3 ||
        typeof variable !== 'string' ||
        !variable.startsWith('$') ||
        variable.length < 2 ||
        typeof expectedValue !== 'string'
      ) {
        return invalidPolicy(`Invalid Condition: ${JSON.stringify(condition)}`);
      }
      const field = variable.slice(1);
      const name = field.toLowerCase();
      covered.add(name);
      const actual = fieldValue(name);
      const holds = op === 'eq' ? actual === expectedValue : actual.startsWith(expectedValue);
      if (!holds) return conditionFailed(op, field, expectedValue);
      continue;
    }
    if (typeof condition === 'object' && condition !== null) {
      const entries = Object.entries(condition as Record<string, unknown>);
      if (entries.length === 0) return invalidPolicy('Invalid Condition: {}');
      for (const [field, expectedValue] of entries) {
        if (typeof expectedValue !== 'string' && typeof expectedValue !== 'number') {
          return invalidPolicy(`Invalid Condition: ${JSON.stringify(condition)}`);
        }
        const name = field.toLowerCase();
        covered.add(name);
        if (fieldValue(name) !== String(expectedValue)) {
          return conditionFailed('eq', field, String(expectedValue));
        }
      }
      continue;
    }
    return invalidPolicy(`Invalid Condition: ${JSON.stringify(condition)}`);
  }

  // Every field must be covered by a condition.
  for (const name of fields.keys()) {
    if (EXEMPT_FIELDS.has(name) || name.startsWith('x-ignore-') || covered.has(name)) continue;
    return fail(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${name}`);
  }

  const objectHeaders: Record<string, string> = {};
  for (const [name, value] of fields) {
    if (OBJECT_HEADER_FIELDS.includes(name) || name.startsWith('x-amz-meta-')) {
      objectHeaders[name] = value;
    }
  }
  objectHeaders['content-type'] ??= DEFAULT_CONTENT_TYPE;

  const status = fields.get('success_action_status');
  const successStatus = status === '200' ? 200 : status === '201' ? 201 : 204;
  const successRedirect = fields.get('success_action_redirect') ?? fields.get('redirect');
  return {
    ok: true,
    plan: {
      key,
      minSize,
      maxSize,
      objectHeaders,
      successStatus,
      ...(successRedirect ? { successRedirect } : {}),
    },
  };
}

/** Checks a file size against the plan's content-length-range, as S3 does (400, not 403). */
export function checkSize(plan: UploadPlan, size: number): S3ErrorInfo | undefined {
  if (plan.maxSize !== undefined && size > plan.maxSize) {
    return {
      status: 400,
      code: 'EntityTooLarge',
      message: 'Your proposed upload exceeds the maximum allowed size',
      extra: { ProposedSize: String(size), MaxSizeAllowed: String(plan.maxSize) },
    };
  }
  if (size < plan.minSize) {
    return {
      status: 400,
      code: 'EntityTooSmall',
      message: 'Your proposed upload is smaller than the minimum allowed size',
      extra: { ProposedSize: String(size), MinSizeAllowed: String(plan.minSize) },
    };
  }
  return undefined;
}
