/**
 * The local API Gateway (REST v1) emulator: routes by the shared route table, authenticates with the
 * local issuer the way a Cognito user-pool authorizer does, and invokes handlers in-process with a
 * REST proxy event and a Lambda-like context.
 *
 * Order, as in API Gateway: no such resource/method → 404 (the MISSING_AUTHENTICATION_TOKEN gateway
 * response, mapped to 404 here) before any token check; then 413 for a body over 10 MiB; then 401
 * for a missing or bad token. Role checks are the handlers' business, as in AWS.
 */
import { randomUUID } from 'node:crypto';
import {
  type IncomingMessage,
  type ServerResponse,
  validateHeaderName,
  validateHeaderValue,
} from 'node:http';
import { ROUTE_TIMEOUT_SECONDS } from '../../functions/routes.ts';
import type { LocalIssuer } from '../auth/issuer.ts';
import { type RouteHandler, sendProblem } from '../http.ts';
import { withTimeout } from '../lambda/timeout.ts';
import { toAuthorizerClaims } from './claims.ts';
import { buildContext, buildProxyEvent } from './event.ts';
import type { RequestLogEntry } from './request-log.ts';
import { compileRoutes, matchResource, routePrefixes } from './router.ts';
import type { ProxyHandler, RouteDefinition } from './types.ts';

/** API Gateway's payload limit. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ApiGatewayOptions {
  routes: readonly RouteDefinition[];
  /** Loads the route's handler module; called once per route, and again only after a failure. */
  resolveHandler: (route: RouteDefinition) => Promise<ProxyHandler>;
  issuer: LocalIssuer;
  /** Default 'local'. */
  stage?: string;
  /** Called once per request answered, when its response is done. @default none */
  logRequest?: (entry: RequestLogEntry) => void;
}

/**
 * A RouteHandler for local/http.ts. It answers every request whose path lies under one of the
 * table's literal first segments (e.g. '/v1'), and returns false for anything else, so other
 * handlers (e.g. /_local/*) can run.
 */
export function createApiGatewayRoutes(options: ApiGatewayOptions): RouteHandler {
  const resources = compileRoutes(options.routes);
  const prefixes = routePrefixes(resources);
  const stage = options.stage ?? 'local';
  const loaded = new Map<RouteDefinition, Promise<ProxyHandler>>();

  const loadHandler = (route: RouteDefinition): Promise<ProxyHandler> => {
    let promise = loaded.get(route);
    if (!promise) {
      promise = options.resolveHandler(route).then((handler) => {
        if (typeof handler !== 'function') {
          throw new TypeError(
            `${route.handler} does not export a function '${route.exportName ?? 'handler'}'`,
          );
        }
        return handler;
      });
      promise.catch(() => loaded.delete(route));
      loaded.set(route, promise);
    }
    return promise;
  };

  return async (req, res, url) => {
    const path = url.pathname;
    if (!prefixes.some((p) => p === '/' || path === p || path.startsWith(`${p}/`))) return false;

    const startedAt = performance.now();
    const requestId = randomUUID();
    const requestTimeEpoch = Date.now();
    res.setHeader('x-amzn-RequestId', requestId);
    const method = (req.method ?? 'GET').toUpperCase();
    const { logRequest } = options;
    if (logRequest) {
      res.once('close', () =>
        logRequest({
          method,
          path,
          status: res.statusCode,
          durationMs: Math.round(performance.now() - startedAt),
          requestId,
        }),
      );
    }

    const match = matchResource(resources, path);
    const route = match?.resource.methods.get(method);
    if (!match || !route) {
      sendProblem(res, 404, 'Not Found', `No route for ${method} ${path}`);
      return true;
    }

    const body = await readBodyWithin(req, MAX_BODY_BYTES);
    if (!body) {
      sendProblem(
        res,
        413,
        'Payload Too Large',
        `The request body is over ${MAX_BODY_BYTES} bytes.`,
      );
      return true;
    }

    let claims: Record<string, string> | undefined;
    if (route.auth === 'jwt') {
      const token = bearerToken(req.headers.authorization);
      let payload: Record<string, unknown> | undefined;
      if (token) {
        try {
          payload = await options.issuer.verify(token);
        } catch {
          payload = undefined; // the reason stays private, as with Cognito
        }
      }
      if (!payload) {
        sendProblem(
          res,
          401,
          'Unauthorized',
          token ? 'The token is invalid or expired.' : 'A Bearer token is required.',
        );
        return true;
      }
      claims = toAuthorizerClaims(payload);
    } else if (route.auth === 'machine') {
      // A scoped Cognito authorizer: an access token carrying the route's scope. A valid token
      // without it (a person's ID token, or another scope) is refused with 403.
      const token = bearerToken(req.headers.authorization);
      const access = token
        ? await options.issuer.verifyAccess(token).catch(() => undefined)
        : undefined;
      const person =
        token && !access ? await options.issuer.verify(token).catch(() => undefined) : undefined;
      if (!access && !person) {
        sendProblem(
          res,
          401,
          'Unauthorized',
          token ? 'The token is invalid or expired.' : 'A Bearer token is required.',
        );
        return true;
      }
      const scopes = typeof access?.scope === 'string' ? access.scope.split(' ') : [];
      if (!access || !route.scope || !scopes.includes(route.scope)) {
        sendProblem(
          res,
          403,
          'Forbidden',
          `This route needs an access token with the scope ${route.scope}.`,
        );
        return true;
      }
      claims = toAuthorizerClaims(access);
    }

    let pathParameters: Record<string, string> | null = null;
    if (match.rawParameters) {
      try {
        pathParameters = Object.fromEntries(
          Object.entries(match.rawParameters).map(([k, v]) => [k, decodeURIComponent(v)]),
        );
      } catch {
        sendProblem(res, 400, 'Bad Request', 'The path is not validly percent-encoded.');
        return true;
      }
    }

    const event = buildProxyEvent({
      req,
      url,
      route,
      resource: match.resource.path,
      pathParameters,
      body,
      claims,
      stage,
      requestId,
      requestTimeEpoch,
    });
    const context = buildContext(route, randomUUID(), Date.now());

    let result: unknown;
    try {
      const handler = await loadHandler(route);
      // The route function's timeout, the same the CDK stack deploys.
      result = await withTimeout(ROUTE_TIMEOUT_SECONDS, async () => handler(event, context));
    } catch (error) {
      badGateway(res, route, requestId, 'the handler threw', error);
      return true;
    }

    const response = toHttpResponse(result);
    if (typeof response === 'string') {
      badGateway(res, route, requestId, `malformed Lambda proxy response: ${response}`);
      return true;
    }
    response.headers['x-amzn-RequestId'] = requestId;
    res.writeHead(response.statusCode, response.headers);
    const noBody = method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304;
    res.end(noBody ? undefined : response.body);
    return true;
  };
}

