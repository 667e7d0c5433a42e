import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import type { RouteDefinition } from '../../routes.ts';
import type { ResponseDoc, RouteDoc } from './route-doc.ts';

/** What each problem status means on this API (API.md, Errors). */
const PROBLEMS: Record<number, string> = {
  400: 'Invalid input: nothing was written',
  401: 'No token, or a bad one',
  403: "The route is not for the caller's role, or an identity claim disagrees with the stored link",
  404: "Not found, or another party's resource",
  409: "The resource's state forbids the action",
  413: 'The body is too large',
  422: 'Valid shape, but a rule fails',
  429: 'Throttled',
};

const SUCCESS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  302: 'Found: a redirect',
};

/**
 * The problem statuses a route answers: those of its kind (a token → 401 and 403; a path parameter
 * → 404; a body, query or header to parse → 400; a body → 413; every route → 429 when throttled),
 * and those its own rules add (`errors` of its RouteDoc).
 */
export function problemStatuses(route: RouteDefinition, doc: RouteDoc): number[] {
  const request = doc.request ?? {};
  const statuses = new Set<number>([429, ...(doc.errors ?? [])]);
  if (route.auth !== 'none') for (const status of [401, 403]) statuses.add(status);
  if (route.path.includes('{')) statuses.add(404);
  if (request.body || request.query || request.headers) statuses.add(400);
  if (request.body) statuses.add(413);
  return [...statuses].sort((a, b) => a - b);
}

/** A JSON reference, e.g. to a component. */
export type Ref = { $ref: string };

/** A response of raw OpenAPI whose body is given by reference. */
export type SharedResponse = { description: string; content: Record<string, { schema: Ref }> };

/** Registers a shared response once, by name, and answers its reference. */
export type ResponseRef = (name: string, response: SharedResponse) => Ref;

/** The component name of a problem status's shared response, e.g. 404 → `Problem404`. */
const componentName = (status: number | 'default') =>
  `Problem${status === 'default' ? 'Unexpected' : status}`;

/**
 * Every response of a route: its successes, its problems, and `default` for unexpected failures.
 * Problems are shared responses (components.responses), all with the problem+json schema.
 */
export function responsesOf(
  route: RouteDefinition,
  doc: RouteDoc,
  problem: Ref,
  shared: ResponseRef,
): Record<string, ResponseConfig | Ref> {
  const responses: Record<string, ResponseConfig | Ref> = {};
  for (const [status, response] of Object.entries(doc.responses)) {
    responses[status] = successResponse(SUCCESS[Number(status)] ?? 'Success', response);
  }
  const problemBody = (description: string): SharedResponse => ({
    description,
    content: { 'application/problem+json': { schema: problem } },
  });
  for (const status of problemStatuses(route, doc)) {
    responses[status] = shared(componentName(status), problemBody(PROBLEMS[status] ?? 'Problem'));
  }
  // The handlers answer 500 for a failure they did not expect; API Gateway answers 502 and 504.
  responses.default = shared(
    componentName('default'),
    problemBody('An unexpected failure (500, 502, 503 or 504); safe to retry'),
  );
  return responses;
}

function successResponse(fallback: string, response: z.ZodType | ResponseDoc): ResponseConfig {
  const { description, body, headers } =
    response instanceof z.ZodType ? { description: fallback, body: response } : response;
  return {
    description,
    ...(body ? { content: { 'application/json': { schema: body } } } : {}),
    ...(headers
      ? {
          headers: Object.fromEntries(
            Object.entries(headers).map(([name, text]) => [
              name,
              { description: text, schema: { type: 'string' as const } },
            ]),
          ),
        }
      : {}),
  };
}
