import * as z from 'zod';
import type {
  IpRightProfile,
  RightsHolderProfile,
  VerificationDecision,
} from '../../adapters/registry-store.ts';
import { audienceForCountry, isTimeZone, LOCALES, resolveAudience } from '../../domain/locale.ts';
import {
  idSchema,
  instantSchema,
  ipRightKindSchema,
  isoDateSchema,
  jurisdictionSchema,
} from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';
import { misuseDecisionBodySchema } from './account-decisions.ts';
import { page, pageQuery } from './common.ts';
import { evidenceSummarySchema } from './evidence.ts';

/** The schemas of the rights-holder and IP-right routes (registration and verification). */

export const verificationStatusSchema = z
  .enum(['pending_verification', 'verified', 'rejected'])
  .describe('Verification status');

const localeSchema = z.enum(LOCALES).describe('The language emails are written in');
const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, 'An IANA time zone, e.g. Europe/Berlin')
  .describe('IANA time zone deadlines are shown in');

/** ISO 3166-1 alpha-2, upper case. */
const countrySchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 country code, e.g. US')
  .describe('ISO 3166-1 alpha-2 country code');

export const registerRightsHolderBodySchema = z
  .strictObject({
    legalName: z.string().trim().min(2).max(200).describe('Legal name of the company or person'),
    type: z.enum(['company', 'individual']),
    country: countrySchema,
    address: z.string().trim().min(5).max(500).describe('Postal address (DMCA §512(c)(3)(A)(iv))'),
    email: z.email().max(254),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ().-]{5,31}$/, 'A phone number, e.g. +1-602-555-0100'),
    agentFor: z
      .strictObject({
        principal: z
          .string()
          .trim()
          .min(2)
          .max(200)
          .describe('The rights holder the agent acts for'),
        authorizationEvidenceId: idSchema.describe(
          'Sealed evidence of the caller: the letter of authorisation',
        ),
      })
      .optional()
      .describe('Set when filing as an agent with a letter of authorisation'),
    locale: localeSchema
      .optional()
      .describe(
        'The language emails are written in; default from the country (CN: zh-CN, else en)',
      ),
    timeZone: timeZoneSchema
      .optional()
      .describe(
        "The zone deadlines are shown in; default from the country (CN: Asia/Shanghai, US: America/New_York, EU: its capital's)",
      ),
  })
  .describe('Registration of a rights holder');

export const verificationBodySchema = z
  .strictObject({
    decision: z.enum(['verify', 'reject']),
    reason: z.string().trim().min(1).max(2000).describe('Why, for the record'),
  })
  .describe("A reviewer's verification decision");

const verificationRecordSchema = z.object({
  decision: z.enum(['verify', 'reject']),
  reason: z.string(),
  reviewerId: z.string().optional().describe('Reviewers only'),
  at: instantSchema,
});

export const registeredRightsHolderSchema = z.object({
  rightsHolderId: idSchema,
  status: verificationStatusSchema,
});

const trustedFlaggerAwardSchema = z.object({
  coordinator: z.string(),
  reference: z.string(),
  areas: z.array(z.string()),
  since: instantSchema,
});

const standingEventSchema = z.object({
  at: instantSchema,
  type: z
    .string()
    .describe(
      'fast_lane_opened | fast_lane_lost | misuse_warned | misuse_review_opened | notices_suspended | misuse_no_action | trusted_flagger_granted | trusted_flagger_revoked',
    ),
  actor: z.object({
    role: z.string(),
    id: z.string().optional().describe('Reviewers only'),
  }),
  detail: z.record(z.string(), z.unknown()),
});

export const standingSchema = z
  .object({
    accuracy: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe(
        'upheld ÷ (upheld + rejected + restored after a counter-notice + overturned on appeal) over `window`; null when nothing is decided',
      ),
    decided: z.number().int().min(0),
    window: z.string().describe('The rolling window, an ISO 8601 duration (policy: P90D)'),
    minDecided: z.number().int().describe('Decided listings before the accuracy opens the lane'),
    upheld: z.number().int().min(0),
    rejected: z.number().int().min(0),
    restored: z.number().int().min(0),
    overturned: z.number().int().min(0),
    fastLane: z.boolean().describe('Accuracy-based priority; never DSA trusted-flagger status'),
    fastLaneLockedUntil: instantSchema.optional().describe('Shut after falling below the bar'),
    trustedFlagger: trustedFlaggerAwardSchema
      .optional()
      .describe('A Digital Services Coordinator’s award (DSA Art 22)'),
    misuse: z.object({
      unfoundedInWindow: z.number().int(),
      sinceLastStep: z.number().int(),
      warnedAt: instantSchema.optional(),
      reviewOpen: z.boolean(),
      suspendedUntil: instantSchema.optional(),
    }),
    events: z.array(standingEventSchema).describe('The standing timeline, newest first'),
  })
  .meta({ id: 'NotifierStanding', description: 'Notifier standing (DOMAIN.md)' });

