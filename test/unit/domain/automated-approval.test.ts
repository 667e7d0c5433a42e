import { describe, expect, it } from 'vitest';
import { defaultPolicy, type Policy } from '../../../functions/domain/policy.ts';
import { approvedAutomatically, sampledForAudit } from '../../../functions/domain/standing.ts';

const withAutomation = (enabled: boolean): Policy => ({
  ...defaultPolicy,
  standing: {
    ...defaultPolicy.standing,
    fastLane: {
      ...defaultPolicy.standing.fastLane,
      automatedApproval: { ...defaultPolicy.standing.fastLane.automatedApproval, enabled },
    },
  },
});

describe('Automated approval (fast lane, counterfeit, test buy)', () => {
  const on = withAutomation(true);
  const base = { policy: on, fastLaneOpen: true, infringementType: 'counterfeit', testBuy: true };

  it('approves only when every condition holds', () => {
    expect(approvedAutomatically(base)).toBe(true);
    expect(approvedAutomatically({ ...base, policy: withAutomation(false) })).toBe(false);
    expect(approvedAutomatically({ ...base, fastLaneOpen: false })).toBe(false);
    expect(approvedAutomatically({ ...base, infringementType: 'trademark' })).toBe(false);
    expect(approvedAutomatically({ ...base, testBuy: false })).toBe(false);
  });

  it('is off by default', () => {
    expect(approvedAutomatically({ ...base, policy: defaultPolicy })).toBe(false);
  });
});

describe('Audit sampling', () => {
  const ids = Array.from({ length: 20_000 }, (_, i) => `case-${i.toString(36)}-${i * 7919}`);

  it('samples close to the policy share, the same way every time for a case', () => {
    for (const rate of [0.01, 0.1, 0.5]) {
      const share = ids.filter((id) => sampledForAudit(id, rate)).length / ids.length;
      expect(Math.abs(share - rate)).toBeLessThan(0.01);
    }
    expect(ids.map((id) => sampledForAudit(id, 0.1))).toEqual(
      ids.map((id) => sampledForAudit(id, 0.1)),
    );
  });

  it('samples everything at 1 and nothing at 0', () => {
    expect(ids.every((id) => sampledForAudit(id, 1))).toBe(true);
    expect(ids.some((id) => sampledForAudit(id, 0))).toBe(false);
  });
});
