import * as z from 'zod';
import { CASE_STATUSES } from '../../domain/case.ts';
import { counterNoticeBodySchema } from '../../domain/counter-notice.ts';
import { noticeBodySchema } from '../../domain/notice.ts';
import { CASE_DECISIONS, reasonCodeSchema } from '../../domain/reason-codes.ts';
import { REVIEW_QUEUES } from '../../domain/review-queues.ts';
import {
  idSchema,
  infringementTypeSchema,
  instantSchema,
  jurisdictionSchema,
} from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';
import { caseFileSchema } from './case-file.ts';
import { page, pageQuery } from './common.ts';

export const caseStatusSchema = z.enum(CASE_STATUSES);

export const caseSummarySchema = z
  .object({
    caseId: idSchema,
    listingId: z.string(),
    status: caseStatusSchema,
  })
  .meta({ id: 'CaseSummary' });

export const rejectedRowSchema = z
  .object({
    row: z
      .int()
      .describe('1-based: the manifest row (after the CSV header), or the position in listings'),
    reason: z.string(),
  })
  .meta({ id: 'RejectedRow' });

export const filedNoticeSchema = z.object({
  noticeId: idSchema,
  status: z
    .enum(['fanning_out'])
    .optional()
    .describe(
      'A bulk notice: its cases are being written and started (see GET /v1/notices/{noticeId})',
    ),
  cases: z.array(caseSummarySchema).describe('Empty for a bulk notice'),
  rejectedRows: z
    .array(rejectedRowSchema)
    .optional()
    .describe('Listings named by a URL the marketplace does not know'),
});

export const noticeSchema = z.object({
  noticeId: idSchema,
  rightsHolderId: idSchema,
  ipRightId: idSchema,
  infringementType: infringementTypeSchema,
  jurisdiction: jurisdictionSchema,
  explanation: z.string(),
  evidenceIds: z.array(idSchema),
  createdAt: instantSchema,
  status: z
    .enum(['fanning_out', 'filed'])
    .optional()
    .describe('A bulk notice: `fanning_out` until every row is accounted for'),
  progress: z
    .object({
      total: z.int().describe('Rows of the manifest'),
      started: z.int().describe('Cases whose workflow has started'),
      duplicates: z.int().describe('Rows naming a listing another row named (one case)'),
      rejectedRows: z.array(rejectedRowSchema),
    })
    .optional()
    .describe('A bulk notice’s fan-out (API.md, Bulk notices)'),
  cases: z
    .array(caseSummarySchema)
    .describe('The cases; for a bulk notice, list them with GET /v1/cases?noticeId='),
});

export const decisionBodySchema = z.strictObject({
  decision: z
    .enum(CASE_DECISIONS)
    .describe('approve | reject | request_info; restore | uphold on a re-review'),
  reasonCode: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_]+$/, 'snake_case reason code')
    .describe('A code of GET /v1/reason-codes that lists this decision'),
  reasons: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .describe('For the parties: quoted in the statement of reasons and the notifier’s outcome'),
  note: z.string().trim().max(4000).optional().describe('Internal: never sent to a party'),
});

export const infoBodySchema = z.strictObject({
  explanation: z.string().trim().min(1).max(10_000),
  evidenceIds: z.array(idSchema).max(50).default([]),
});

export const courtActionBodySchema = z.strictObject({
  filedAt: instantSchema,
  court: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .describe('The court, or for an authority complaint the authority'),
  reference: z.string().trim().min(1).max(200),
  kind: z
    .enum(['lawsuit', 'authority_complaint'])
    .describe(
      'A lawsuit (every jurisdiction), or a complaint to the competent authority (CN only: E-Commerce Law Art 43)',
    ),
  evidenceIds: z.array(idSchema).max(50).default([]),
});

