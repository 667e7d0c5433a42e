import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CompiledRules,
  type MatchableRule,
  RULE_LIMITS,
  screeningRuleBodySchema,
  verdictOf,
} from '../../../../functions/domain/screening-rules.ts';
import { stayDownHit, titleFingerprint } from '../../../../functions/domain/stay-down.ts';

const rule = (over: Partial<MatchableRule> & Pick<MatchableRule, 'ruleId'>): MatchableRule => ({
  terms: ['acme'],
  exclusions: [],
  languages: [],
  action: 'flag',
  ...over,
});

describe('Class: CompiledRules', () => {
  describe('Method: match', () => {
    it('reports the rule, its term as written and the span of each hit', () => {
      const rules = new CompiledRules(3, [
        rule({ ruleId: 'r1', terms: ['ACME'], action: 'takedown' }),
      ]);
      expect(rules.match({ title: 'Cheap acme bag' })).toEqual([
        { kind: 'rule', ruleId: 'r1', term: 'ACME', start: 6, end: 10, action: 'takedown' },
      ]);
    });

    it('suppresses a rule when one of its exclusions occurs ("ACME compatible")', () => {
      const rules = new CompiledRules(1, [
        rule({ ruleId: 'r1', exclusions: ['compatible'] }),
        rule({ ruleId: 'r2', terms: ['acme'], action: 'takedown' }),
      ]);
      const hits = rules.match({ title: 'Charger ACME compatible' });
      expect(hits.map((h) => h.ruleId)).toEqual(['r2']);
    });

    it('skips a rule limited to other languages, and applies it when the language is unknown', () => {
      const rules = new CompiledRules(1, [
        rule({ ruleId: 'zh', terms: ['耐克'], languages: ['zh'] }),
      ]);
      expect(rules.match({ title: '耐克鞋', language: 'en' })).toEqual([]);
      expect(rules.match({ title: '耐克鞋', language: 'zh-CN' })).toHaveLength(1);
      expect(rules.match({ title: '耐克鞋' })).toHaveLength(1);
    });

    it('reports a hit in the description after the title', () => {
      const rules = new CompiledRules(1, [rule({ ruleId: 'r1' })]);
      const [hit] = rules.match({ title: 'Bag', description: 'like acme' });
      expect([hit?.start, hit?.end]).toEqual([9, 13]);
    });

    it('reports two rules sharing a term as two hits', () => {
      const rules = new CompiledRules(1, [
        rule({ ruleId: 'a' }),
        rule({ ruleId: 'b', terms: ['Acme'] }),
      ]);
      expect(rules.match({ title: 'acme' }).map((h) => h.ruleId)).toEqual(['a', 'b']);
    });

    it('never throws on any Unicode title (fuzz)', () => {
      const rules = new CompiledRules(1, [
        rule({ ruleId: 'r1', terms: ['acme', '耐克', 'ＡＢＣ'], exclusions: ['compatible'] }),
      ]);
      fc.assert(
        fc.property(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string(),
          (title, description) => {
            const hits = rules.match({ title, description });
            expect(Array.isArray(hits)).toBe(true);
            expect(titleFingerprint(title)).toBeTypeOf('string');
          },
        ),
        { numRuns: 2000 },
      );
    });
  });
});

describe('Function: verdictOf', () => {
  it('is takedown when any hit says so, flag for other hits, clear without any', () => {
    expect(verdictOf([{ action: 'flag' }, { action: 'takedown' }])).toBe('takedown');
    expect(verdictOf([{ action: 'flag' }])).toBe('flag');
    expect(verdictOf([])).toBe('clear');
  });
});

describe('Schema: screeningRuleBodySchema', () => {
  const body = { ipRightId: 'ipr-1', terms: ['acme'], action: 'flag' };

  it.each([
    ['an empty term', { terms: ['  '] }],
    ['a term over 200 characters', { terms: ['x'.repeat(RULE_LIMITS.maxTermLength + 1)] }],
    [
      'more terms than the policy allows',
      { terms: Array.from({ length: RULE_LIMITS.maxTerms + 1 }, (_, i) => `t${i}`) },
    ],
    ['no terms', { terms: [] }],
    ['an unknown action', { action: 'ban' }],
  ])('refuses %s', (_what, over) => {
    expect(screeningRuleBodySchema.safeParse({ ...body, ...over }).success).toBe(false);
  });

  it('accepts a rule and defaults its exclusions and languages', () => {
    expect(screeningRuleBodySchema.parse(body)).toEqual({ ...body, exclusions: [], languages: [] });
  });
});

describe('Function: titleFingerprint', () => {
  it('is the same for a relisting with other case, order and punctuation', () => {
    expect(titleFingerprint('ACME Sneakers - Red')).toBe(
      titleFingerprint('red ａｃｍｅ sneakers!'),
    );
  });

  it('differs for another product', () => {
    expect(titleFingerprint('ACME Sneakers')).not.toBe(titleFingerprint('ACME Boots'));
  });

  it('is empty for a title without letters or digits', () => {
    expect(titleFingerprint('!!! ---')).toBe('');
  });

  it('makes a flag hit naming the earlier case over the whole title', () => {
    const hit = stayDownHit('acme bag', {
      sellerId: 's',
      fingerprint: 'acme bag',
      ipRightId: 'ipr',
      caseId: 'c-1',
      listingId: 'l',
      takenDownAt: '2026-01-01T00:00:00Z',
    });
    expect(hit).toMatchObject({
      kind: 'stay_down',
      caseId: 'c-1',
      start: 0,
      end: 8,
      action: 'flag',
    });
  });
});
