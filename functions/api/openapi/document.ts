import {
  extendZodWithOpenApi,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { type RouteDefinition, routes } from '../../routes.ts';
import { PATH_ID } from '../lib/handler.ts';
import { problemSchema } from '../schemas/common.ts';
import { describedRoutes } from './described.ts';
import { type Ref, type ResponseRef, responsesOf } from './responses.ts';
import type { RouteDoc, RouteDocs } from './route-doc.ts';
import { API_TAGS, type ApiTag, tagOfPath } from './tags.ts';

extendZodWithOpenApi(z);

const BEARER = 'bearer';
/** The problem schema's component: `problemSchema` carries the id `Problem` (zod meta). */
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/**
 * Builds the OpenAPI 3.1 document from the route table and the same zod schemas the handlers use.
 * Each operation takes its operationId from the route table, its tag from its path's area (or its
 * RouteDoc), and its problem responses from its kind (./responses.ts). Every operation needs the
 * bearer token but the public ones, which say `security: []`.
 *
 * @throws when a route has no RouteDoc in its area's schema module, or its path no tag.
 */
export function buildOpenApiDocument(
  table: readonly RouteDefinition[] = routes,
  docs: RouteDocs = describedRoutes,
) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A Cognito ID token (custom:* claims and cognito:groups); for the screening route, an access token with the takedown/screening scope.',
  });
  const shared = new Map<string, Ref>();
  const sharedResponse: ResponseRef = (name, response) => {
    let ref = shared.get(name);
    if (!ref) {
      ref = registry.registerComponent('responses', name, response).ref;
      shared.set(name, ref);
    }
    return ref;
  };
  const used = new Set<ApiTag>();
  for (const route of table) {
    const doc = docs[`${route.method} ${route.path}`];
    if (!doc) {
      throw new Error(
        `Route ${route.method} ${route.path} has no OpenAPI description: add it to the \`openapi\` entries of its area in functions/api/schemas/`,
      );
    }
    const tags = doc.tags ?? [tagOfPath(route.method, route.path)];
    for (const tag of tags) used.add(tag);
    registry.registerPath({
      method: route.method.toLowerCase() as RouteConfig['method'],
      path: route.path.replace('+}', '}'),
      operationId: route.operationId,
      tags: [...tags],
      summary: doc.summary,
      description: describe(route, doc),
      ...(route.auth === 'none' ? { security: [] } : {}),
      request: requestOf(route, doc),
      responses: responsesOf(route, doc, PROBLEM_REF, sharedResponse),
    });
  }
  // The shared problem responses refer to the schema: generate it as a component.
  const definitions = [...registry.definitions, { type: 'schema' as const, schema: problemSchema }];
  return new OpenApiGeneratorV31(definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Takedown: notice-and-takedown API',
      version: '1.0.0',
      description:
        'Notice and takedown for online marketplaces. Generated from the route table and the zod schemas the handlers use. Errors are RFC 9457 application/problem+json.',
      // No open-source licence has been chosen for the project yet; say so rather than guess one.
      license: {
        name: 'All rights reserved (no licence chosen yet)',
        identifier: 'LicenseRef-All-Rights-Reserved',
      },
    },
    servers: [{ url: '/', description: 'The origin that serves this document' }],
    security: [{ [BEARER]: [] }],
    tags: (Object.keys(API_TAGS) as ApiTag[])
      .filter((tag) => used.has(tag))
      .map((name) => ({ name, description: API_TAGS[name] })),
  });
}

/** The route's own text, then who may call it. */
function describe(route: RouteDefinition, doc: RouteDoc): string {
  const roles = route.roles as readonly string[];
  const who =
    route.auth === 'none'
      ? 'Public: no token.'
      : route.auth === 'machine'
        ? `Machine identity: role marketplace, a Cognito access token (client-credentials grant) with the scope ${route.scope}.`
        : `Roles: ${roles.join(', ')}${roles.includes('reviewer') ? ' (admin holds every right of reviewer)' : ''}.`;
  return doc.description ? `${doc.description}\n\n${who}` : who;
}

/** Path parameters from the path template; query, headers and body from the RouteDoc. */
function requestOf(route: RouteDefinition, doc: RouteDoc): RouteConfig['request'] {
  const names = [...route.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
  const { body, query, headers } = doc.request ?? {};
  return {
    ...(names.length
      ? {
          params: z.object(
            Object.fromEntries(
              names.map((name) => [
                name,
                z
                  .string()
                  .regex(PATH_ID)
                  .describe(`The ${words(name)}; another party's is 404`),
              ]),
            ),
          ),
        }
      : {}),
    ...(query ? { query } : {}),
    ...(headers ? { headers } : {}),
    ...(body
      ? { body: { content: { 'application/json': { schema: body } }, required: true } }
      : {}),
  };
}

/** `rightsHolderId` → `rights holder id`. */
function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