export const trustedFlaggerBodySchema = z
  .strictObject({
    status: z.enum(['granted', 'revoked']),
    coordinator: z
      .string()
      .trim()
      .min(2)
      .max(200)
      .describe('The Digital Services Coordinator that awarded (or revoked) the status'),
    reference: z.string().trim().min(1).max(200).describe('The coordinator’s decision reference'),
    areas: z
      .array(z.string().trim().min(1).max(100))
      .max(20)
      .describe('Its designated areas of expertise'),
  })
  .describe('A coordinator’s trusted-flagger award (DSA Art 22), as an admin records it');

export const rightsHolderProfileSchema = z
  .object({
    rightsHolderId: idSchema,
    status: verificationStatusSchema,
    legalName: z.string(),
    type: z.enum(['company', 'individual']),
    country: z.string(),
    address: z.string(),
    email: z.string(),
    phone: z.string(),
    agentFor: z.object({ principal: z.string(), authorizationEvidenceId: idSchema }).optional(),
    locale: localeSchema,
    timeZone: timeZoneSchema,
    createdAt: instantSchema,
    verifiedAt: instantSchema.optional(),
    rejectedAt: instantSchema.optional(),
    verification: verificationRecordSchema.optional(),
  })
  .meta({ id: 'RightsHolder' });

export const myRightsHolderSchema = rightsHolderProfileSchema.extend({ standing: standingSchema });

export const registerIpRightBodySchema = z
  .strictObject({
    kind: ipRightKindSchema,
    title: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('The mark, work, invention or design as commonly named'),
    registrationNumber: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('Required except for copyright'),
    jurisdiction: jurisdictionSchema,
    owner: z.string().trim().min(2).max(200).describe('The registered owner'),
    validUntil: z
      .union([isoDateSchema, instantSchema])
      .optional()
      .describe('Last day in force (date, inclusive) or instant'),
    proofEvidenceIds: z
      .array(idSchema)
      .min(1, 'At least one piece of sealed evidence proves the right')
      .max(20)
      .describe('Sealed evidence of the caller: certificates, registrations'),
  })
  .superRefine((body, ctx) => {
    if (body.kind !== 'copyright' && body.registrationNumber === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['registrationNumber'],
        message: `A ${body.kind} needs its registration number`,
      });
    }
  })
  .describe('Registration of an IP right');

export const ipRightSchema = z
  .object({
    ipRightId: idSchema,
    rightsHolderId: idSchema,
    kind: ipRightKindSchema,
    title: z.string(),
    registrationNumber: z.string().optional(),
    jurisdiction: jurisdictionSchema,
    owner: z.string(),
    validUntil: z.string().optional(),
    proofEvidenceIds: z.array(idSchema),
    status: verificationStatusSchema,
    createdAt: instantSchema,
    verifiedAt: instantSchema.optional(),
    rejectedAt: instantSchema.optional(),
    verification: verificationRecordSchema.optional(),
  })
  .meta({ id: 'IpRight' });

export const registeredIpRightSchema = z.object({
  ipRightId: idSchema,
  status: verificationStatusSchema,
});

export const ipRightsQuerySchema = pageQuery;

/** The API's view of a rights holder's profile. */
/** A verification as the party sees it: the decision and its reason, never the reviewer's id. */
const verificationFor = (
  verification: VerificationDecision,
  forReviewer: boolean,
): Omit<VerificationDecision, 'reviewerId'> & { reviewerId?: string } => {
  if (forReviewer) return verification;
  const { reviewerId: _staff, ...rest } = verification;
  return rest;
};

/** The API's view of a rights holder; only reviewers see who verified it. */
export function rightsHolderView(
  profile: RightsHolderProfile,
  forReviewer = false,
): z.infer<typeof rightsHolderProfileSchema> {
  return {
    rightsHolderId: profile.rightsHolderId,
    status: profile.status,
    legalName: profile.legalName,
    type: profile.entityType,
    country: profile.country,
    address: profile.address,
    email: profile.email,
    phone: profile.phone,
    ...(profile.agentFor ? { agentFor: profile.agentFor } : {}),
    ...resolveAudience(profile, audienceForCountry(profile.country)),
    createdAt: profile.createdAt,
    ...(profile.verifiedAt ? { verifiedAt: profile.verifiedAt } : {}),
    ...(profile.rejectedAt ? { rejectedAt: profile.rejectedAt } : {}),
    ...(profile.verification
      ? { verification: verificationFor(profile.verification, forReviewer) }
      : {}),
  };
}

