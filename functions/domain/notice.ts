import * as z from 'zod';
import { DomainValidationError, issuesFromZod, type ValidationIssue } from './errors.ts';
import type { Policy } from './policy.ts';
import {
  type IpRightKind,
  idSchema,
  infringementTypeSchema,
  jurisdictionSchema,
  listingUrlSchema,
  SIGNATURE_CLOCK_SKEW_MS,
  signatureSchema,
} from './vocabulary.ts';

/** The most listings one notice may name (API.md). */
export const MAX_LISTINGS_PER_NOTICE = 100;
/** The most evidence files one notice may cite. */
export const MAX_EVIDENCE_PER_NOTICE = 50;

const mustState = (what: string) =>
  z.literal(true, { error: `Must be true: the notifier must state ${what}` });

/** Body of `POST /v1/notices` (API.md). Unknown fields are refused. */
export const noticeBodySchema = z
  .strictObject({
    ipRightId: idSchema.describe('A verified IP right of the caller: the work or mark infringed'),
    infringementType: infringementTypeSchema,
    jurisdiction: jurisdictionSchema,
    listings: z
      .array(
        z.union([
          z.strictObject({ listingId: idSchema.describe('Marketplace listing id') }),
          z.strictObject({
            url: listingUrlSchema.describe(
              'The listing’s page on the marketplace; the marketplace resolves it to its id',
            ),
          }),
        ]),
      )
      .min(1, 'Name at least one listing')
      .max(MAX_LISTINGS_PER_NOTICE, `Name at most ${MAX_LISTINGS_PER_NOTICE} listings`)
      .optional()
      .describe(
        'The listings complained of, by id or URL; each becomes its own case. Duplicates are merged. Give this or listingsManifestEvidenceId',
      ),
    listingsManifestEvidenceId: idSchema
      .optional()
      .describe(
        'A bulk notice: the caller’s own sealed manifest (evidence uploaded with purpose "manifest"), a CSV or JSON Lines file of up to 10,000 listings by id or URL. Give this or listings',
      ),
    explanation: z
      .string()
      .trim()
      .min(1, 'Explain why the listings infringe the IP right')
      .max(5000)
      .describe('Why the listings infringe (DSA Art 16(2)(a): a substantiated explanation)'),
    evidenceIds: z
      .array(idSchema)
      .max(MAX_EVIDENCE_PER_NOTICE)
      .default([])
      .describe('Sealed evidence files supporting the notice'),
    testBuy: z
      .strictObject({
        orderId: z.string().trim().min(1).max(128).describe('Order number of the test buy'),
        reportEvidenceId: idSchema.describe('Sealed evidence: the signed test-buy report'),
      })
      .optional()
      .describe('A mystery test buy that confirms the infringement'),
    statements: z
      .strictObject({
        goodFaith: mustState(
          'a good-faith belief that the use is not authorised (17 U.S.C. §512(c)(3)(A)(v))',
        ),
        accurate: mustState(
          'that the notice is accurate and complete (17 U.S.C. §512(c)(3)(A)(vi); DSA Art 16(2)(d))',
        ),
        authorizedUnderPenaltyOfPerjury: mustState(
          'under penalty of perjury that the signer is authorised to act for the owner (17 U.S.C. §512(c)(3)(A)(vi))',
        ),
      })
      .describe('Statements the notifier makes'),
    signature: signatureSchema.describe(
      'Signature of a person authorised to act for the owner (17 U.S.C. §512(c)(3)(A)(i))',
    ),
  })
  .superRefine((body, ctx) => {
    const given =
      Number(body.listings !== undefined) + Number(body.listingsManifestEvidenceId !== undefined);
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: body.listings === undefined ? ['listings'] : ['listingsManifestEvidenceId'],
        message:
          given === 0
            ? 'Name the listings: give listings (up to 100) or listingsManifestEvidenceId (a manifest)'
            : 'Give listings or listingsManifestEvidenceId, not both',
      });
    }
  })
  .describe('A notice of infringement against one or more listings');

/** A listing as a notice names it: by its marketplace id, or by its page's URL. */
export type NoticeListing = { listingId: string } | { url: string };

/**
 * A validated notice, with listings and evidence de-duplicated. A bulk notice names its listings
 * through `listingsManifestEvidenceId`, and its `listings` is empty.
 */
export type Notice = Omit<z.infer<typeof noticeBodySchema>, 'listings'> & {
  listings: NoticeListing[];
};

/** The key two mentions of one listing share (the same id, or the same URL). */
export const listingKey = (listing: NoticeListing): string =>
  'listingId' in listing ? `id:${listing.listingId}` : `url:${listing.url}`;

/** Keeps the first occurrence of each listing (by id, or by URL), in order. */
export function dedupeListings<T extends NoticeListing>(listings: readonly T[]): T[] {
  const seen = new Set<string>();
  return listings.filter((listing) => {
    const key = listingKey(listing);
    return !seen.has(key) && seen.add(key);
  });
}

