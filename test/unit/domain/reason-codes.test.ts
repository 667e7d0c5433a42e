import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_INPUT, parsePolicy } from '../../../functions/domain/policy.ts';
import {
  CASE_DECISIONS,
  DEFAULT_REASON_CODES,
  reasonCodeFor,
} from '../../../functions/domain/reason-codes.ts';

describe('Domain: reason codes', () => {
  describe('Method: reasonCodeFor', () => {
    it('finds a code only for a decision it lists', () => {
      expect(reasonCodeFor(DEFAULT_REASON_CODES, 'counterfeit_goods', 'approve')?.class).toBe(
        'infringement',
      );
      expect(reasonCodeFor(DEFAULT_REASON_CODES, 'counterfeit_goods', 'reject')).toBeUndefined();
      expect(reasonCodeFor(DEFAULT_REASON_CODES, 'nope', 'approve')).toBeUndefined();
    });
  });

  describe('Policy: reasonCodes', () => {
    it('defaults to a catalogue with a code for every decision, each labelled in both languages', () => {
      const policy = parsePolicy(DEFAULT_POLICY_INPUT);
      for (const decision of CASE_DECISIONS)
        expect(policy.reasonCodes.some((code) => code.decisions.includes(decision))).toBe(true);
      for (const code of policy.reasonCodes) {
        expect(code.label.en.length).toBeGreaterThan(0);
        expect(code.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('refuses a catalogue with a duplicate code', () => {
      const first = DEFAULT_REASON_CODES[0]!;
      expect(() =>
        parsePolicy({ ...DEFAULT_POLICY_INPUT, reasonCodes: [...DEFAULT_REASON_CODES, first] }),
      ).toThrow(/Invalid policy/);
    });

    it('refuses a catalogue that leaves a decision without a code', () => {
      const withoutRestore = DEFAULT_REASON_CODES.map((code) => ({
        ...code,
        decisions: code.decisions.filter((d) => d !== 'restore'),
      })).filter((code) => code.decisions.length > 0);
      expect(() => parsePolicy({ ...DEFAULT_POLICY_INPUT, reasonCodes: withoutRestore })).toThrow(
        /Invalid policy/,
      );
    });
  });
});
