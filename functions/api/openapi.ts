import {
  extendZodWithOpenApi,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
} from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { routes } from '../routes.ts';
import { apiHandler, json } from './lib/handler.ts';
import { openapi as caseRoutes } from './schemas/cases.ts';
import { problemSchema } from './schemas/common.ts';
import { openapi as evidenceRoutes } from './schemas/evidence.ts';
import { openapi as identityRoutes } from './schemas/identity.ts';
import { openapi as sellerRoutes } from './schemas/sellers.ts';

extendZodWithOpenApi(z);

interface RouteDoc {
  summary?: string;
  request?: { body?: z.ZodType; query?: z.ZodType; headers?: readonly string[] };
  responses: Record<number, z.ZodType>;
}

/** Every area's route descriptions, keyed `METHOD /path`. */
const described: Record<string, RouteDoc> = {
  ...(caseRoutes as Record<string, RouteDoc>),
  ...(identityRoutes as unknown as Record<string, RouteDoc>),
  ...(evidenceRoutes as unknown as Record<string, RouteDoc>),
  ...(sellerRoutes as unknown as Record<string, RouteDoc>),
};

/** Responses with no JSON body. */
const NO_CONTENT: Record<string, { status: string; description: string }> = {
  'POST /v1/sellers/me/education-acknowledgement': { status: '204', description: 'Acknowledged' },
  'DELETE /v1/review-tasks/{taskId}/claim': { status: '204', description: 'Released' },
  'GET /v1/evidence/{evidenceId}/view': {
    status: '302',
    description: 'Redirect to a short-lived inline link (images, PDF, plain text only)',
  },
  'GET /v1/evidence/{evidenceId}/download': {
    status: '302',
    description: 'Redirect to a short-lived attachment link',
  },
};

const ERRORS: Record<number, string> = {
  400: 'Invalid input',
  401: 'No or bad token',
  403: 'Not for your role',
  404: 'Not found',
  409: 'State conflict',
  413: 'Too large',
  422: 'Rule violation',
  429: 'Throttled',
};

/** Builds the OpenAPI 3.1 document from the route table and the same zod schemas the handlers use. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  const problem = problemSchema;
  for (const route of routes) {
    const doc = described[`${route.method} ${route.path}`];
    const pathParams = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const responses: Record<
      string,
      { description: string; content?: Record<string, { schema: z.ZodType }> }
    > = {};
    const bare = NO_CONTENT[`${route.method} ${route.path}`];
    const documented =
      doc?.responses && Object.keys(doc.responses).length > 0
        ? doc.responses
        : bare
          ? {}
          : { 200: z.object({}).loose() };
    for (const [status, schema] of Object.entries(documented)) {
      responses[status] = { description: 'Success', content: { 'application/json': { schema } } };
    }
    if (bare) responses[bare.status] = { description: bare.description };
    for (const status of route.auth === 'jwt' ? [400, 401, 403, 404, 409, 413, 422, 429] : [429]) {
      responses[String(status)] ??= {
        description: ERRORS[status]!,
        content: { 'application/problem+json': { schema: problem } },
      };
    }
    registry.registerPath({
      method: route.method.toLowerCase() as 'get' | 'post',
      path: route.path.replace(/\{([^}]+)\}/g, '{$1}'),
      summary: doc?.summary ?? `${route.method} ${route.path}`,
      description: route.roles.length
        ? `Roles: ${route.roles.join(', ')}${(route.roles as readonly string[]).includes('reviewer') ? ' (admin holds every right of reviewer)' : ''}`
        : 'Public',
      ...(route.auth === 'jwt' ? { security: [{ [bearer.name]: [] }] } : {}),
      request: {
        ...(pathParams.length
          ? { params: z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()]))) }
          : {}),
        ...(doc?.request?.query ? { query: doc.request.query as z.ZodObject } : {}),
        ...(doc?.request?.headers?.length
          ? {
              headers: z.object(
                Object.fromEntries(doc.request.headers.map((h) => [h, z.string()])),
              ),
            }
          : {}),
        ...(doc?.request?.body
          ? {
              body: {
                content: { 'application/json': { schema: doc.request.body } },
                required: true,
              },
            }
          : {}),
      },
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Takedown: notice-and-takedown API',
      version: '1.0.0',
      description:
        'Generated from the zod schemas the handlers use. Errors are RFC 9457 application/problem+json.',
    },
    servers: [{ url: '/' }],
  });
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** GET /v1/openapi.json: public. */
export const handler = apiHandler('GET /v1/openapi.json', async () => {
  cached ??= buildOpenApiDocument();
  return json(200, cached, { 'cache-control': 'public, max-age=300' });
});

/** Lets each area register its route descriptions. */
export function describeRoutes(docs: Record<string, RouteDoc>): void {
  Object.assign(described, docs);
  cached = undefined;
}
