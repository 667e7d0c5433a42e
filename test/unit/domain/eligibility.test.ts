import { describe, expect, it } from 'vitest';
import {
  assertNoticeEligible,
  type IpRightRecord,
  isIpRightInForce,
  noticeEligibilityProblem,
  type RightsHolderStanding,
} from '../../../functions/domain/eligibility.ts';
import { DomainRuleError } from '../../../functions/domain/errors.ts';

const now = new Date('2026-03-02T15:00:00Z');
const rightsHolder: RightsHolderStanding = { rightsHolderId: 'rh-1', status: 'verified' };
const ipRight: IpRightRecord = {
  ipRightId: 'ipr-1',
  rightsHolderId: 'rh-1',
  kind: 'trademark',
  jurisdiction: 'EU',
  status: 'verified',
};
const check = (
  overrides: { rh?: Partial<RightsHolderStanding>; ip?: Partial<IpRightRecord> } = {},
) =>
  noticeEligibilityProblem({
    rightsHolder: { ...rightsHolder, ...overrides.rh },
    ipRight: { ...ipRight, ...overrides.ip },
    jurisdiction: 'EU',
    infringementType: 'counterfeit',
    now,
  })?.code;

describe('Function: noticeEligibilityProblem', () => {
  it('finds no problem for a verified holder filing on its verified, matching right', () => {
    // Act
    const code = check();

    // Assert
    expect(code).toBeUndefined();
  });

  it.each([
    [{ rh: { status: 'pending_verification' as const } }, 'rights_holder_not_verified'],
    [{ rh: { suspendedUntil: '2026-04-01T00:00:00Z' } }, 'rights_holder_suspended'],
    [{ ip: { rightsHolderId: 'rh-2' } }, 'ip_right_not_owned'],
    [{ ip: { status: 'rejected' as const } }, 'ip_right_not_verified'],
    [{ ip: { validUntil: '2026-03-01' } }, 'ip_right_not_in_force'],
    [{ ip: { jurisdiction: 'US' as const } }, 'ip_right_wrong_jurisdiction'],
    [{ ip: { kind: 'copyright' as const } }, 'ip_right_kind_mismatch'],
  ])('reports %j as %s', (overrides, expected) => {
    // Act
    const code = check(overrides);

    // Assert
    expect(code).toBe(expected);
  });

  it('ignores a suspension that has ended', () => {
    // Act
    const code = check({ rh: { suspendedUntil: '2026-03-01T00:00:00Z' } });

    // Assert
    expect(code).toBeUndefined();
  });

  it('accepts a design patent for a design notice', () => {
    // Act
    const problem = noticeEligibilityProblem({
      rightsHolder,
      ipRight: { ...ipRight, kind: 'patent', jurisdiction: 'US' },
      jurisdiction: 'US',
      infringementType: 'design',
      now,
    });

    // Assert
    expect(problem).toBeUndefined();
  });
});

describe('Function: isIpRightInForce', () => {
  it('counts the whole last day of a date-only validity', () => {
    // Act
    const inForce = isIpRightInForce('2026-03-02', now);

    // Assert
    expect(inForce).toBe(true);
  });
});

describe('Function: assertNoticeEligible', () => {
  it('throws a DomainRuleError with the reason code', () => {
    // Act
    const act = () =>
      assertNoticeEligible({
        rightsHolder,
        ipRight: { ...ipRight, status: 'pending_verification' },
        jurisdiction: 'EU',
        infringementType: 'trademark',
        now,
      });

    // Assert
    expect(act).toThrow(expect.objectContaining({ code: 'ip_right_not_verified' }));
  });

  it('throws an instance of DomainRuleError', () => {
    // Act
    const act = () =>
      assertNoticeEligible({
        rightsHolder: { ...rightsHolder, status: 'rejected' },
        ipRight,
        jurisdiction: 'EU',
        infringementType: 'trademark',
        now,
      });

    // Assert
    expect(act).toThrow(DomainRuleError);
  });
});
