import type { StatementOfReasons, TerritorialScope } from './statement-of-reasons.ts';
import type { InfringementType } from './vocabulary.ts';

/** Member States of the EEA, the default territorial scope of an EU decision. */
export const EEA_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IS',
  'IT',
  'LI',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'NO',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

/** Field limits of the Commission's Transparency Database API. */
export const TDB_LIMITS = {
  illegal_content_legal_ground: 500,
  illegal_content_explanation: 2000,
  decision_facts: 5000,
  puid: 500,
} as const;

const KEYWORDS: Record<InfringementType, string> = {
  counterfeit: 'KEYWORD_TRADEMARK_INFRINGEMENT',
  trademark: 'KEYWORD_TRADEMARK_INFRINGEMENT',
  copyright: 'KEYWORD_COPYRIGHT_INFRINGEMENT',
  patent: 'KEYWORD_PATENT_INFRINGEMENT',
  design: 'KEYWORD_DESIGN_INFRINGEMENT',
};

/** A statement of reasons as the Transparency Database takes it (DSA Art 24(5)). */
export interface TransparencyDatabaseRecord {
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'];
  decision_account?: 'DECISION_ACCOUNT_SUSPENDED';
  decision_provision?: 'DECISION_PROVISION_PARTIAL_SUSPENSION';
  decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT';
  illegal_content_legal_ground: string;
  illegal_content_explanation: string;
  content_type: ['CONTENT_TYPE_PRODUCT'];
  category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS';
  category_specification: string[];
  territorial_scope: string[];
  decision_facts: string;
  source_type: 'SOURCE_ARTICLE_16' | 'SOURCE_TRUSTED_FLAGGER' | 'SOURCE_VOLUNTARY';
  automated_detection: 'Yes' | 'No';
  automated_decision:
    | 'AUTOMATED_DECISION_FULLY'
    | 'AUTOMATED_DECISION_PARTIALLY'
    | 'AUTOMATED_DECISION_NOT_AUTOMATED';
  account_type: 'ACCOUNT_TYPE_BUSINESS';
  /** `YYYY-MM-DD`. */
  application_date: string;
  /** `YYYY-MM-DD`: when the listing was posted (the marketplace's `createdAt`), required. */
  content_date: string;
  puid: string;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Maps a statement of reasons to the Transparency Database record (DSA Art 24(5)). It holds
 * **no personal data**: only the template texts of the legal ground are used, never the
 * listing title or URL, the notifier, or the reviewer's free text; `source_identity` is left
 * out. Submit it for decisions that concern recipients in the EU.
 *
 * @param options.puid platform-unique id of this statement; never reuse one (e.g. derive it
 *   from the case id and the decision's sequence number).
 * @throws RangeError when the puid is empty or too long.
 */
export function transparencyDatabaseRecord(
  statement: StatementOfReasons,
  options: {
    puid: string;
    infringementType: InfringementType;
    trustedFlagger?: boolean;
    /** When the listing was posted (ISO instant or date), from the marketplace port. */
    contentDate: string;
  },
): TransparencyDatabaseRecord {
  if (options.puid.length === 0 || options.puid.length > TDB_LIMITS.puid) {
    throw new RangeError(`A puid must have 1..${TDB_LIMITS.puid} characters`);
  }
  const account = statement.measure.account.measure;
  const sourceType =
    statement.facts.source === 'own_initiative'
      ? 'SOURCE_VOLUNTARY'
      : options.trustedFlagger
        ? 'SOURCE_TRUSTED_FLAGGER'
        : 'SOURCE_ARTICLE_16';
  const origin = {
    SOURCE_VOLUNTARY: 'The platform detected the listing on its own initiative.',
    SOURCE_TRUSTED_FLAGGER: 'A trusted flagger notified the listing.',
    SOURCE_ARTICLE_16: 'A rights holder notified the listing under Article 16 DSA.',
  }[sourceType];
  const facts = [
    origin,
    statement.facts.publicSummary,
    'Access to the listing was disabled.',
    account === 'suspended'
      ? 'The seller account was suspended after a prior warning, under the repeat-infringer policy.'
      : account === 'restricted'
        ? 'The seller account was restricted under the repeat-infringer policy.'
        : '',
  ].filter((line) => line !== '');
  return {
    decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
    ...(account === 'suspended' ? { decision_account: 'DECISION_ACCOUNT_SUSPENDED' as const } : {}),
    ...(account === 'restricted'
      ? { decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' as const }
      : {}),
    decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
    illegal_content_legal_ground: clip(
      statement.legalGround.reference,
      TDB_LIMITS.illegal_content_legal_ground,
    ),
    illegal_content_explanation: clip(
      statement.legalGround.explanation,
      TDB_LIMITS.illegal_content_explanation,
    ),
    content_type: ['CONTENT_TYPE_PRODUCT'],
    category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
    category_specification: [KEYWORDS[options.infringementType]],
    // The scope applied and stated to the seller: a global measure covers every EEA state.
    territorial_scope: eeaScope(statement.measure.listing.territorialScope),
    decision_facts: clip(facts.join(' '), TDB_LIMITS.decision_facts),
    source_type: sourceType,
    automated_detection: statement.automatedMeans.detection ? 'Yes' : 'No',
    automated_decision: {
      fully: 'AUTOMATED_DECISION_FULLY',
      partially: 'AUTOMATED_DECISION_PARTIALLY',
      not_automated: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    }[statement.automatedMeans.decision] as TransparencyDatabaseRecord['automated_decision'],
    account_type: 'ACCOUNT_TYPE_BUSINESS',
    application_date: statement.decidedAt.slice(0, 10),
    content_date: options.contentDate.slice(0, 10),
    puid: options.puid,
  };
}

/** The EEA part of a measure's territorial scope, as the database records it. */
function eeaScope(scope: TerritorialScope): string[] {
  if (scope.kind === 'global') return [...EEA_COUNTRIES];
  return scope.countries.filter((country) =>
    (EEA_COUNTRIES as readonly string[]).includes(country),
  );
}