/** Whether the notice names its listings through a manifest (a bulk notice). */
export const isBulkNotice = (notice: Notice): boolean =>
  notice.listingsManifestEvidenceId !== undefined;

/**
 * Parses a notice body and merges duplicate listings (the same listing named twice is one
 * case) and duplicate evidence ids.
 *
 * @throws DomainValidationError with field-level issues when the body is malformed.
 */
export function parseNotice(input: unknown): Notice {
  const result = noticeBodySchema.safeParse(input);
  if (!result.success) {
    throw new DomainValidationError('Invalid notice', issuesFromZod(result.error));
  }
  return {
    ...result.data,
    listings: dedupeListings(result.data.listings ?? []),
    evidenceIds: [...new Set(result.data.evidenceIds)],
  };
}

/**
 * What the statutory elements need from outside the body. The law asks for the complainant's
 * identity and contact details, which live on the verified rights-holder profile (so they are
 * proven once and can be erased under a retention policy), and for the work or mark, which is
 * the verified IP right the notice names.
 */
export interface NoticeElementContext {
  rightsHolder: { legalName: string; address?: string; phone?: string; email?: string };
  ipRight: { title: string; kind: IpRightKind };
  now: Date;
  policy: Policy;
}

const isBlank = (value: string | undefined): boolean => !value || value.trim() === '';

/**
 * The statutory elements a parsed notice still lacks, per jurisdiction and infringement type
 * (an empty list means complete). The schema already enforces what the body must carry for
 * every jurisdiction (signature, statements, at least one listing, an explanation).
 * - US: 17 U.S.C. §512(c)(3)(A) for copyright; the same elements as platform policy for
 *   other types (§512 covers copyright only).
 * - EU: DSA Art 16(2)(a)-(d).
 * - CN: E-Commerce Law Art 42 and Civil Code Art 1195.
 */
export function validateNoticeElements(
  notice: Notice,
  context: NoticeElementContext,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const { rightsHolder, ipRight } = context;

  if (
    new Date(notice.signature.signedAt).getTime() >
    context.now.getTime() + SIGNATURE_CLOCK_SKEW_MS
  ) {
    add('signature.signedAt', 'A signature cannot be dated in the future');
  }
  const minExplanation = context.policy.profiles[notice.jurisdiction].minExplanationLength;
  if (notice.explanation.trim().length < minExplanation) {
    const source = notice.jurisdiction === 'EU' ? 'DSA Art 16(2)(a)' : 'Platform policy';
    add(
      'explanation',
      `${source} requires a substantiated explanation of why the listings are illegal: at least ${minExplanation} characters`,
    );
  }

  if (notice.jurisdiction === 'US') {
    // §512 covers copyright only; other US notices follow the same elements by policy.
    const cite = (element: string) =>
      notice.infringementType === 'copyright'
        ? `17 U.S.C. §512(c)(3)(A)(${element})`
        : `Platform policy (after 17 U.S.C. §512(c)(3)(A)(${element}))`;
    if (isBlank(ipRight.title)) {
      add(
        'ipRightId',
        `${cite('ii')} requires identification of the work: the IP right has no title`,
      );
    }
    for (const [field, label] of [
      ['address', 'address'],
      ['phone', 'telephone number'],
      ['email', 'email address'],
    ] as const) {
      if (isBlank(rightsHolder[field])) {
        add(
          `rightsHolder.${field}`,
          `${cite('iv')} requires the complainant’s ${label}: add it to the rights-holder profile`,
        );
      }
    }
  }

  if (notice.jurisdiction === 'EU') {
    if (isBlank(rightsHolder.legalName)) {
      add('rightsHolder.legalName', 'DSA Art 16(2)(c) requires the notifier’s name');
    }
    if (isBlank(rightsHolder.email)) {
      add('rightsHolder.email', 'DSA Art 16(2)(c) requires the notifier’s email address');
    }
  }

  if (notice.jurisdiction === 'CN') {
    if (notice.evidenceIds.length === 0 && !notice.testBuy) {
      add(
        'evidenceIds',
        'E-Commerce Law Art 42 and Civil Code Art 1195 require preliminary evidence of infringement: cite at least one evidence file or a test buy',
      );
    }
    if (isBlank(rightsHolder.legalName)) {
      add(
        'rightsHolder.legalName',
        'Civil Code Art 1195 requires the rights holder’s real identity: its legal name',
      );
    }
    if (isBlank(rightsHolder.address)) {
      add(
        'rightsHolder.address',
        'Civil Code Art 1195 requires the rights holder’s real identity: its address',
      );
    }
  }
  return issues;
}

/**
 * Throws when the notice lacks a statutory element.
 *
 * @throws DomainValidationError with one issue per missing element (→ 400, nothing written).
 */
export function assertNoticeElements(notice: Notice, context: NoticeElementContext): void {
  const issues = validateNoticeElements(notice, context);
  if (issues.length > 0) {
    throw new DomainValidationError('The notice lacks elements the law requires', issues);
  }
}
