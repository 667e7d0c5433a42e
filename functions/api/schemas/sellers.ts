import * as z from 'zod';
import type { CaseRecord } from '../../adapters/case-store.ts';
import type { SellerRecord } from '../../adapters/seller-store.ts';
import { CASE_STATUSES } from '../../domain/case.ts';
import { DEADLINE_KEYS } from '../../domain/deadlines.ts';
import { isStrikeActive, LADDER_MEASURES, type StrikeRecord } from '../../domain/strikes.ts';
import {
  idSchema,
  infringementTypeSchema,
  instantSchema,
  jurisdictionSchema,
} from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';
import { suspensionDecisionBodySchema } from './account-decisions.ts';
import { page, pageQuery } from './common.ts';

/** The schemas of the seller routes. */

export const sellerCasesQuerySchema = pageQuery;

export const sellerCaseSchema = z
  .object({
    caseId: idSchema,
    noticeId: idSchema,
    listingId: z.string(),
    listingTitle: z.string().optional(),
    source: z
      .enum(['notice', 'own_initiative'])
      .describe('A rights holder’s notice, or the platform’s own proactive screening'),
    status: z.enum(CASE_STATUSES),
    jurisdiction: jurisdictionSchema,
    infringementType: infringementTypeSchema,
    createdAt: instantSchema,
    updatedAt: instantSchema,
    deadlines: z.partialRecord(z.enum(DEADLINE_KEYS), instantSchema),
  })
  .describe("A case against one of the seller's listings (no notifier contact details)");

export const strikeSchema = z.object({
  strikeId: z.string(),
  caseId: idSchema.describe('The first case of the strike'),
  caseIds: z.array(idSchema).describe('Every case of the notice attached to the strike'),
  noticeId: idSchema,
  at: instantSchema,
  expiresAt: instantSchema,
  revokedAt: instantSchema.optional(),
  active: z.boolean(),
  counts: z
    .boolean()
    .describe(
      'Counts toward escalation past the warning: conduct after the warning (DSA Art 23(1))',
    ),
});

export const strikesSchema = z.object({
  active: z.number().int().min(0).describe('Active strikes'),
  strikes: z.array(strikeSchema),
  measure: z.enum(LADDER_MEASURES),
  warnedAt: instantSchema.optional(),
  educationAcknowledgedAt: instantSchema.optional(),
  educationRequired: z
    .boolean()
    .describe('A warning awaits the acknowledgement of its IP-education notice'),
});

/** The seller's view of a case: no notifier, no contact details. */
export function sellerCaseView(record: CaseRecord): z.infer<typeof sellerCaseSchema> {
  return {
    caseId: record.caseId,
    noticeId: record.noticeId,
    listingId: record.listingId,
    ...(record.listingTitle ? { listingTitle: record.listingTitle } : {}),
    source: record.source ?? 'notice',
    status: record.status,
    jurisdiction: record.jurisdiction,
    infringementType: record.infringementType,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deadlines: record.deadlines ?? {},
  };
}

/** A seller's strikes, newest first, with the count active at `now` and the ladder's measure. */
export function strikesView(
  seller: SellerRecord | null,
  strikes: readonly StrikeRecord[],
  now: Date,
  countingStrikeIds: readonly string[] = [],
): z.infer<typeof strikesSchema> {
  const items = [...strikes]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((strike) => ({
      strikeId: strike.strikeId,
      caseId: strike.caseIds[0] ?? '',
      caseIds: strike.caseIds,
      noticeId: strike.noticeId,
      at: strike.createdAt,
      expiresAt: strike.expiresAt,
      ...(strike.revokedAt ? { revokedAt: strike.revokedAt } : {}),
      active: isStrikeActive(strike, now),
      counts: countingStrikeIds.includes(strike.strikeId),
    }));
  const warnedAt = seller?.warnedAt;
  const acknowledgedAt = seller?.educationAcknowledgedAt;
  return {
    active: items.filter((strike) => strike.active).length,
    strikes: items,
    measure: seller?.measure ?? 'none',
    ...(warnedAt ? { warnedAt } : {}),
    ...(acknowledgedAt ? { educationAcknowledgedAt: acknowledgedAt } : {}),
    educationRequired: warnedAt !== undefined && (!acknowledgedAt || acknowledgedAt < warnedAt),
  };
}

