import * as z from 'zod';
import { MAX_REPORT_DAYS } from '../../domain/transparency-report.ts';
import { isoDateSchema } from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';

/** The schemas of the transparency routes (DSA Arts 15, 24; CN E-Commerce Law Art 44). */

const DAY_MS = 86_400_000;

/** A period of whole UTC days, `from` ≤ `to`, at most MAX_REPORT_DAYS long. */
const period = {
  from: isoDateSchema.describe('First day of the period (UTC, inclusive)'),
  to: isoDateSchema.describe('Last day of the period (UTC, inclusive)'),
};

function checkPeriod(value: { from: string; to: string }, ctx: z.RefinementCtx) {
  const days = (Date.parse(value.to) - Date.parse(value.from)) / DAY_MS + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` is before `from`' });
  if (days > MAX_REPORT_DAYS)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `A period covers at most ${MAX_REPORT_DAYS} days`,
    });
}

export const reportQuerySchema = z
  .strictObject({
    ...period,
    format: z
      .enum(['json', 'csv'])
      .default('json')
      .describe('JSON, or CSV rows section,metric,value'),
  })
  .superRefine(checkPeriod);

export const statementsQuerySchema = z.strictObject(period).superRefine(checkPeriod);

export const publicDecisionsQuerySchema = z
  .strictObject({
    ...period,
    cursor: z.string().max(512).optional().describe('The `nextCursor` of the previous page'),
  })
  .superRefine(checkPeriod);

const counts = z.record(z.string(), z.number().int());
const share = z.number().min(0).max(1).nullable();

export const transparencyReportSchema = z.object({
  period: z.object({ from: isoDateSchema, to: isoDateSchema }),
  seedTable: z.object({
    complaintsReceived: z.number().int().describe('Notices received'),
    listingsRemoved: z.number().int(),
    sellersInvolved: z
      .number()
      .int()
      .describe('Sellers with a listing removed, each counted once per calendar year'),
  }),
  notices: z.object({
    listingsReceived: z.number().int(),
    byType: counts,
    bySource: counts,
    byJurisdiction: counts,
    screeningRejected: z.number().int(),
    duplicates: z.number().int(),
  }),
  decisions: z.object({ approved: z.number().int(), rejected: z.number().int() }),
  actions: z.object({
    listingsDisabled: z.number().int(),
    byType: counts,
    bySource: counts,
    byJurisdiction: counts,
    automated: z.number().int(),
    automatedShare: share,
    medianTimeToActSeconds: z.number().int().nullable(),
    medianTimeToActHours: z.number().nullable(),
    sketchRelativeAccuracy: z.number().describe('The medians are within this relative error'),
  }),
  counterNotices: z.object({
    received: z.number().int(),
    late: z.number().int(),
    byJurisdiction: counts,
    outcomes: z.object({
      restored: z.number().int(),
      upheld: z.number().int(),
      upheldPendingCourt: z.number().int(),
    }),
  }),
  appeals: z.object({
    filed: z.number().int(),
    bySellers: z.number().int(),
    byNotifiers: z.number().int(),
    upheld: z.number().int(),
    dismissed: z.number().int(),
    medianHandlingSeconds: z.number().int().nullable(),
    medianHandlingHours: z.number().nullable(),
  }),
  suspensions: z.object({
    sellers: z.number().int().describe('DSA Art 23(1)'),
    notifiers: z.number().int().describe('DSA Art 23(2)'),
  }),
  restored: z.number().int(),
  withdrawn: z.number().int(),
  reoffence: z.object({
    cohort: z.object({ from: isoDateSchema, before: isoDateSchema }),
    windowDays: z.number().int(),
    warnedSellers: z.number().int(),
    reoffended: z.number().int(),
    rate: share,
    stoppedAfterWarning: share,
  }),
});

/**
 * One statement of reasons in the Transparency Database's shape: its documented rules
 * (functions/domain/transparency-database-rules.ts) are checked when it is produced.
 */
const databaseStatementSchema = z
  .looseObject({
    puid: z.string(),
    decision_ground: z.string(),
    category: z.string(),
    content_type: z.array(z.string()),
    territorial_scope: z.array(z.string()),
    source_type: z.string(),
    automated_detection: z.enum(['Yes', 'No']),
    automated_decision: z.string(),
    application_date: isoDateSchema,
    content_date: isoDateSchema,
    decision_facts: z.string(),
  })
  .describe('A statement of reasons as the DSA Transparency Database API takes it');

export const statementsSchema = z.object({ statements: z.array(databaseStatementSchema) });

export const publicDecisionSchema = z.object({
  caseId: z.string(),
  noticeId: z.string(),
  listingId: z.string(),
  infringementType: z.string(),
  kind: z.enum(['notice', 'measure', 'declaration', 'outcome']),
  outcome: z.string().describe('What happened, as a code'),
  at: z.string(),
});

export const publicDecisionsSchema = z.object({
  items: z.array(publicDecisionSchema),
  nextCursor: z.string().nullable(),
});

/** OpenAPI descriptions of the transparency routes. */
export const openapi = {
  'GET /v1/transparency/report': {
    summary: 'The transparency report of a period, from counters kept as the work happens',
    description:
      "The seed's yearly table, the DSA Art 15(1)(b) and 24(1) figures (medians from mergeable sketches, within `sketchRelativeAccuracy`), and the re-offence rate of the sellers first warned in the period's first half. `format=csv` answers the same figures as `text/csv` rows `section,metric,value`.",
    request: { query: reportQuerySchema },
    responses: { 200: transparencyReportSchema },
  },
  'GET /v1/transparency/statements': {
    summary: "The period's EU statements of reasons, in the Transparency Database's batch shape",
    description:
      'Ready to submit to the DSA Transparency Database (`POST /api/v1/statements`); each was validated with its documented rules when produced. No personal data.',
    request: { query: statementsQuerySchema },
    responses: { 200: statementsSchema },
  },
  'GET /v1/public/decisions': {
    summary: 'CN E-Commerce Law Art 44: notices, declarations and outcomes, published',
    description:
      'Public, without a token: CN cases’ notices, declarations (counter-notices) and outcomes, as ids, types and codes, without names, contacts or free text. Oldest first, 100 a page.',
    request: { query: publicDecisionsQuerySchema },
    responses: { 200: publicDecisionsSchema },
  },
} satisfies RouteDocs;
