import * as z from 'zod';
import { EEA_COUNTRIES } from './transparency-database.ts';

/**
 * The DSA Transparency Database's documented rules for a statement of reasons (API documentation,
 * "Statement Attributes", and "Additional Explanation For Statement Attributes", of
 * github.com/digital-services-act/transparency-database): required fields, enums, lengths, dates.
 * Every statement is validated with it before it is sent, and the local stand-in of the database
 * (local/transparency-database) validates what it receives with the same rules.
 *
 * The keyword list holds the intellectual-property keywords (the only ones this service sends)
 * and KEYWORD_OTHER; a statement with any other keyword is refused here rather than sent.
 */

/** EU member states and the EEA's (Iceland, Liechtenstein, Norway): `territorial_scope`. */
export const EEA_COUNTRY_CODES = EEA_COUNTRIES;

export const STATEMENT_CATEGORIES = [
  'STATEMENT_CATEGORY_ANIMAL_WELFARE',
  'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
  'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
  'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  'STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR',
  'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT',
  'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
  'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
  'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'STATEMENT_CATEGORY_SELF_HARM',
  'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS',
  'STATEMENT_CATEGORY_VIOLENCE',
] as const;

export const IP_KEYWORDS = [
  'KEYWORD_COPYRIGHT_INFRINGEMENT',
  'KEYWORD_DESIGN_INFRINGEMENT',
  'KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT',
  'KEYWORD_PATENT_INFRINGEMENT',
  'KEYWORD_TRADE_SECRET_INFRINGEMENT',
  'KEYWORD_TRADEMARK_INFRINGEMENT',
  'KEYWORD_OTHER',
] as const;

const DECISION_VISIBILITIES = [
  'DECISION_VISIBILITY_CONTENT_REMOVED',
  'DECISION_VISIBILITY_CONTENT_DISABLED',
  'DECISION_VISIBILITY_CONTENT_DEMOTED',
  'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_LABELLED',
  'DECISION_VISIBILITY_OTHER',
] as const;
const DECISION_MONETARIES = [
  'DECISION_MONETARY_SUSPENSION',
  'DECISION_MONETARY_TERMINATION',
  'DECISION_MONETARY_OTHER',
] as const;
const DECISION_PROVISIONS = [
  'DECISION_PROVISION_PARTIAL_SUSPENSION',
  'DECISION_PROVISION_TOTAL_SUSPENSION',
  'DECISION_PROVISION_PARTIAL_TERMINATION',
  'DECISION_PROVISION_TOTAL_TERMINATION',
] as const;
const DECISION_ACCOUNTS = ['DECISION_ACCOUNT_SUSPENDED', 'DECISION_ACCOUNT_TERMINATED'] as const;
const CONTENT_TYPES = [
  'CONTENT_TYPE_APP',
  'CONTENT_TYPE_AUDIO',
  'CONTENT_TYPE_IMAGE',
  'CONTENT_TYPE_PRODUCT',
  'CONTENT_TYPE_SYNTHETIC_MEDIA',
  'CONTENT_TYPE_TEXT',
  'CONTENT_TYPE_VIDEO',
  'CONTENT_TYPE_OTHER',
] as const;

/** `YYYY-MM-DD` with leading zeroes, a real calendar day, on or after `min`. */
const dateOnOrAfter = (min: string) =>
  z.iso.date().refine((day) => day >= min, `The date must be after or equal to ${min}.`);

const text = (max: number) => z.string().trim().min(1).max(max);
const yesNo = z.enum(['Yes', 'No']);