const suspensionFactsSchema = z
  .object({
    activeStrikes: z.number().int(),
    countingStrikes: z.number().int(),
    countingItems: z.number().int().describe('Listings behind the counting strikes'),
    aggravatedStrikes: z.number().int().describe('Counterfeits confirmed by a test buy'),
    liveListings: z.number().int(),
    totalListings: z.number().int(),
    share: z.number().min(0).max(1).describe('countingItems ÷ totalListings'),
  })
  .describe('What a suspension review weighs (DSA Art 23(3))');

const reviewerSellerSchema = z.object({
  sellerId: z.string(),
  measure: z.enum(LADDER_MEASURES),
  warnedAt: instantSchema.optional(),
  educationAcknowledgedAt: instantSchema.optional(),
  suspension: z
    .object({
      startedAt: instantSchema,
      until: instantSchema,
      reasonCode: z.string(),
      reasons: z.string(),
    })
    .optional()
    .describe('The latest confirmed suspension'),
  terminatedAt: instantSchema.optional().describe('Expiry never lifts a termination'),
  suspensionReview: z
    .object({
      taskId: z.string(),
      openedAt: instantSchema,
      dueAt: instantSchema,
      facts: suspensionFactsSchema,
    })
    .optional(),
  strikes: z.array(
    z.object({
      strikeId: z.string(),
      noticeId: z.string(),
      caseIds: z.array(z.string()),
      createdAt: instantSchema,
      expiresAt: instantSchema,
      revokedAt: instantSchema.optional(),
      listingCreatedAt: instantSchema.optional(),
      noticeReceivedAt: instantSchema.optional(),
      warningSentAt: instantSchema.optional(),
      weight: z.number(),
      active: z.boolean(),
      counts: z
        .boolean()
        .describe('Counts toward escalation past the warning (conduct after the warning)'),
    }),
  ),
  decisions: z.array(
    z.object({
      kind: z.literal('suspension_review'),
      taskId: z.string(),
      decision: z.string(),
      reasonCode: z.string(),
      reasons: z.string(),
      note: z.string().optional(),
      reviewerId: z.string(),
      at: instantSchema,
      measure: z.string(),
      until: instantSchema.optional(),
      facts: suspensionFactsSchema.optional(),
    }),
  ),
  cases: z.array(
    z.object({
      caseId: z.string(),
      listingId: z.string(),
      listingTitle: z.string().optional(),
      status: z.string(),
      createdAt: instantSchema,
    }),
  ),
});

/** OpenAPI descriptions of the seller routes. */
export const openapi = {
  'GET /v1/sellers/me/cases': {
    summary: "Cases against the caller's listings, newest first",
    request: { query: sellerCasesQuerySchema },
    responses: { 200: page(sellerCaseSchema) },
  },
  'GET /v1/sellers/me/strikes': {
    summary: "The caller's strikes and account measure",
    responses: { 200: strikesSchema },
  },
  'POST /v1/sellers/me/education-acknowledgement': {
    summary: 'Acknowledge the IP-education notice of a warning',
    responses: { 204: { description: 'Acknowledged' } },
    errors: [409],
  },
  'GET /v1/sellers/{sellerId}': {
    summary:
      'A seller as reviewers see it: measure, strikes (and which count toward escalation), any open suspension review with its facts, decisions, latest cases',
    responses: { 200: reviewerSellerSchema },
  },
  'POST /v1/sellers/{sellerId}/suspension-decision': {
    summary:
      'Decide a seller’s open suspension review (DSA Art 23(3)): suspend for the policy period, or hold at restricted',
    request: { body: suspensionDecisionBodySchema },
    responses: {
      200: z.object({
        sellerId: z.string(),
        measure: z.enum(LADDER_MEASURES),
        until: instantSchema.optional().describe('The end of the suspension'),
      }),
    },
    errors: [409, 422],
  },
} satisfies RouteDocs;
