import * as z from 'zod';
import {
  listingToScreenSchema,
  RULE_STATUSES,
  SCAN_STATUSES,
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

/** The body of POST /v1/screening/listings: one row of a catalogue scan too. */
export const screeningBodySchema = listingToScreenSchema;

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
  hitId: z.string().optional().describe('The hit recorded (flag or takedown)'),
  caseIds: z
    .array(z.string())
    .optional()
    .describe(
      'The own-initiative cases the hit opened, one per IP right: a takedown is acted on at once, a flag waits in the proactive queue',
    ),
});

export const startScanBodySchema = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(1024)
    .regex(/^catalogue-exports\/[\x21-\x7e]+$/, 'A key under catalogue-exports/')
    .describe('The export’s key in the evidence bucket, under catalogue-exports/'),
  format: z.enum(['jsonl', 'csv']).describe('JSON Lines, or CSV with a header row'),
});

export const scanSchema = z.object({
  scanId: idSchema,
  key: z.string(),
  format: z.enum(['jsonl', 'csv']),
  status: z.enum(SCAN_STATUSES),
  startedAt: instantSchema,
  finishedAt: instantSchema.optional(),
  failure: z.string().optional(),
  counts: z.object({
    screened: z.number().int(),
    clear: z.number().int(),
    flag: z.number().int(),
    takedown: z.number().int(),
    invalid: z.number().int().describe('Rows that are not a listing'),
    skipped: z.number().int().describe('Rows not screened because the scan was stopped'),
    batches: z.number().int(),
  }),
});

/** A scan as the API shows it (without the admin who started it). */
export function scanView<T extends { startedBy?: string }>(scan: T): Omit<T, 'startedBy'> {
  const { startedBy: _startedBy, ...view } = scan;
  return view;
}

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
  'POST /v1/screening/scans': {
    summary: 'Start a catalogue scan of an export in S3 (JSON Lines or CSV)',
    description:
      'Every row (`listingId`, `sellerId`, `title`, optional `description`, `language`) is screened as POST /v1/screening/listings screens it, in batches of a distributed Map. 422 when no export is at the key.',
    request: { body: startScanBodySchema },
    responses: { 202: scanSchema },
    errors: [422],
  },
  'GET /v1/screening/scans/{scanId}': {
    summary: 'A catalogue scan’s status and counts, kept as its batches finish',
    responses: { 200: scanSchema },
  },
  'POST /v1/screening/scans/{scanId}/stop': {
    summary: 'Stop a running scan: its remaining batches skip their rows',
    description: '409 when the scan is not running.',
    responses: { 202: scanSchema },
    errors: [409],
  },
} satisfies RouteDocs;
