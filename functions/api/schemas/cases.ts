import * as z from 'zod';
import { CASE_STATUSES, TIMELINE_EVENT_TYPES } from '../../domain/case.ts';
import { counterNoticeBodySchema } from '../../domain/counter-notice.ts';
import { DEADLINE_KEYS } from '../../domain/deadlines.ts';
import { noticeBodySchema } from '../../domain/notice.ts';
import { CASE_DECISIONS } from '../../domain/reason-codes.ts';
import {
  idSchema,
  infringementTypeSchema,
  instantSchema,
  jurisdictionSchema,
} from '../../domain/vocabulary.ts';
import { caseFileSchema } from './case-file.ts';
import { page, pageQuery } from './common.ts';

export const caseStatusSchema = z.enum(CASE_STATUSES);

export const caseSummarySchema = z.object({
  caseId: idSchema,
  listingId: z.string(),
  status: caseStatusSchema,
});

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

/** OpenAPI descriptions of the notice, case and review routes. */
export const openapi = {
  'POST /v1/notices': {
    summary: 'File a notice (one case per listing)',
    request: { body: noticeBodySchema, headers: ['Idempotency-Key'] },
    responses: { 202: filedNoticeSchema },
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
  },
  'GET /v1/cases/{caseId}': {
    summary: 'The case file: what the caller’s party may see of the case',
    responses: { 200: caseFileSchema },
  },
  'POST /v1/cases/{caseId}/withdrawal': {
    summary: 'Withdraw one case',
    responses: { 202: accepted },
  },
  'POST /v1/cases/{caseId}/retry': {
    summary: 'Resume a case in action_failed',
    responses: { 202: accepted },
  },
  'POST /v1/cases/{caseId}/court-action': {
    summary: 'Report a court action',
    request: { body: courtActionBodySchema },
    responses: { 202: accepted },
  },
  'POST /v1/cases/{caseId}/info': {
    summary: 'Answer a request for information',
    request: { body: infoBodySchema },
    responses: { 202: accepted },
  },
  'POST /v1/cases/{caseId}/decision': {
    summary: 'A reviewer decides (the backend holds the task token)',
    request: { body: decisionBodySchema },
    responses: { 200: statusBody },
  },
  'POST /v1/cases/{caseId}/counter-notice': {
    summary: "The case's seller counter-notifies",
    request: { body: counterNoticeBodySchema },
    responses: { 202: accepted },
  },
  'GET /v1/review-tasks': {
    summary: 'Pending review tasks, oldest first (no task tokens, ever)',
    request: { query: reviewTaskQuerySchema },
    responses: { 200: page(reviewTaskSchema) },
  },
} as const;
