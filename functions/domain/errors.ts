import type { z } from 'zod';

/** One field-level problem, as RFC 9457 `errors: [{path, message}]` carries it. */
export interface ValidationIssue {
  /** Dotted path into the input, e.g. `listings.0.listingId` or `rightsHolder.phone`. */
  path: string;
  message: string;
}

/**
 * The input is malformed or lacks an element the law requires (→ 400). Nothing may be
 * written when this is thrown.
 */
export class DomainValidationError extends Error {
  override readonly name = 'DomainValidationError';
  readonly issues: ValidationIssue[];

  constructor(message: string, issues: ValidationIssue[]) {
    super(
      `${message}: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
    this.issues = issues;
  }
}

/**
 * The input is well formed but a business rule refuses it (→ 422), e.g. an IP right that
 * is not verified. `code` is a stable snake_case reason.
 */
export class DomainRuleError extends Error {
  override readonly name = 'DomainRuleError';
  readonly code: string;
  readonly issues: ValidationIssue[];

  constructor(code: string, message: string, issues: ValidationIssue[] = []) {
    super(message);
    this.code = code;
    this.issues = issues;
  }
}

/** Maps zod issues to field-level issues; an unknown key is reported at its own path. */
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...base, key].join('.'),
        message: 'Unknown field',
      }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
}
