import * as z from 'zod';
import { DomainValidationError, issuesFromZod, type ValidationIssue } from './errors.ts';
import {
  type InfringementType,
  idSchema,
  type Jurisdiction,
  SIGNATURE_CLOCK_SKEW_MS,
  signatureSchema,
} from './vocabulary.ts';

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/**
 * Body of `POST /v1/cases/{caseId}/counter-notice` (API.md). One shape for every jurisdiction:
 * which elements are required depends on the case's jurisdiction and is checked by
 * {@link validateCounterNoticeElements}. A statement may be left out but never sent as false.
 */
export const counterNoticeBodySchema = z
  .strictObject({
    statement: z
      .string()
      .trim()
      .min(1, 'State why the listing was removed by mistake or misidentification')
      .max(5000)
      .describe('Good-faith belief that the removal was a mistake or misidentification'),
    underPenaltyOfPerjury: z
      .literal(true, { error: 'Must be true when given' })
      .optional()
      .describe('The statement is made under penalty of perjury (17 U.S.C. §512(g)(3)(C))'),
    consentToJurisdiction: z
      .literal(true, { error: 'Must be true when given' })
      .optional()
      .describe(
        'Consent to the jurisdiction of the Federal District Court for the judicial district of your address, or, for an address outside the US, of any judicial district in which the service provider may be found (§512(g)(3)(D))',
      ),
    district: optionalText(200).describe(
      'US: the federal judicial district of your address (e.g. "Northern District of California")',
    ),
    serviceProviderDistrict: z
      .literal(true, { error: 'Must be true when given' })
      .optional()
      .describe(
        'US, for an address outside the US: consent to any judicial district in which the service provider may be found',
      ),
    acceptServiceOfProcess: z
      .literal(true, { error: 'Must be true when given' })
      .optional()
      .describe(
        'You will accept service of process from the complainant or its agent (§512(g)(3)(D))',
      ),
    material: z
      .strictObject({
        description: z.string().trim().min(1).max(2000).describe('What was removed'),
        location: z
          .string()
          .trim()
          .min(1)
          .max(2000)
          .describe('Where it appeared before removal (the listing URL)'),
      })
      .optional()
      .describe(
        'Identification of the removed material and its location before removal (§512(g)(3)(B))',
      ),
    contact: z
      .strictObject({
        name: optionalText(200),
        address: optionalText(500),
        phone: optionalText(40),
        email: z.email().max(254).optional(),
      })
      .default({})
      .describe('The seller’s identity and contact, forwarded to the rights holder'),
    signature: signatureSchema.optional(),
    evidenceIds: z
      .array(idSchema)
      .max(50)
      .default([])
      .describe('Sealed evidence of non-infringement (e.g. a licence or invoice)'),
  })
  .describe('A counter-notice (declaration of non-infringement)');

/** A validated counter-notice body. */
export type CounterNotice = z.infer<typeof counterNoticeBodySchema>;

/**
 * Parses a counter-notice body.
 *
 * @throws DomainValidationError with field-level issues when the body is malformed.
 */
export function parseCounterNotice(input: unknown): CounterNotice {
  const result = counterNoticeBodySchema.safeParse(input);
  if (!result.success) {
    throw new DomainValidationError('Invalid counter-notice', issuesFromZod(result.error));
  }
  return { ...result.data, evidenceIds: [...new Set(result.data.evidenceIds)] };
}

/** The case a counter-notice answers. */
export interface CounterNoticeContext {
  jurisdiction: Jurisdiction;
  infringementType: InfringementType;
  now: Date;
}

const isBlank = (value: string | undefined): boolean => !value || value.trim() === '';

/**
 * The elements a parsed counter-notice still lacks for its case (an empty list means
 * complete).
 * - US copyright: 17 U.S.C. §512(g)(3)(A)-(D): signature; the removed material and where it
 *   appeared; the statement under penalty of perjury; name, address and telephone number;
 *   consent to the jurisdiction of the district of the seller's address (or, outside the US, of
 *   any district where the service provider may be found); acceptance of service of process.
 * - US other types (re-review by platform policy): signature and name.
 * - CN: E-Commerce Law Art 43 and Civil Code Art 1196: preliminary evidence of
 *   non-infringement and the seller's real identity (name and address).
 * - EU: a statement; everything else is optional (the case is re-reviewed, DSA Art 20).
 */
export function validateCounterNoticeElements(
  counterNotice: CounterNotice,
  context: CounterNoticeContext,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const { contact, signature } = counterNotice;

  if (
    signature &&
    new Date(signature.signedAt).getTime() > context.now.getTime() + SIGNATURE_CLOCK_SKEW_MS
  ) {
    add('signature.signedAt', 'A signature cannot be dated in the future');
  }

  if (context.jurisdiction === 'US' && context.infringementType === 'copyright') {
    if (!signature) add('signature', '17 U.S.C. §512(g)(3)(A) requires your signature');
    if (counterNotice.underPenaltyOfPerjury !== true) {
      add(
        'underPenaltyOfPerjury',
        '17 U.S.C. §512(g)(3)(C) requires the statement to be made under penalty of perjury',
      );
    }
    for (const [field, label] of [
      ['name', 'name'],
      ['address', 'address'],
      ['phone', 'telephone number'],
    ] as const) {
      if (isBlank(contact[field]))
        add(`contact.${field}`, `17 U.S.C. §512(g)(3)(D) requires your ${label}`);
    }
    if (counterNotice.consentToJurisdiction !== true) {
      add(
        'consentToJurisdiction',
        '17 U.S.C. §512(g)(3)(D) requires consent to the jurisdiction of the Federal District Court',
      );
    }
    const inUs = !isBlank(counterNotice.district);
    if (inUs === (counterNotice.serviceProviderDistrict === true)) {
      add(
        'district',
        '17 U.S.C. §512(g)(3)(D): name the judicial district of your address, or, if your address is outside the United States, set serviceProviderDistrict (any judicial district in which the service provider may be found), not both',
      );
    }
    if (counterNotice.acceptServiceOfProcess !== true) {
      add(
        'acceptServiceOfProcess',
        '17 U.S.C. §512(g)(3)(D) requires that you will accept service of process from the complainant or its agent',
      );
    }
    if (!counterNotice.material) {
      add(
        'material',
        '17 U.S.C. §512(g)(3)(B) requires the identification of the removed material and the location where it appeared before removal',
      );
    }
  } else if (context.jurisdiction === 'US') {
    if (!signature) add('signature', 'Platform policy requires your signature');
    if (isBlank(contact.name)) add('contact.name', 'Platform policy requires your name');
  }

  if (context.jurisdiction === 'CN') {
    if (counterNotice.evidenceIds.length === 0) {
      add(
        'evidenceIds',
        'E-Commerce Law Art 43 and Civil Code Art 1196 require preliminary evidence of non-infringement: cite at least one evidence file',
      );
    }
    if (isBlank(contact.name)) {
      add('contact.name', 'Civil Code Art 1196 requires your real identity: your name');
    }
    if (isBlank(contact.address)) {
      add('contact.address', 'Civil Code Art 1196 requires your real identity: your address');
    }
  }
  return issues;
}

/**
 * Throws when the counter-notice lacks an element its case requires.
 *
 * @throws DomainValidationError with one issue per missing element (→ 400).
 */
export function assertCounterNoticeElements(
  counterNotice: CounterNotice,
  context: CounterNoticeContext,
): void {
  const issues = validateCounterNoticeElements(counterNotice, context);
  if (issues.length > 0) {
    throw new DomainValidationError('The counter-notice lacks elements the law requires', issues);
  }
}
