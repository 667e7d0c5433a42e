import * as z from 'zod';

/** The jurisdiction profiles the service knows. */
export const jurisdictionSchema = z
  .enum(['US', 'CN', 'EU'])
  .describe('Jurisdiction profile whose law and clocks govern the case');
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;
export const JURISDICTIONS = jurisdictionSchema.options;

/** What a notice alleges. `counterfeit` is trademark counterfeiting (15 U.S.C. §1116(d)). */
export const infringementTypeSchema = z
  .enum(['counterfeit', 'trademark', 'copyright', 'patent', 'design'])
  .describe('Kind of infringement alleged');
export type InfringementType = z.infer<typeof infringementTypeSchema>;
export const INFRINGEMENT_TYPES = infringementTypeSchema.options;

/** The kind of a registered (or, for copyright, claimed) IP right. */
export const ipRightKindSchema = z
  .enum(['trademark', 'copyright', 'patent', 'design'])
  .describe('Kind of IP right');
export type IpRightKind = z.infer<typeof ipRightKindSchema>;

/**
 * An opaque identifier issued by the service (notice, IP right, listing, evidence...).
 * Printable ASCII without spaces keeps ids safe in keys, logs and URLs.
 */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'Must be an identifier (letters, digits, _ . : -)');

/** The web address of a listing's page: http(s), at most 2,048 characters (a manifest's `url`). */
export const listingUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine(isWebUrl, 'Must be an http(s) URL');

/** Whether a text is an absolute http(s) URL. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An ISO 8601 instant with an explicit offset (`Z` or `+hh:mm`). */
export const instantSchema = z.iso.datetime({ offset: true });

/** A civil date `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();

/** A typed name as an electronic signature, with the instant it was made. */
export const signatureSchema = z
  .strictObject({
    fullName: z
      .string()
      .trim()
      .min(2, 'The signer’s full name is required')
      .max(200)
      .describe('Full name typed as an electronic signature'),
    signedAt: instantSchema.describe('When the document was signed (ISO 8601 instant)'),
  })
  .describe('Electronic signature');
export type Signature = z.infer<typeof signatureSchema>;

/** Allowed clock skew for a signature dated slightly in the future. */
export const SIGNATURE_CLOCK_SKEW_MS = 5 * 60_000;

/** IP right kinds that can support a notice of the given infringement type. */
export const RIGHT_KINDS_FOR_TYPE: Readonly<Record<InfringementType, readonly IpRightKind[]>> = {
  counterfeit: ['trademark'],
  trademark: ['trademark'],
  copyright: ['copyright'],
  patent: ['patent'],
  // A US design is protected by a design patent (35 U.S.C. §171), so a right registered as
  // `patent` may support a design notice.
  design: ['design', 'patent'],
};
