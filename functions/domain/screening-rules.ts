import * as z from 'zod';
import { KeywordAutomaton } from './keyword-automaton.ts';
import { normaliseTerm } from './listing-text.ts';
import { idSchema } from './vocabulary.ts';

/**
 * Proactive screening's brand keyword rules (DOMAIN.md, Proactive measures): data tied to a
 * verified IP right, proposed by its rights holder (as the seed operator's cooperating brands did)
 * and activated by a reviewer, or written by a reviewer. Every change makes a new rule-set
 * version; every verdict records the version that produced it.
 */

/** Policy limits of a rule; a term over the limit or too many terms is a 400. */
export const RULE_LIMITS = {
  maxTermLength: 200,
  maxTerms: 50,
  maxExclusions: 50,
  /** The marketplace's title length limit (a longer title is a 400 at the screening API). */
  maxTitleLength: 500,
  maxDescriptionLength: 10_000,
} as const;

export const SCREENING_ACTIONS = ['flag', 'takedown'] as const;
export type ScreeningAction = (typeof SCREENING_ACTIONS)[number];
export const RULE_STATUSES = ['proposed', 'active', 'rejected'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];
export type Verdict = 'clear' | 'flag' | 'takedown';

const term = z
  .string()
  .max(RULE_LIMITS.maxTermLength, `At most ${RULE_LIMITS.maxTermLength} characters`)
  .refine((value) => normaliseTerm(value).length > 0, 'A term cannot be empty');

/** A language tag as listings carry it (BCP 47 primary subtag, optionally a region or script). */
const language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A BCP 47 language tag, e.g. en or zh-CN');

/** The body of POST /v1/screening-rules. */
export const screeningRuleBodySchema = z.strictObject({
  ipRightId: idSchema,
  terms: z
    .array(term)
    .min(1, 'At least one term')
    .max(RULE_LIMITS.maxTerms, `At most ${RULE_LIMITS.maxTerms} terms`),
  exclusions: z
    .array(term)
    .max(RULE_LIMITS.maxExclusions, `At most ${RULE_LIMITS.maxExclusions} exclusions`)
    .default([]),
  languages: z.array(language).max(20).default([]),
  action: z.enum(SCREENING_ACTIONS),
});
export type ScreeningRuleBody = z.infer<typeof screeningRuleBodySchema>;

/** A catalogue scan's states: `stopping` until its running batches notice the stop. */
export const SCAN_STATUSES = ['running', 'stopping', 'stopped', 'completed', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** The marketplace's listing ids and seller ids: opaque, as the marketplace writes them. */
const marketplaceId = z.string().min(1).max(128);

/** A listing to screen: the screening API's body, and one row of a catalogue export. */
export const listingToScreenSchema = z.strictObject({
  listingId: marketplaceId,
  sellerId: marketplaceId,
  title: z
    .string()
    .min(1)
    .max(
      RULE_LIMITS.maxTitleLength,
      `At most ${RULE_LIMITS.maxTitleLength} characters (the marketplace’s limit)`,
    ),
  description: z.string().max(RULE_LIMITS.maxDescriptionLength).optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional()
    .describe('BCP 47; rules limited to languages skip a listing in another one'),
});

/** A rule as the matcher needs it. */
export interface MatchableRule {
  ruleId: string;
  terms: readonly string[];
  exclusions: readonly string[];
  /** Primary language subtags the rule applies to; empty: every language. */
  languages: readonly string[];
  action: ScreeningAction;
}

/** One hit of a verdict: the term of a rule, with its span in the original title. */
export interface RuleHit {
  kind: 'rule';
  ruleId: string;
  term: string;
  start: number;
  end: number;
  action: ScreeningAction;
}

/** What a listing is screened on. */
export interface ScreenedListing {
  title: string;
  description?: string;
  /** The listing's language (BCP 47), when the marketplace knows it. */
  language?: string;
}

interface PatternOwner {
  rule: number;
  kind: 'term' | 'exclusion';
  /** The term as the rule wrote it. */
  text: string;
}

/**
 * The active rules of one rule-set version compiled into one automaton. Built once per version
 * and kept in the function's memory.
 */
export class CompiledRules {
  readonly version: number;
  readonly rules: readonly MatchableRule[];
  private readonly automaton: KeywordAutomaton;
  private readonly owners: PatternOwner[][];

  constructor(version: number, rules: readonly MatchableRule[]) {
    this.version = version;
    this.rules = rules;
    const index = new Map<string, number>();
    const patterns: string[] = [];
    this.owners = [];
    rules.forEach((rule, r) => {
      const add = (text: string, kind: PatternOwner['kind']) => {
        const normal = normaliseTerm(text);
        if (normal.length === 0) return;
        let p = index.get(normal);
        if (p === undefined) {
          p = patterns.length;
          index.set(normal, p);
          patterns.push(normal);
          this.owners.push([]);
        }
        this.owners[p]!.push({ rule: r, kind, text });
      };
      for (const t of rule.terms) add(t, 'term');
      for (const e of rule.exclusions) add(e, 'exclusion');
    });
    this.automaton = new KeywordAutomaton(patterns);
  }

  /**
   * The rule hits in a listing's title (and description, whose hits are reported with spans
   * offset past the title plus one, so they never collide with the title's): a rule whose
   * exclusion occurs in the same text is suppressed there ("ACME compatible" is not a counterfeit
   * of ACME), and a rule limited to languages skips a listing in another one. Never throws.
   */
  match(listing: ScreenedListing): RuleHit[] {
    const hits = this.matchText(listing.title, listing.language, 0);
    if (!listing.description) return hits;
    const more = this.matchText(listing.description, listing.language, listing.title.length + 1);
    return more.length === 0 ? hits : [...hits, ...more];
  }

  private matchText(text: string, language: string | undefined, offset: number): RuleHit[] {
    // Most titles hit nothing: collect lazily, so a clear title allocates no result.
    let terms: { rule: number; text: string; start: number; end: number }[] | undefined;
    let excluded: Set<number> | undefined;
    this.automaton.scan(text, (pattern, start, end) => {
      for (const owner of this.owners[pattern]!) {
        if (owner.kind === 'exclusion') {
          excluded ??= new Set();
          excluded.add(owner.rule);
        } else {
          terms ??= [];
          terms.push({ rule: owner.rule, text: owner.text, start, end });
        }
      }
    });
    if (!terms) return [];
    const primary = language?.split('-')[0]?.toLowerCase();
    const hits: RuleHit[] = [];
    for (const found of terms) {
      if (excluded?.has(found.rule)) continue;
      const rule = this.rules[found.rule]!;
      if (
        primary &&
        rule.languages.length > 0 &&
        !rule.languages.some((l) => l.split('-')[0] === primary)
      )
        continue;
      hits.push({
        kind: 'rule',
        ruleId: rule.ruleId,
        term: found.text,
        start: found.start + offset,
        end: found.end + offset,
        action: rule.action,
      });
    }
    return hits.sort(
      (a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId),
    );
  }
}

/** The verdict of a set of hits: the strongest action among them, else clear. */
export function verdictOf(hits: readonly { action: ScreeningAction }[]): Verdict {
  if (hits.some((hit) => hit.action === 'takedown')) return 'takedown';
  return hits.length > 0 ? 'flag' : 'clear';
}