/** One statement of reasons, as the database's API accepts it. */
export const statementRulesSchema = z
  .strictObject({
    decision_visibility: z.array(z.enum(DECISION_VISIBILITIES)).min(1).optional(),
    decision_visibility_other: text(500).optional(),
    decision_monetary: z.enum(DECISION_MONETARIES).optional(),
    decision_monetary_other: text(500).optional(),
    end_date_monetary_restriction: z.iso.date().optional(),
    decision_provision: z.enum(DECISION_PROVISIONS).optional(),
    end_date_service_restriction: z.iso.date().optional(),
    decision_account: z.enum(DECISION_ACCOUNTS).optional(),
    end_date_account_restriction: z.iso.date().optional(),
    end_date_visibility_restriction: z.iso.date().optional(),
    account_type: z.enum(['ACCOUNT_TYPE_BUSINESS', 'ACCOUNT_TYPE_PRIVATE']).optional(),
    decision_facts: text(5000),
    decision_ground: z.enum([
      'DECISION_GROUND_ILLEGAL_CONTENT',
      'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    ]),
    decision_ground_reference_url: z.url().optional(),
    illegal_content_legal_ground: text(500).optional(),
    illegal_content_explanation: text(2000).optional(),
    incompatible_content_ground: text(500).optional(),
    incompatible_content_explanation: text(2000).optional(),
    incompatible_content_illegal: yesNo.optional(),
    content_type: z.array(z.enum(CONTENT_TYPES)).min(1),
    content_type_other: text(500).optional(),
    category: z.enum(STATEMENT_CATEGORIES),
    category_addition: z.array(z.enum(STATEMENT_CATEGORIES)).min(1).optional(),
    category_specification: z.array(z.enum(IP_KEYWORDS)).min(1).optional(),
    category_specification_other: text(500).optional(),
    territorial_scope: z.array(z.enum(EEA_COUNTRY_CODES)).min(1),
    content_language: z
      .string()
      .regex(/^[A-Z]{2}$/, 'An uppercase ISO 639-1 code')
      .optional(),
    content_date: dateOnOrAfter('2000-01-01'),
    application_date: dateOnOrAfter('2020-01-01'),
    source_type: z.enum(['SOURCE_ARTICLE_16', 'SOURCE_TRUSTED_FLAGGER', 'SOURCE_VOLUNTARY']),
    source_identity: text(500).optional(),
    automated_detection: yesNo,
    automated_decision: z.enum([
      'AUTOMATED_DECISION_FULLY',
      'AUTOMATED_DECISION_PARTIALLY',
      'AUTOMATED_DECISION_NOT_AUTOMATED',
    ]),
    puid: z
      .string()
      .max(500)
      .regex(/^[a-zA-Z0-9_-]+$/, 'Only a-z, A-Z, 0-9, hyphens and underscores'),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (
      !s.decision_visibility &&
      !s.decision_monetary &&
      !s.decision_provision &&
      !s.decision_account
    )
      issue(
        'decision_visibility',
        'The decision visibility field is required when none of decision monetary / decision provision / decision account are present.',
      );
    if (
      s.decision_visibility?.includes('DECISION_VISIBILITY_OTHER') &&
      !s.decision_visibility_other
    )
      issue('decision_visibility_other', 'Required when DECISION_VISIBILITY_OTHER is chosen.');
    if (s.decision_monetary === 'DECISION_MONETARY_OTHER' && !s.decision_monetary_other)
      issue('decision_monetary_other', 'Required when DECISION_MONETARY_OTHER is chosen.');
    if (s.content_type.includes('CONTENT_TYPE_OTHER') && !s.content_type_other)
      issue('content_type_other', 'Required when CONTENT_TYPE_OTHER is chosen.');
    if (s.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
      if (!s.illegal_content_legal_ground)
        issue('illegal_content_legal_ground', 'Required for DECISION_GROUND_ILLEGAL_CONTENT.');
      if (!s.illegal_content_explanation)
        issue('illegal_content_explanation', 'Required for DECISION_GROUND_ILLEGAL_CONTENT.');
    } else {
      if (!s.incompatible_content_ground)
        issue('incompatible_content_ground', 'Required for DECISION_GROUND_INCOMPATIBLE_CONTENT.');
      if (!s.incompatible_content_explanation)
        issue(
          'incompatible_content_explanation',
          'Required for DECISION_GROUND_INCOMPATIBLE_CONTENT.',
        );
    }
    for (const end of [
      'end_date_monetary_restriction',
      'end_date_service_restriction',
      'end_date_account_restriction',
      'end_date_visibility_restriction',
    ] as const) {
      const value = s[end];
      if (value && value < s.application_date)
        issue(end, 'The date must be after or equal to the application date.');
    }
    for (const list of ['decision_visibility', 'content_type', 'territorial_scope'] as const) {
      const values = s[list] ?? [];
      if (new Set(values).size !== values.length) issue(list, 'Values must not repeat.');
    }
  });

export type DatabaseStatement = z.infer<typeof statementRulesSchema>;

/** The batch endpoint's body: up to 100 statements, no `puid` twice. */
export const MAX_BATCH = 100;
export const statementBatchSchema = z
  .strictObject({ statements: z.array(z.unknown()).min(1).max(MAX_BATCH) })
  .describe('POST /api/v1/statements');

/**
 * Validates a batch as the database does: errors keyed `statement_<index>` by field; a `puid` seen
 * twice in the batch is an error of the later statement. Empty when every statement is valid.
 */
export function batchErrors(
  statements: readonly unknown[],
): Record<string, Record<string, string[]>> {
  const errors: Record<string, Record<string, string[]>> = {};
  const seen = new Set<string>();
  statements.forEach((statement, index) => {
    const fields: Record<string, string[]> = {};
    const add = (field: string, message: string) => {
      fields[field] = [...(fields[field] ?? []), message];
    };
    const result = statementRulesSchema.safeParse(statement);
    if (!result.success) {
      for (const issue of result.error.issues) {
        add(String(issue.path[0] ?? '_'), issue.message);
      }
    }
    const puid = (statement as { puid?: unknown })?.puid;
    if (typeof puid === 'string') {
      if (seen.has(puid)) add('puid', 'The identifier given is not unique within this call.');
      seen.add(puid);
    }
    if (Object.keys(fields).length > 0) errors[`statement_${index}`] = fields;
  });
  return errors;
}