/** The token from `Authorization: Bearer <jwt>`, or a bare JWT (a REST Cognito authorizer takes both). */
function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const value = header.trim();
  const bearer = /^Bearer\s+(\S+)$/i.exec(value);
  if (bearer) return bearer[1];
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(value) ? value : undefined;
}

/** Reads the whole body, or undefined when it is over `limit` (the rest is drained, not kept). */
async function readBodyWithin(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  let over = Number.isFinite(declared) && declared > limit;
  const chunks: Buffer[] = [];
  let size = 0;
  // Drain even when too large, so the client gets the 413 rather than a reset connection.
  for await (const chunk of req) {
    if (over) continue;
    size += (chunk as Buffer).length;
    if (size > limit) {
      over = true;
      chunks.length = 0;
      continue;
    }
    chunks.push(chunk as Buffer);
  }
  return over ? undefined : Buffer.concat(chunks);
}

interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const DROPPED_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

/** Maps a Lambda proxy result to an HTTP response, or says why it is malformed. */
function toHttpResponse(result: unknown): HttpResponse | string {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    return 'the result is not an object';
  }
  const r = result as Record<string, unknown>;
  const { statusCode, headers, multiValueHeaders, body, isBase64Encoded } = r;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    return 'statusCode is not an HTTP status';
  }
  if (body !== undefined && body !== null && typeof body !== 'string')
    return 'body is not a string';
  if (
    isBase64Encoded !== undefined &&
    isBase64Encoded !== null &&
    typeof isBase64Encoded !== 'boolean'
  ) {
    return 'isBase64Encoded is not a boolean';
  }

  // multiValueHeaders win over headers for the same name, as in API Gateway.
  const merged = new Map<string, { name: string; values: string[] }>();
  if (multiValueHeaders !== undefined && multiValueHeaders !== null) {
    if (typeof multiValueHeaders !== 'object' || Array.isArray(multiValueHeaders)) {
      return 'multiValueHeaders is not an object';
    }
    for (const [name, values] of Object.entries(multiValueHeaders)) {
      if (!Array.isArray(values) || !values.every(isScalar)) {
        return `multiValueHeaders.${name} is not an array of scalars`;
      }
      merged.set(name.toLowerCase(), { name, values: values.map(String) });
    }
  }
  if (headers !== undefined && headers !== null) {
    if (typeof headers !== 'object' || Array.isArray(headers)) return 'headers is not an object';
    for (const [name, value] of Object.entries(headers)) {
      if (!isScalar(value)) return `headers.${name} is not a scalar`;
      if (!merged.has(name.toLowerCase()))
        merged.set(name.toLowerCase(), { name, values: [String(value)] });
    }
  }

  const out: Record<string, string | string[]> = {};
  for (const [lower, { name, values }] of merged) {
    if (DROPPED_HEADERS.has(lower)) continue;
    try {
      validateHeaderName(name);
      for (const value of values) validateHeaderValue(name, value);
    } catch {
      return `header ${JSON.stringify(name)} is not valid`;
    }
    out[name] = values.length === 1 ? (values[0] as string) : values;
  }
  if (!merged.has('content-type')) out['content-type'] = 'application/json';

  const text = typeof body === 'string' ? body : '';
  const bytes = isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
  out['content-length'] = String(bytes.length);
  return { statusCode, headers: out, body: bytes };
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** 502, as API Gateway answers a failed or malformed Lambda proxy integration. Never logs headers or body. */
function badGateway(
  res: ServerResponse,
  route: RouteDefinition,
  requestId: string,
  reason: string,
  error?: unknown,
): void {
  console.error(
    `local apigw: ${route.method} ${route.path} (${route.handler}) failed, request ${requestId}: ${reason}`,
    ...(error === undefined ? [] : [error]),
  );
  if (res.headersSent) {
    res.end();
    return;
  }
  sendProblem(res, 502, 'Bad Gateway', `Internal server error (request ${requestId}).`);
}
