/**
 * Builds REST (v1) Lambda proxy events and Lambda-like contexts, as API Gateway and the Lambda
 * runtime would hand them to a handler.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { basename, extname } from 'node:path';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import type { RouteDefinition } from './types.ts';

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'localapigw';
/** API Gateway's integration timeout; it bounds getRemainingTimeInMillis(). */
export const INTEGRATION_TIMEOUT_MS = 29_000;

/** Content types passed to the handler as text; anything else arrives base64-encoded. */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (type === '' || type.startsWith('text/')) return true;
  if (/^application\/([\w.-]+\+)?(json|xml)$/.test(type)) return true;
  return (
    type === 'application/x-www-form-urlencoded' ||
    type === 'application/javascript' ||
    type === 'application/graphql'
  );
}

export interface EventInput {
  req: IncomingMessage;
  url: URL;
  route: RouteDefinition;
  /** The template path of the matched resource. */
  resource: string;
  pathParameters: Record<string, string> | null;
  body: Buffer;
  claims: Record<string, string> | undefined;
  stage: string;
  requestId: string;
  requestTimeEpoch: number;
}

export function buildProxyEvent(input: EventInput): APIGatewayProxyEvent {
  const { req, url, route, resource, stage, requestId, requestTimeEpoch } = input;
  const sourceIp = normalizeIp(req.socket.remoteAddress);
  const { headers, multiValueHeaders } = collectHeaders(req, sourceIp);
  const { single, multi } = collectQuery(url);
  const contentType = headerValue(req, 'content-type');
  const text = isTextContentType(contentType);
  const body =
    input.body.length === 0
      ? null
      : text
        ? input.body.toString('utf8')
        : input.body.toString('base64');

  return {
    resource,
    path: url.pathname,
    httpMethod: route.method,
    headers,
    multiValueHeaders,
    queryStringParameters: single,
    multiValueQueryStringParameters: multi,
    pathParameters: input.pathParameters,
    stageVariables: null,
    body,
    isBase64Encoded: body !== null && !text,
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      resourceId: resourceIdOf(resource),
      resourcePath: resource,
      httpMethod: route.method,
      path: `/${stage}${url.pathname}`,
      stage,
      requestId,
      extendedRequestId: randomBytes(12).toString('base64url').slice(0, 16),
      requestTime: formatRequestTime(requestTimeEpoch),
      requestTimeEpoch,
      protocol: `HTTP/${req.httpVersion}`,
      domainName: headerValue(req, 'host') ?? '127.0.0.1',
      domainPrefix: (headerValue(req, 'host') ?? '127.0.0.1').split('.')[0] ?? '127',
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp,
        user: null,
        userAgent: headerValue(req, 'user-agent') ?? null,
        userArn: null,
      },
      // A method without an authorizer gets no authorizer context, as in AWS.
      authorizer: input.claims ? { claims: input.claims } : undefined,
    },
  };
}

/** The Lambda function name for a route: the handler file's base name, plus the export if not 'handler'. */
export function functionNameOf(route: RouteDefinition): string {
  const base = basename(route.handler, extname(route.handler));
  const exportName = route.exportName ?? 'handler';
  return exportName === 'handler' ? base : `${base}-${exportName}`;
}

export function buildContext(
  route: RouteDefinition,
  awsRequestId: string,
  startedAt: number,
): Context {
  const functionName = functionNameOf(route);
  const deadline = startedAt + INTEGRATION_TIMEOUT_MS;
  const day = new Date(startedAt).toISOString().slice(0, 10).replaceAll('-', '/');
  const noop = () => {};
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${day}/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: noop,
    fail: noop,
    succeed: noop,
  };
}

function collectHeaders(
  req: IncomingMessage,
  sourceIp: string,
): {
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
} {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  // rawHeaders keeps the casing the client sent; for a repeated header the last value wins in `headers`.
  const names = new Map<string, string>();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const raw = req.rawHeaders[i] as string;
    const value = req.rawHeaders[i + 1] as string;
    const name = names.get(raw.toLowerCase()) ?? raw;
    names.set(raw.toLowerCase(), name);
    headers[name] = value;
    const list = multiValueHeaders[name];
    if (list) list.push(value);
    else multiValueHeaders[name] = [value];
  }
  // Headers API Gateway adds in front of the integration.
  const forwarded = {
    'X-Forwarded-For': sourceIp,
    'X-Forwarded-Port': String(req.socket.localPort ?? ''),
    'X-Forwarded-Proto': 'http',
  };
  for (const [name, value] of Object.entries(forwarded)) {
    if (names.has(name.toLowerCase())) continue;
    headers[name] = value;
    multiValueHeaders[name] = [value];
  }
  return { headers, multiValueHeaders };
}

function collectQuery(url: URL): {
  single: Record<string, string> | null;
  multi: Record<string, string[]> | null;
} {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    single[name] = value; // the last value wins, as in API Gateway
    const list = multi[name];
    if (list) list.push(value);
    else multi[name] = [value];
  }
  return Object.keys(single).length === 0 ? { single: null, multi: null } : { single, multi };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function normalizeIp(address: string | undefined): string {
  if (!address) return '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function resourceIdOf(resource: string): string {
  return createHash('sha256').update(resource).digest('hex').slice(0, 6);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's $context.requestTime: "09/Apr/2015:12:34:56 +0000". */
function formatRequestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
  );
}
