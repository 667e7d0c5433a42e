import * as z from 'zod';
import { instantSchema } from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';

/** The schemas of the data-subject routes (GDPR Arts 15, 17; PIPL Arts 45, 47) and legal holds. */

/** The two kinds of party whose personal data the service holds, as the path names them. */
export const PARTY_TYPES = { 'rights-holders': 'rights-holder', sellers: 'seller' } as const;

export const personalDataExportSchema = z
  .object({
    party: z.object({ type: z.enum(['rights-holder', 'seller']), id: z.string() }),
    profile: z.record(z.string(), z.unknown()).nullable(),
    cases: z.array(z.record(z.string(), z.unknown())),
    evidence: z.array(z.record(z.string(), z.unknown())),
  })
  .loose()
  .describe('Everything the service holds about the party, as stored');

export const erasureSchema = z
  .object({
    party: z.object({ type: z.enum(['rights-holder', 'seller']), id: z.string() }),
    erased: z.boolean().describe('Whether the contact data was pseudonymised'),
    pseudonymised: z.array(z.string()).describe('The items whose personal fields were replaced'),
    deletedEvidence: z.array(z.string()),
    kept: z
      .array(
        z.object({
          item: z.string(),
          reason: z
            .string()
            .describe(
              'case_open, appeal_window, legal_hold, wrongful_notice_claim, proves_registered_right, cited_by_kept_case',
            ),
          until: instantSchema.optional(),
        }),
      )
      .describe('What was kept, and why'),
    recheckAt: instantSchema.optional(),
  })
  .describe('What an erasure did and what it kept');

export const legalHoldReleaseSchema = z.object({
  caseId: z.string(),
  releasedAt: instantSchema,
});

/** OpenAPI descriptions of the data-subject and legal-hold routes. */
export const openapi = {
  'GET /v1/personal-data/{partyType}/{partyId}': {
    summary: 'Everything held about a rights holder or a seller (a data-subject access request)',
    description: '`partyType` is `rights-holders` or `sellers`.',
    responses: { 200: personalDataExportSchema },
  },
  'POST /v1/personal-data/{partyType}/{partyId}/erasure': {
    summary: 'Erases what the retention rules allow, and records what was kept and why',
    description:
      'Contact data is pseudonymised only once no case of the party is open, held, in its appeal window or (reversed takedowns) in the wrongful-notice claim period; evidence is deleted unless a kept case cites it or it proves a registered IP right.',
    responses: { 200: erasureSchema },
  },
  'POST /v1/cases/{caseId}/legal-hold/release': {
    summary: 'Releases the legal hold a reported court action put on a case',
    tags: ['Cases'],
    responses: { 200: legalHoldReleaseSchema },
    errors: [409],
  },
} satisfies RouteDocs;
