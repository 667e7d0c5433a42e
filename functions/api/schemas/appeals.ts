import * as z from 'zod';
import {
  APPEAL_AGAINST,
  APPEAL_STATUSES,
  appealBodySchema,
  appealDecisionBodySchema,
} from '../../domain/appeals.ts';
import { idSchema, instantSchema } from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';
import { evidenceSummarySchema } from './evidence.ts';

/** The schemas of the appeal routes (DSA Art 20 internal complaint-handling). */

export { appealBodySchema, appealDecisionBodySchema };

/** An appeal as its appellant or a reviewer sees it (`GET /v1/appeals/{appealId}`, case files). */
export const appealViewSchema = z.object({
  appealId: z.string(),
  caseId: idSchema,
  appellant: z.object({
    role: z.enum(['seller', 'rights-holder']),
    id: z.string().optional().describe('Reviewers only'),
  }),
  against: z.enum(APPEAL_AGAINST),
  grounds: z.string(),
  evidence: z.array(evidenceSummarySchema),
  status: z.enum(APPEAL_STATUSES),
  filedAt: instantSchema,
  openUntil: instantSchema.describe('The end of the appeal window of the decision appealed'),
  fromCounterNotice: z
    .boolean()
    .optional()
    .describe('A counter-notice after its window, handled as an appeal (EU, US non-copyright)'),
  decidedAt: instantSchema.optional(),
  reasonCode: z.string().optional(),
  reasons: z.string().optional().describe('The decision’s reasons, for the parties'),
  note: z.string().optional().describe('Reviewers only: internal'),
  deciderId: z.string().optional().describe('Reviewers only'),
});

export const appealFiledSchema = z.object({
  appealId: z.string(),
  caseId: idSchema,
  status: z.literal('open'),
});

/** OpenAPI descriptions of the appeal routes. */
export const openapi = {
  'POST /v1/cases/{caseId}/appeals': {
    summary: 'Appeal a decision on the case (internal complaint, DSA Art 20)',
    description:
      'The seller against a takedown, strike or account measure (once the case is closed with its listing down); the rights holder against a rejection or a restore. Within the appeal window (184 days) of the decision; decided by a reviewer who took no decision on the case.',
    tags: ['Appeals'],
    request: { body: appealBodySchema },
    responses: { 202: appealFiledSchema },
    errors: [409, 422],
  },
  'GET /v1/appeals/{appealId}': {
    summary: 'An appeal, for its appellant or a reviewer',
    responses: { 200: appealViewSchema },
  },
  'POST /v1/appeals/{appealId}/decision': {
    summary: 'A reviewer decides an appeal (uphold or dismiss, with reasons)',
    description:
      'Upheld against a takedown: restore and revoke the strike; against a strike or account measure: revoke it and recompute the measure; against a rejection or a restore: re-open the case and take the listing down.',
    request: { body: appealDecisionBodySchema },
    responses: {
      200: z.object({
        appealId: z.string(),
        status: z
          .enum([...APPEAL_STATUSES, 'deciding'])
          .describe('The appeal’s status once the decision took effect, or deciding meanwhile'),
      }),
    },
    errors: [409, 422],
  },
} satisfies RouteDocs;
