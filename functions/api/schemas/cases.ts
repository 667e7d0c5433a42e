import * as z from 'zod';
import { CASE_STATUSES, TIMELINE_EVENT_TYPES } from '../../domain/case.ts';
import { counterNoticeBodySchema } from '../../domain/counter-notice.ts';
import { DEADLINE_KEYS } from '../../domain/deadlines.ts';
import { noticeBodySchema } from '../../domain/notice.ts';
import {
  idSchema,
  infringementTypeSchema,
  instantSchema,
  jurisdictionSchema,
} from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';
import { page, pageQuery } from './common.ts';

export const caseStatusSchema = z.enum(CASE_STATUSES);

export const caseSummarySchema = z
  .object({
    caseId: idSchema,
    listingId: z.string(),
    status: caseStatusSchema,
  })
  .meta({ id: 'CaseSummary' });

export const filedNoticeSchema = z.object({
  noticeId: idSchema,
  cases: z.array(caseSummarySchema),
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
  cases: z.array(caseSummarySchema),
});

export const timelineEntrySchema = z.object({
  at: instantSchema,
  actor: z.object({ role: z.string(), id: z.string() }),
  type: z.enum(TIMELINE_EVENT_TYPES),
  detail: z.record(z.string(), z.unknown()),
});

export const caseSchema = z.object({
  caseId: idSchema,
  noticeId: idSchema,
  listingId: z.string(),
  listingUrl: z.string().optional(),
  listingTitle: z.string().optional(),
  sellerId: z.string().nullable(),
  jurisdiction: jurisdictionSchema,
  infringementType: infringementTypeSchema,
  status: caseStatusSchema,
  deadlines: z.partialRecord(z.enum(DEADLINE_KEYS), instantSchema),
  timeline: z.array(timelineEntrySchema),
  notifier: z
    .object({ rightsHolderId: idSchema, name: z.string().optional(), email: z.string().optional() })
    .optional(),
});

export const decisionBodySchema = z.strictObject({
  decision: z
    .enum(['approve', 'reject', 'request_info', 'restore', 'uphold'])
    .describe('approve | reject | request_info; restore | uphold on a re-review'),
  reasonCode: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_]+$/, 'snake_case reason code'),
  note: z.string().max(4000).optional(),
});

export const infoBodySchema = z.strictObject({
  explanation: z.string().trim().min(1).max(10_000),
  evidenceIds: z.array(idSchema).max(50).default([]),
});

export const courtActionBodySchema = z.strictObject({
  filedAt: instantSchema,
  court: z.string().trim().min(1).max(300),
  reference: z.string().trim().min(1).max(200),
  evidenceIds: z.array(idSchema).max(50).default([]),
});

export const reviewTaskQuerySchema = pageQuery.extend({
  queue: z
    .enum([
      'standard',
      'priority',
      'escalated',
      're_review',
      'action_failed',
      'ip_rights',
      'rights_holders',
    ])
    .default('standard'),
});

export const reviewTaskSchema = z.object({
  taskId: z.string(),
  queue: z.string(),
  kind: z.string(),
  caseId: idSchema.optional(),
  noticeId: idSchema.optional(),
  subjectId: idSchema.optional(),
  listingId: z.string().optional(),
  infringementType: infringementTypeSchema.optional(),
  jurisdiction: jurisdictionSchema.optional(),
  createdAt: instantSchema,
  dueAt: instantSchema.optional(),
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
      'The same Idempotency-Key with the same body answers the same 202; with another body, 409. A per-listing problem does not refuse the notice: its case ends rejected or duplicate after screening.',
    request: { body: noticeBodySchema, headers: idempotencyHeadersSchema },
    responses: {
      202: {
        description: 'Accepted: one case per listing, screening',
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
    responses: { 202: z.object({ noticeId: idSchema, cases: z.array(caseSummarySchema) }) },
    errors: [409],
  },
  'GET /v1/cases/{caseId}': {
    summary: 'A case with its deadlines and timeline',
    responses: { 200: caseSchema },
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
    summary: 'Pending review tasks, oldest first (no task tokens, ever)',
    request: { query: reviewTaskQuerySchema },
    responses: { 200: page(reviewTaskSchema) },
  },
} satisfies RouteDocs;