/** The API's view of an IP right; only reviewers see who verified it. */
export function ipRightView(
  ipRight: IpRightProfile,
  forReviewer = false,
): z.infer<typeof ipRightSchema> {
  return {
    ipRightId: ipRight.ipRightId,
    rightsHolderId: ipRight.rightsHolderId,
    kind: ipRight.kind,
    title: ipRight.title,
    ...(ipRight.registrationNumber ? { registrationNumber: ipRight.registrationNumber } : {}),
    jurisdiction: ipRight.jurisdiction,
    owner: ipRight.owner,
    ...(ipRight.validUntil ? { validUntil: ipRight.validUntil } : {}),
    proofEvidenceIds: ipRight.proofEvidenceIds ?? [],
    status: ipRight.status,
    createdAt: ipRight.createdAt,
    ...(ipRight.verifiedAt ? { verifiedAt: ipRight.verifiedAt } : {}),
    ...(ipRight.rejectedAt ? { rejectedAt: ipRight.rejectedAt } : {}),
    ...(ipRight.verification
      ? { verification: verificationFor(ipRight.verification, forReviewer) }
      : {}),
  };
}

const proofItemSchema = evidenceSummarySchema;

/** GET /v1/rights-holders/{rightsHolderId}: what a reviewer verifies or weighs. */
export const reviewerRightsHolderSchema = rightsHolderProfileSchema.extend({
  authorization: proofItemSchema.optional().describe('The agent’s letter of authorisation'),
  standing: standingSchema,
  ipRights: z.array(ipRightSchema),
  recentNotices: z.array(
    z.object({
      noticeId: idSchema,
      infringementType: z.string(),
      jurisdiction: z.string(),
      cases: z.number().int(),
      createdAt: instantSchema,
    }),
  ),
});

/** GET /v1/ip-rights/{ipRightId}: the right, its holder's name and its proof. */
export const ipRightDetailSchema = ipRightSchema.extend({
  rightsHolderName: z.string().nullable(),
  proof: z.array(proofItemSchema),
});

/** OpenAPI descriptions of the rights-holder and IP-right routes. */
export const openapi = {
  'POST /v1/rights-holders': {
    summary: 'Register the rights holder the caller acts for (one per user)',
    request: { body: registerRightsHolderBodySchema },
    responses: { 201: registeredRightsHolderSchema },
    errors: [409, 422],
  },
  'GET /v1/rights-holders/me': {
    summary: "The caller's rights holder, with its standing",
    responses: { 200: myRightsHolderSchema },
    errors: [404],
  },
  'POST /v1/rights-holders/{rightsHolderId}/verification': {
    summary: 'Verify or reject a pending rights holder',
    request: { body: verificationBodySchema },
    responses: { 200: rightsHolderProfileSchema },
    errors: [409],
  },
  'POST /v1/ip-rights': {
    summary: 'Register an IP right, with sealed proof',
    request: { body: registerIpRightBodySchema },
    responses: { 201: registeredIpRightSchema },
    errors: [422],
  },
  'GET /v1/rights-holders/{rightsHolderId}': {
    summary:
      'A rights holder as reviewers see it: profile, letter of authorisation, standing, IP rights, latest notices',
    responses: { 200: reviewerRightsHolderSchema },
  },
  'POST /v1/rights-holders/{rightsHolderId}/misuse-decision': {
    summary:
      'Decide a notifier’s open misuse review (DSA Art 23(2)): suspend its notices for the policy period, or take no action',
    request: { body: misuseDecisionBodySchema },
    responses: {
      200: z.object({
        rightsHolderId: idSchema,
        decision: z.enum(['suspend', 'no_action']),
        suspendedUntil: instantSchema.optional(),
      }),
    },
    errors: [409, 422],
  },
  'POST /v1/rights-holders/{rightsHolderId}/trusted-flagger': {
    summary:
      'Record a Digital Services Coordinator’s trusted-flagger award or revocation (DSA Art 22)',
    request: { body: trustedFlaggerBodySchema },
    responses: {
      200: z.object({
        rightsHolderId: idSchema,
        trustedFlagger: trustedFlaggerAwardSchema.nullable(),
      }),
    },
    errors: [409],
  },
  'GET /v1/ip-rights/{ipRightId}': {
    summary: 'An IP right with its proof documents (reviewers; the owner)',
    responses: { 200: ipRightDetailSchema },
  },
  'GET /v1/ip-rights': {
    summary: 'Own IP rights, newest first',
    request: { query: ipRightsQuerySchema },
    responses: { 200: page(ipRightSchema) },
  },
  'POST /v1/ip-rights/{ipRightId}/verification': {
    summary: 'Verify or reject a pending IP right',
    request: { body: verificationBodySchema },
    responses: { 200: ipRightSchema },
    errors: [409],
  },
} satisfies RouteDocs;
