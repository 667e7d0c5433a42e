import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { z } from 'zod';
import { logger } from '../../adapters/logger.ts';
import { NoSuchTask } from '../../adapters/review-claim-errors.ts';
import { DomainRuleError, DomainValidationError, issuesFromZod } from '../../domain/errors.ts';
import { type Route, routeFor } from '../../routes.ts';
import { ClaimedByAnother, NotAwaitingInput, StateRefused } from '../../use-cases/errors.ts';
import { type Caller, callerFrom, machineCallerFrom, requireRole } from './identity.ts';
import { badRequest, HttpProblem, problemResponse, unprocessable } from './problem.ts';

export interface RequestContext {
  event: APIGatewayProxyEvent;
  caller: Caller;
  /** Path parameters (validated as ids). */
  params: Record<string, string>;
  /** Parses the JSON body with a schema: 400 with field errors, nothing written. Call it after the 404 checks. */
  body<S extends z.ZodType>(schema: S): z.infer<S>;
  /** Parses the query string with a schema (400). */
  query<S extends z.ZodType>(schema: S): z.infer<S>;
}

/** What a path id may look like; any other value is simply not found (404). */
export const PATH_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Wraps a route handler: resolves the caller from the authorizer claims (401), checks the route's
 * roles from the shared route table (403), validates path ids (404: an id that cannot exist is
 * simply not found), offers body/query parsing that yields 400 problems, and maps every typed
 * error to RFC 9457 problem+json. The order of checks of API.md follows: 401, 403, then the
 * handler's 404, then 400, 422, 409.
 */
export function apiHandler(
  routeKey: Route,
  fn: (ctx: RequestContext) => Promise<APIGatewayProxyResult>,
) {
  const route = routeFor(routeKey);
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context>().handler(
    async (event, context) => {
      const requestId = event.requestContext?.requestId ?? context.awsRequestId;
      logger.appendKeys({ requestId, route: routeKey });
      try {
        const caller =
          route.auth === 'jwt'
            ? callerFrom(event)
            : route.auth === 'machine'
              ? machineCallerFrom(event, route.scope ?? '')
              : ({ sub: '', roles: [], isReviewer: false } as Caller);
        if (route.auth === 'jwt') requireRole(caller, route.roles);
        const params: Record<string, string> = {};
        for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
          if (typeof value !== 'string' || !PATH_ID.test(value))
            throw new HttpProblem(404, 'Not Found', `No such ${name.replace(/Id$/, '')}.`);
          params[name] = value;
        }
        return await fn({
          event,
          caller,
          params,
          body: (schema) => parseWith(schema, readJsonBody(event)),
          query: (schema) => parseWith(schema, event.queryStringParameters ?? {}),
        });
      } catch (error) {
        return toResponse(error, requestId);
      } finally {
        logger.removeKeys(['requestId', 'route']);
      }
    },
  );
}

function readJsonBody(event: APIGatewayProxyEvent): unknown {
  const raw =
    event.isBase64Encoded && event.body
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : (event.body ?? '');
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
    throw new HttpProblem(413, 'Content Too Large', `The body exceeds ${MAX_BODY_BYTES} bytes.`);
  if (raw.trim() === '')
    throw badRequest('A JSON body is required.', [{ path: '', message: 'Required' }]);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('The body is not valid JSON.', [{ path: '', message: 'Malformed JSON' }]);
  }
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest('The request is invalid.', issuesFromZod(result.error));
  return result.data;
}

function toResponse(error: unknown, requestId: string): APIGatewayProxyResult {
  if (error instanceof HttpProblem) return problemResponse(error, requestId);
  if (error instanceof DomainValidationError)
    return problemResponse(badRequest(error.message, error.issues), requestId);
  if (error instanceof DomainRuleError)
    return problemResponse(unprocessable(error.message, error.issues, error.code), requestId);
  if (error instanceof NoSuchTask)
    return problemResponse(new HttpProblem(404, 'Not Found', 'No such open task.'), requestId);
  if (error instanceof ClaimedByAnother)
    return problemResponse(
      new HttpProblem(
        409,
        'Conflict',
        'Another reviewer has claimed this task; wait until they release it or the claim lapses.',
        undefined,
        { code: 'claimed_by_another_reviewer' },
      ),
      requestId,
    );
  if (error instanceof StateRefused)
    return problemResponse(new HttpProblem(409, 'Conflict', error.message), requestId);
  if (error instanceof NotAwaitingInput)
    return problemResponse(
      new HttpProblem(
        409,
        'Conflict',
        'The case does not await this input now, or it was answered already.',
      ),
      requestId,
    );
  logger.error('request failed', {
    error: (error as Error)?.name,
    message: (error as Error)?.message,
    stack: (error as Error)?.stack,
  });
  return problemResponse(
    new HttpProblem(
      500,
      'Internal Server Error',
      'The request could not be completed. It is safe to retry.',
    ),
    requestId,
  );
}

/** A JSON response. */
export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}
