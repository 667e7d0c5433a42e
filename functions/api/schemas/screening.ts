import * as z from 'zod';
import {
  RULE_LIMITS,
  RULE_STATUSES,
  SCREENING_ACTIONS,
  screeningRuleBodySchema,
} from '../../domain/screening-rules.ts';
import { idSchema, instantSchema } from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';
import { page, pageQuery } from './common.ts';

/** The schemas of proactive screening: rules, the marketplace's screening call. */

export { screeningRuleBodySchema };

export const screeningRuleSchema = z.object({
  ruleId: idSchema,
  ipRightId: idSchema,
  rightsHolderId: idSchema,
  terms: z.array(z.string()),
  exclusions: z.array(z.string()),
  languages: z.array(z.string()),
  action: z.enum(SCREENING_ACTIONS),
  status: z.enum(RULE_STATUSES),
  createdAt: instantSchema,
  activatedInVersion: z
    .number()
    .int()
    .optional()
    .describe('The rule-set version its activation made; verdicts name the version they used'),
  decidedAt: instantSchema.optional(),
  reasons: z.string().optional().describe('The reviewer’s reasons for the decision'),
});

export const createdRuleSchema = z.object({
  ruleId: idSchema,
  status: z.enum(['proposed', 'active']),
  activatedInVersion: z.number().int().optional(),
});

export const ruleDecisionBodySchema = z.strictObject({
  decision: z.enum(['activate', 'reject']),
  reasons: z.string().trim().min(1).max(2000),
});

export const listRulesQuerySchema = pageQuery;

/** The marketplace's listing ids and seller ids: opaque, as the marketplace writes them. */
const marketplaceId = z.string().min(1).max(128);

export const screeningBodySchema = z.strictObject({
  listingId: marketplaceId,
  sellerId: marketplaceId,
  title: z
    .string()
    .min(1)
    .max(
      RULE_LIMITS.maxTitleLength,
      `At most ${RULE_LIMITS.maxTitleLength} characters (the marketplace’s limit)`,
    ),
  description: z.string().max(RULE_LIMITS.maxDescriptionLength).optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional()
    .describe('BCP 47; rules limited to languages skip a listing in another one'),
});

export const screeningHitSchema = z.object({
  kind: z.enum(['rule', 'stay_down']),
  ruleId: idSchema.optional().describe('The rule of a keyword hit'),
  caseId: idSchema
    .optional()
    .describe('For a stay-down hit: the earlier case that took the listing down'),
  term: z.string().describe('The rule’s term as written; for stay-down, the title’s fingerprint'),
  start: z
    .number()
    .int()
    .describe('UTF-16 offset into the title (description hits: past the title plus one)'),
  end: z.number().int().describe('Exclusive'),
});

export const screeningResultSchema = z.object({
  verdict: z.enum(['clear', 'flag', 'takedown']),
  ruleSetVersion: z.number().int().describe('The rule-set version that produced the verdict'),
  hits: z.array(screeningHitSchema),
  hitId: z.string().optional().describe('The hit recorded for review (flag or takedown)'),
});

/** OpenAPI descriptions of the screening routes. */
export const openapi = {
  'POST /v1/screening-rules': {
    summary: 'Propose (rights holder) or write (reviewer) a brand keyword rule',
    description:
      'A reviewer’s rule is active at once and makes a new rule-set version; a rights holder’s proposal, for its own verified IP right, waits in the `proactive` queue. An IP right that is not verified (or not the caller’s) gets 422.',
    request: { body: screeningRuleBodySchema },
    responses: { 201: createdRuleSchema },
    errors: [422],
  },
  'GET /v1/screening-rules': {
    summary:
      'Screening rules, newest first: every rule (reviewer) or the caller’s own (rights holder)',
    request: { query: listRulesQuerySchema },
    responses: { 200: page(screeningRuleSchema) },
  },
  'POST /v1/screening-rules/{ruleId}/decision': {
    summary: 'Activate or reject a proposed rule',
    description: 'Activation makes a new rule-set version. 409 when the rule is not a proposal.',
    request: { body: ruleDecisionBodySchema },
    responses: { 200: screeningRuleSchema },
    errors: [409],
  },
  'POST /v1/screening/listings': {
    summary: 'Screen a listing against the active rules and the seller’s stay-down fingerprints',
    description:
      'For the marketplace, with a machine access token. `flag` or `takedown` records a hit that waits in the `proactive` queue for a reviewer. A title over the marketplace’s length limit gets 400.',
    request: { body: screeningBodySchema },
    responses: { 200: screeningResultSchema },
  },
} satisfies RouteDocs;
