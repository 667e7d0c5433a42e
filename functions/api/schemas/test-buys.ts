import * as z from 'zod';
import { TEST_BUY_OUTCOMES, testBuyInputSchema } from '../../domain/test-buy.ts';
import { idSchema, instantSchema } from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';
import { page, pageQuery } from './common.ts';
import { evidenceSummarySchema } from './evidence.ts';

/** The schemas of mystery test buys (issue 19): recorded by staff, shown in case files. */

export const recordTestBuyBodySchema = testBuyInputSchema;

/** A test buy as a party of its case sees it: the order, the outcome and the report. */
export const testBuyPartySchema = z
  .object({
    testBuyId: idSchema,
    orderId: z.string(),
    orderedAt: instantSchema,
    outcome: z.enum(TEST_BUY_OUTCOMES),
    report: evidenceSummarySchema,
    recordedAt: instantSchema,
  })
  .describe('A mystery test buy attached to the case');

/** A test buy as staff see it: also the seller, the listing, the right, the note and who recorded it. */
export const testBuySchema = testBuyPartySchema.extend({
  sellerId: idSchema,
  listingId: idSchema.optional(),
  caseId: idSchema.optional().describe('The case it is attached to'),
  ipRightId: idSchema.optional(),
  notes: z.string().optional().describe('Internal note'),
  ownInitiativeCaseId: idSchema
    .optional()
    .describe('The own-initiative case it opened, when it backed a takedown'),
  recordedBy: z.string().describe('The reviewer who recorded it'),
});

export const listTestBuysQuerySchema = pageQuery.extend({
  sellerId: idSchema.describe('The seller whose test buys to list (on it and on its cases)'),
});

export const openapi = {
  'POST /v1/test-buys': {
    summary:
      'Record a mystery test buy on a seller or one of its cases; a confirmed counterfeit may back an own-initiative takedown',
    description:
      'The report is staff evidence uploaded with `purpose: "test_buy_report"`. One order is one test buy (409 for an order already recorded). With `takedown: true` (a confirmed counterfeit of a listing of the seller, a verified trademark), an own-initiative case is opened and decided by the reviewer: the listing is taken down within a minute, with a strike, a statement of reasons and the same redress as any case.',
    request: { body: recordTestBuyBodySchema },
    responses: { 201: testBuySchema },
    errors: [404, 409, 422],
  },
  'GET /v1/test-buys': {
    summary: 'A seller’s test buys, newest first',
    request: { query: listTestBuysQuerySchema },
    responses: { 200: page(testBuySchema) },
  },
} satisfies RouteDocs;
