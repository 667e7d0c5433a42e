import * as z from 'zod';
import { CASE_STATUSES, TIMELINE_EVENT_TYPES } from '../../domain/case.ts';
import { DEADLINE_KEYS } from '../../domain/deadlines.ts';
import {
  idSchema,
  infringementTypeSchema,
  instantSchema,
  jurisdictionSchema,
} from '../../domain/vocabulary.ts';
import { appealViewSchema } from './appeals.ts';
import { evidenceSummarySchema } from './evidence.ts';
import { standingSchema } from './identity.ts';
import { testBuySchema } from './test-buys.ts';

const evidenceItem = evidenceSummarySchema;

const counterNotice = z.object({
  receivedAt: instantSchema,
  statement: z.string(),
  material: z.object({ description: z.string(), location: z.string() }).optional(),
  district: z.string().optional(),
  serviceProviderDistrict: z.boolean().optional(),
  signature: z.object({ fullName: z.string(), signedAt: z.string() }).optional(),
  contact: z
    .object({
      name: z.string().optional(),
      address: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
    })
    .optional()
    .describe(
      'The seller’s contact: its own view, reviewers, and the rights holder where the law forwards it',
    ),
  evidence: z.array(evidenceItem),
});

const timelineEntry = z.object({
  at: instantSchema,
  actor: z
    .object({ role: z.string(), id: z.string().optional() })
    .describe('Parties see staff as {role: "reviewer"}, with no id'),
  type: z.enum(TIMELINE_EVENT_TYPES),
  detail: z.record(z.string(), z.unknown()),
});

/** The case file: fields every party sees, then those only some do (API.md, "The case file"). */
export const caseFileSchema = z.object({
  caseId: idSchema,
  noticeId: idSchema,
  listingId: z.string(),
  sellerId: z.string().nullable(),
  jurisdiction: jurisdictionSchema,
  infringementType: infringementTypeSchema,
  source: z.enum(['notice', 'own_initiative']),
  foundBy: z
    .enum(['screening', 'test_buy'])
    .optional()
    .describe(
      'An own-initiative case: found by automated proactive screening, or by a mystery test buy that confirmed a counterfeit',
    ),
  status: z.enum(CASE_STATUSES),
  createdAt: instantSchema,
  counterNoticeMode: z.enum(['statutory_timer', 're_review']).optional(),
  duplicateOf: idSchema.optional(),
  reasonCode: z.string().optional().describe('Why screening closed the case'),
  listing: z.object({
    listingId: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    createdAt: instantSchema.nullable(),
    status: z.enum(['active', 'disabled']),
  }),
  ipRight: z
    .object({
      ipRightId: idSchema,
      kind: z.string(),
      title: z.string(),
      registrationNumber: z.string().optional(),
      jurisdiction: jurisdictionSchema,
      owner: z.string(),
      validUntil: z.string().optional(),
      status: z.string().optional().describe('Reviewers only'),
      proof: z.array(evidenceItem).optional().describe('Reviewers only'),
    })
    .nullable(),
  notice: z
    .object({
      noticeId: idSchema,
      explanation: z.string(),
      infringementType: infringementTypeSchema,
      createdAt: instantSchema,
      evidence: z.array(evidenceItem),
      testBuy: z.object({ orderId: z.string(), report: evidenceItem }).optional(),
    })
    .nullable(),
  notifier: z.object({
    rightsHolderId: idSchema,
    name: z.string().optional(),
    email: z.string().optional().describe('Never to the seller unless policy discloses it'),
  }),
  decision: z
    .object({
      decision: z.string(),
      reasonCode: z.string(),
      at: instantSchema,
      reviewerId: z.string().optional().describe('Reviewers only'),
      automated: z
        .literal(true)
        .optional()
        .describe('Taken by automated means, without a person (DSA Art 17(3)(c))'),
    })
    .nullable(),
  reasons: z.string().nullable().describe('The decision’s reasons, written for the parties'),
  deadlines: z.partialRecord(z.enum(DEADLINE_KEYS), instantSchema),
  timeline: z.array(timelineEntry),
  appeals: z.array(appealViewSchema),
  testBuys: z
    .array(testBuySchema.partial({ sellerId: true, recordedBy: true }))
    .describe('Mystery test buys attached to the case; staff fields for reviewers only'),
  counterNotice: counterNotice.optional(),
  statementOfReasons: z
    .object({
      sentAt: instantSchema,
      locale: z.string(),
      subject: z.string(),
      text: z.string(),
    })
    .optional()
    .describe('The seller and reviewers: the statement of reasons as the seller received it'),
  note: z.string().nullable().optional().describe('Reviewers only: the internal note'),
  wrongfulNoticeRecord: z
    .object({
      noticeId: idSchema,
      notifier: z.object({
        rightsHolderId: idSchema,
        legalName: z.string().optional(),
        country: z.string().optional(),
      }),
      takenDownAt: instantSchema,
      restoredAt: instantSchema,
      downSeconds: z.number().int().min(0),
    })
    .optional()
    .describe(
      'Reviewers only: for a reversed takedown, what a seller needs to claim damages (CN E-Commerce Law Art 42)',
    ),
  screening: z
    .object({
      ruleId: z.string(),
      ruleVersion: z
        .number()
        .int()
        .describe('The rule set’s version when the listing was screened'),
    })
    .optional()
    .describe(
      'Reviewers only: for an own-initiative case, the screening rule whose hit opened it (a stay-down hit names `stay-down:<caseId>`)',
    ),
  audit: z
    .object({ taskId: z.string(), basis: z.string(), dueAt: instantSchema })
    .optional()
    .describe(
      'Reviewers only: the open human audit of the automated decision, decided at POST /v1/cases/{caseId}/decision with uphold | restore',
    ),
  rightsHolder: z
    .object({
      rightsHolderId: idSchema,
      legalName: z.string(),
      entityType: z.string(),
      country: z.string(),
      status: z.string(),
      agentFor: z.string().optional(),
      standing: standingSchema.optional(),
    })
    .nullable()
    .optional()
    .describe('Reviewers only'),
  seller: z
    .object({
      sellerId: z.string(),
      measure: z.string(),
      activeStrikes: z.array(
        z.object({
          strikeId: z.string(),
          caseIds: z.array(z.string()),
          at: instantSchema,
          expiresAt: instantSchema,
          weight: z.number(),
        }),
      ),
      priorCases: z.array(z.object({ caseId: idSchema, status: z.string(), at: instantSchema })),
    })
    .nullable()
    .optional()
    .describe('Reviewers only'),
  infoReplies: z
    .array(
      z.object({ at: instantSchema, explanation: z.string(), evidence: z.array(evidenceItem) }),
    )
    .optional()
    .describe('Reviewers only'),
  pendingTask: z
    .object({
      kind: z.string(),
      queue: z.string().optional(),
      createdAt: instantSchema,
      dueAt: instantSchema.optional(),
      claim: z.object({ reviewerId: z.string(), until: instantSchema }).optional(),
    })
    .nullable()
    .optional()
    .describe('Reviewers only; never a task token'),
});