export const caseSearchQuerySchema = pageQuery.extend({
  status: caseStatusSchema.optional(),
  jurisdiction: jurisdictionSchema.optional(),
  sellerId: idSchema.optional(),
  rightsHolderId: idSchema.optional(),
  noticeId: idSchema.optional(),
  listingId: idSchema.optional(),
  q: z.string().trim().min(2).max(100).optional().describe('Part of a listing’s title or id'),
  from: instantSchema.optional().describe('Filed at or after'),
  to: instantSchema.optional().describe('Filed at or before (default: now)'),
});

export const caseSearchItemSchema = z.object({
  caseId: idSchema,
  noticeId: idSchema,
  listingId: z.string(),
  listingTitle: z.string().optional(),
  sellerId: z.string().optional(),
  rightsHolderId: idSchema,
  jurisdiction: jurisdictionSchema,
  infringementType: infringementTypeSchema,
  status: caseStatusSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const REVIEW_TASK_KINDS = [
  'review',
  'escalated_review',
  're_review',
  'retry',
  'appeal',
  'rights_holder_verification',
  'ip_right_verification',
  'suspension_review',
  'misuse_review',
  'audit',
  'proactive_review',
  'screening_rule_proposal',
] as const;

export const reviewTaskQuerySchema = pageQuery.extend({
  queue: z.enum(REVIEW_QUEUES).optional().describe('One queue; every queue when absent'),
  kind: z.enum(REVIEW_TASK_KINDS).optional(),
  jurisdiction: jurisdictionSchema.optional(),
  infringementType: infringementTypeSchema.optional(),
});

export const reviewClaimSchema = z.object({
  reviewer: z.object({ id: z.string() }),
  until: instantSchema,
});

export const reviewTaskSchema = z.object({
  taskId: z.string().describe('Unique across every queue and over time'),
  queue: z.enum(REVIEW_QUEUES),
  kind: z.enum(REVIEW_TASK_KINDS),
  caseId: idSchema.optional(),
  noticeId: idSchema.optional(),
  source: z
    .enum(['notice', 'own_initiative'])
    .optional()
    .describe(
      'For a case’s task: whether a notice or the platform’s own screening opened the case',
    ),
  appealId: z.string().optional().describe('For an appeal: the appeal to decide'),
  subjectId: idSchema.optional(),
  subjectName: z.string().optional().describe('The applicant, or the IP right’s title'),
  listingId: z.string().optional(),
  listingTitle: z.string().optional(),
  rightsHolderName: z.string().optional(),
  sellerId: z.string().optional(),
  infringementType: infringementTypeSchema.optional(),
  jurisdiction: jurisdictionSchema.optional(),
  createdAt: instantSchema,
  dueAt: instantSchema.optional(),
  overdue: z.boolean(),
  claim: reviewClaimSchema.optional().describe('Who works the task, until when'),
});

export const statusBody = z.object({ caseId: idSchema, status: caseStatusSchema });
const accepted = z.object({ caseId: idSchema, status: z.string() });

/** The header POST /v1/notices requires: a replay with the same key and body answers the same. */
export const idempotencyHeadersSchema = z.object({
  'Idempotency-Key': z
    .string()
    .regex(/^[\x21-\x7e]{8,128}$/)
    .describe('8 to 128 printable characters, unique per notice; kept at least 24 h'),
});

/** OpenAPI descriptions of the notice, case and review routes. */
export const openapi = {
  'POST /v1/notices': {
    summary: 'File a notice (one case per listing)',
    description:
      'The same Idempotency-Key with the same body answers the same 202; with another body, 409. A per-listing problem does not refuse the notice: its case ends rejected or duplicate after screening, and a URL the marketplace does not know is a rejected row. With listingsManifestEvidenceId (a bulk notice of up to 10,000 listings) the answer is 202 `{noticeId, status: "fanning_out", cases: []}` at once; GET /v1/notices/{noticeId} shows the progress. Past the notifier’s daily volume quota: 429 with `resetsAt`.',
    request: { body: noticeBodySchema, headers: idempotencyHeadersSchema },
    responses: {
      202: {
        description: 'Accepted: one case per listing, screening (a bulk notice: fanning out)',
        body: filedNoticeSchema,
        headers: { Location: 'The notice' },
      },
    },
    errors: [409, 422],
  },
  'GET /v1/notices': {
    summary: 'Own notices, newest first',
    request: { query: pageQuery },
    responses: { 200: page(noticeSchema.omit({ cases: true })) },
  },
  'GET /v1/notices/{noticeId}': {
    summary: 'A notice and its cases',
    responses: { 200: noticeSchema },
  },
  'POST /v1/notices/{noticeId}/withdrawal': {
    summary: 'Withdraw every open case of a notice',
    description:
      'A bulk notice is withdrawn as a whole: every case its fan-out has started is withdrawn now, and every case it starts afterwards ends withdrawn at its first step. While it fans out, the answer may list no case yet (202 all the same).',
    responses: { 202: z.object({ noticeId: idSchema, cases: z.array(caseSummarySchema) }) },
    errors: [409],
  },
  'GET /v1/cases/{caseId}': {
    summary: 'The case file: what the caller’s party may see of the case',
    responses: { 200: caseFileSchema },
  },
  'POST /v1/cases/{caseId}/withdrawal': {
    summary: 'Withdraw one case',
    responses: { 202: accepted },
    errors: [409],
  },
  'POST /v1/cases/{caseId}/retry': {
    summary: 'Resume a case in action_failed',
    tags: ['Review'],
    responses: { 202: accepted },
    errors: [409],
  },
  'POST /v1/cases/{caseId}/court-action': {
    summary: 'Report a court action',
    request: { body: courtActionBodySchema },
    responses: { 202: accepted },
    errors: [409],
  },
  'POST /v1/cases/{caseId}/info': {
    summary: 'Answer a request for information',
    request: { body: infoBodySchema },
    responses: { 202: accepted },
    errors: [409],
  },
  'POST /v1/cases/{caseId}/decision': {
    summary: 'A reviewer decides (the backend holds the task token)',
    tags: ['Review'],
    request: { body: decisionBodySchema },
    responses: { 200: statusBody },
    errors: [409],
  },
  'POST /v1/cases/{caseId}/counter-notice': {
    summary: "The case's seller counter-notifies",
    tags: ['Sellers'],
    request: { body: counterNoticeBodySchema },
    responses: { 202: accepted },
    errors: [409],
  },
  'GET /v1/review-tasks': {
    summary: 'Pending tasks across every queue, most urgent first (no task tokens, ever)',
    request: { query: reviewTaskQuerySchema },
    responses: { 200: page(reviewTaskSchema) },
  },
  'POST /v1/review-tasks/{taskId}/claim': {
    summary: 'Claim a task (or extend your claim) so no other reviewer works it',
    description:
      'A claim lapses after the policy’s claim duration (30 minutes by default); another reviewer’s decision on a claimed task gets 409.',
    tags: ['Review'],
    responses: { 200: z.object({ taskId: z.string(), claim: reviewClaimSchema }) },
    errors: [404, 409],
  },
  'DELETE /v1/review-tasks/{taskId}/claim': {
    summary: 'Release your claim on a task',
    tags: ['Review'],
    responses: { 204: { description: 'Released (also when nobody held it)' } },
    errors: [404, 409],
  },
  'GET /v1/cases': {
    summary: 'Search cases, newest first (rights holders: their own cases only)',
    request: { query: caseSearchQuerySchema },
    responses: { 200: page(caseSearchItemSchema) },
    errors: [404],
  },
  'GET /v1/reason-codes': {
    summary: 'The reason codes a case decision must cite',
    tags: ['Review'],
    responses: { 200: z.object({ items: z.array(reasonCodeSchema) }) },
  },
} satisfies RouteDocs;
