import * as z from 'zod';
import type { RouteDocs } from '../openapi/route-doc.ts';

/** The schemas of the public routes: health and this API description. */

export const healthSchema = z.object({ status: z.literal('ok') });

/** OpenAPI descriptions of the platform routes. */
export const openapi = {
  'GET /v1/health': {
    summary: 'Liveness, with no token and no dependency call',
    responses: { 200: healthSchema },
  },
  'GET /v1/openapi.json': {
    summary: 'This API description (OpenAPI 3.1)',
    description: 'Generated from the route table and the zod schemas the handlers use.',
    responses: {
      200: z.object({ openapi: z.string() }).loose().describe('An OpenAPI 3.1 document'),
    },
  },
} satisfies RouteDocs;
