import * as z from 'zod';
import { LEGAL_DOCUMENTS } from '../../domain/legal-texts.ts';
import { LOCALES } from '../../domain/locale.ts';
import { infringementTypeSchema, jurisdictionSchema } from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';

/** The schemas of the platform routes: health, this API description, the law's texts. */

export const healthSchema = z.object({ status: z.literal('ok') });

export const legalTextsQuerySchema = z.strictObject({
  jurisdiction: jurisdictionSchema,
  document: z.enum(LEGAL_DOCUMENTS).describe('The document the statements belong to'),
  locale: z.enum(LOCALES).default('en').describe('The language of the texts'),
  infringementType: infringementTypeSchema
    .optional()
    .describe('For a US counter-notice: §512(g)(3) applies to copyright only'),
});

export const legalTextSchema = z.object({
  key: z.string().describe('Stable key of the statement'),
  text: z.string().describe('The words to show, as the law words them'),
  field: z
    .string()
    .optional()
    .describe('The body field (dot path) sent as true to agree; absent for a text that informs'),
  source: z.string().describe('The statute or article the words come from'),
});

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
  'GET /v1/legal-texts': {
    summary: 'The statutory statements of a notice, counter-notice or appeal, in the law’s words',
    description:
      'Show these words and agree to each statement with a `field` separately, by sending that body field as true.',
    request: { query: legalTextsQuerySchema },
    responses: {
      200: z.object({
        jurisdiction: jurisdictionSchema,
        document: z.enum(LEGAL_DOCUMENTS),
        locale: z.enum(LOCALES),
        items: z.array(legalTextSchema),
      }),
    },
  },
} satisfies RouteDocs;
