/**
 * The areas the API description groups its operations by (OpenAPI tags), in the order a reader
 * meets them, each with the text Redocly's `tag-description` rule asks for.
 */
export const API_TAGS = {
  'Rights holders': 'Rights holders register the party they act for; reviewers verify them.',
  'IP rights':
    'The trademarks, copyrights, patents and designs a notice relies on, with sealed proof.',
  Evidence: 'Files uploaded by presigned POST and sealed by a server-side SHA-256.',
  Notices: 'Notices of infringement: one case per listing, filed with an Idempotency-Key.',
  Cases: "One listing's case: its deadlines, its timeline, and the parties' inputs.",
  Review: 'The review queue and the decisions reviewers take (the backend holds the task tokens).',
  Sellers: "Sellers' cases, counter-notices, strikes and account measures.",
  Appeals: 'Appeals against a decision, by the seller or the rights holder.',
  Screening:
    'Proactive measures: screening of listings for the marketplace and reviewers, and mystery test buys.',
  Transparency: 'Statements of reasons and the reports the law requires.',
  Platform:
    'Health, this API description, the texts of the law a party agrees to, and data-subject requests.',
} as const;

export type ApiTag = keyof typeof API_TAGS;

/**
 * The tag of a route by the first segment of its path after /v1, for every segment the API contract
 * (API.md) names. A route whose area differs from its path's says so in its RouteDoc (`tags`).
 */
const TAG_OF_SEGMENT: Record<string, ApiTag> = {
  'rights-holders': 'Rights holders',
  'ip-rights': 'IP rights',
  evidence: 'Evidence',
  notices: 'Notices',
  cases: 'Cases',
  'review-tasks': 'Review',
  'reason-codes': 'Review',
  sellers: 'Sellers',
  appeals: 'Appeals',
  'screening-rules': 'Screening',
  screening: 'Screening',
  'test-buys': 'Screening',
  transparency: 'Transparency',
  public: 'Transparency',
  'legal-texts': 'Platform',
  health: 'Platform',
  'openapi.json': 'Platform',
  'personal-data': 'Platform',
};

/** The tag of a path; throws for a segment the table lacks, naming where to add it. */
export function tagOfPath(method: string, path: string): ApiTag {
  const segment = path.split('/')[2] ?? '';
  const tag = TAG_OF_SEGMENT[segment];
  if (!tag) {
    throw new Error(
      `Route ${method} ${path}: no OpenAPI tag for "/v1/${segment}"; add it to TAG_OF_SEGMENT in functions/api/openapi/tags.ts`,
    );
  }
  return tag;
}
