import { createHash } from 'node:crypto';
import * as z from 'zod';
import { idSchema, instantSchema } from './vocabulary.ts';

/**
 * Mystery test buys (DOMAIN.md, proactive measures): platform staff order a listing's goods and
 * record what arrived. A test buy is evidence for either path: attached to a case it is part of
 * that case's file; attached to a seller it is on the seller's record; and a counterfeit it
 * confirms can back an own-initiative takedown of the listing bought, decided by the reviewer who
 * records it (a person, not automated means).
 */
export const TEST_BUY_OUTCOMES = ['counterfeit_confirmed', 'genuine', 'inconclusive'] as const;
export type TestBuyOutcome = (typeof TEST_BUY_OUTCOMES)[number];

/** What a reviewer records (POST /v1/test-buys). */
export const testBuyInputSchema = z
  .strictObject({
    sellerId: idSchema.describe('The seller the order was placed with'),
    listingId: idSchema.optional().describe('The listing bought, if the order names one'),
    caseId: idSchema
      .optional()
      .describe('A case to attach the test buy to; its seller (and listing, if given) must match'),
    orderId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe('The marketplace order of the test buy; one record per order'),
    orderedAt: instantSchema.describe('When the order was placed'),
    outcome: z.enum(TEST_BUY_OUTCOMES),
    reportEvidenceId: idSchema.describe(
      'The signed test-buy report: sealed evidence a reviewer uploaded with `purpose: "test_buy_report"`',
    ),
    ipRightId: idSchema
      .optional()
      .describe('The IP right the goods infringe; required for a takedown'),
    notes: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .describe('Internal note: reviewers only, never shown to a party'),
    takedown: z
      .boolean()
      .default(false)
      .describe(
        'With a confirmed counterfeit of a listing: open an own-initiative case and take the listing down, decided by the reviewer',
      ),
  })
  .superRefine((input, ctx) => {
    if (!input.takedown) return;
    if (input.outcome !== 'counterfeit_confirmed')
      ctx.addIssue({
        code: 'custom',
        path: ['takedown'],
        message: 'Only a confirmed counterfeit can back a takedown',
      });
    if (!input.listingId)
      ctx.addIssue({
        code: 'custom',
        path: ['listingId'],
        message: 'A takedown needs the listing',
      });
    if (!input.ipRightId)
      ctx.addIssue({
        code: 'custom',
        path: ['ipRightId'],
        message: 'A takedown needs the IP right the goods infringe',
      });
    if (input.caseId)
      ctx.addIssue({
        code: 'custom',
        path: ['caseId'],
        message: 'A takedown opens its own case; attach to an existing case without it',
      });
  });
export type TestBuyInput = z.output<typeof testBuyInputSchema>;

/** A test buy as stored. */
export interface TestBuyRecord {
  testBuyId: string;
  sellerId: string;
  listingId?: string;
  caseId?: string;
  orderId: string;
  orderedAt: string;
  outcome: TestBuyOutcome;
  reportEvidenceId: string;
  ipRightId?: string;
  notes?: string;
  /** The own-initiative case the test buy opened, when it backed a takedown. */
  ownInitiativeCaseId?: string;
  recordedBy: string;
  recordedAt: string;
}

/** One record per order: the id derives from the order, so a repeated order is the same test buy. */
export const testBuyIdOf = (orderId: string): string =>
  `tb-${createHash('sha256').update(orderId).digest('hex').slice(0, 20)}`;

/** Whether a test buy confirms a counterfeit, so a strike from its case may weigh more (policy). */
export const confirmsCounterfeit = (testBuy: Pick<TestBuyRecord, 'outcome'>): boolean =>
  testBuy.outcome === 'counterfeit_confirmed';
