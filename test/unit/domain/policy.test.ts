import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../../functions/domain/errors.ts';
import { counterNoticeMode, defaultPolicy, parsePolicy } from '../../../functions/domain/policy.ts';
import { policyInput } from './fixtures.ts';

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parsePolicy(input);
  } catch (error) {
    if (error instanceof DomainValidationError) return error.issues;
    throw error;
  }
  return [];
}

describe('Function: parsePolicy', () => {
  it('accepts the default policy input and freezes the result', () => {
    // Act
    const policy = parsePolicy(policyInput());

    // Assert
    expect(Object.isFrozen(policy.profiles.US.copyrightRestore)).toBe(true);
  });

  it('holds the DOMAIN.md default windows', () => {
    // Act
    const { US, CN, EU } = defaultPolicy.profiles;

    // Assert
    expect({
      review: US.reviewSla,
      escalated: US.escalatedReviewSla,
      info: US.requestInfoWindow,
      counterNotice: US.counterNoticeWindow,
      reReview: EU.reReviewSla,
      usRestore: US.copyrightRestore,
      cnDays: CN.courtActionWindow.calendarDays,
      strikes: defaultPolicy.strikes,
    }).toEqual({
      review: 'PT24H',
      escalated: 'PT48H',
      info: 'P7D',
      counterNotice: 'P14D',
      reReview: 'PT72H',
      usRestore: { notBeforeBusinessDays: 10, restoreByBusinessDays: 14, extraClosures: [] },
      cnDays: 15,
      strikes: {
        expiry: 'P365D',
        ladder: { warning: 1, restricted: 2, suspended: 3 },
        testBuyCounterfeitWeight: 1,
        cleanUpGrace: 'P7D',
        suspension: { period: 'P30D', reviewSla: 'P2D' },
        termination: { strikesAfterSuspension: 1 },
      },
    });
  });

  it('holds the notifier-standing defaults: 90 days, 20 decided listings, 90% for the fast lane', () => {
    // Act / Assert
    expect(defaultPolicy.standing).toEqual({
      window: 'P90D',
      minDecided: 20,
      fastLane: {
        accuracy: 0.9,
        lockout: 'P30D',
        reviewSla: 'PT4H',
        automatedApproval: { enabled: false, auditSampleRate: 0.1, auditSla: 'P3D' },
      },
      misuse: { threshold: 5, suspension: 'P30D', reviewSla: 'P3D' },
    });
  });

  it('refuses automated approvals that no human ever audits', () => {
    // Arrange
    const input = policyInput();
    input.standing = structuredClone(defaultPolicy.standing);
    input.standing.fastLane.automatedApproval = {
      enabled: true,
      auditSampleRate: 0,
      auditSla: 'P3D',
    };

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual([
      'standing.fastLane.automatedApproval.auditSampleRate',
    ]);
  });

  it('refuses a misuse threshold of one notice, which is not "frequently" (DSA Art 23(2))', () => {
    // Arrange
    const input = policyInput();
    input.standing = {
      ...structuredClone(defaultPolicy.standing),
      misuse: { threshold: 1, suspension: 'P30D', reviewSla: 'P3D' },
    };

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['standing.misuse.threshold']);
  });

  it('refuses a seller suspension shorter than a day', () => {
    // Arrange
    const input = policyInput();
    input.strikes.suspension = { period: 'PT1H', reviewSla: 'P2D' };

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['strikes.suspension.period']);
  });

  it('refuses an unknown field at its own path', () => {
    // Arrange
    const input = policyInput();
    Object.assign(input.profiles.EU, { reviewSlaHours: 24 });

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues).toEqual([{ path: 'profiles.EU.reviewSlaHours', message: 'Unknown field' }]);
  });

  it('refuses a window in months, which has no fixed length', () => {
    // Arrange
    const input = policyInput();
    input.profiles.US.counterNoticeWindow = 'P1M';

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['profiles.US.counterNoticeWindow']);
  });

  it('refuses a US copyright profile on re-review, which §512(g) does not allow', () => {
    // Arrange
    const input = policyInput();
    input.profiles.US.counterNoticeModes.copyright = 're_review';

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues).toEqual([
      {
        path: 'profiles.US.counterNoticeModes.copyright',
        message: expect.stringContaining('§512(g)(2)'),
      },
    ]);
  });

  it('refuses a CN type on re-review, since Art 43 covers every IP type', () => {
    // Arrange
    const input = policyInput();
    input.profiles.CN.counterNoticeModes.patent = 're_review';

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['profiles.CN.counterNoticeModes.patent']);
  });

  it('refuses a US restore window that starts before the 10th business day', () => {
    // Arrange
    const input = policyInput();
    input.profiles.US.copyrightRestore.notBeforeBusinessDays = 9;

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual([
      'profiles.US.copyrightRestore.notBeforeBusinessDays',
    ]);
  });

  it('refuses a US restore window that ends after the 14th business day', () => {
    // Arrange
    const input = policyInput();
    input.profiles.US.copyrightRestore.restoreByBusinessDays = 15;

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual([
      'profiles.US.copyrightRestore.restoreByBusinessDays',
    ]);
  });

  it('refuses a CN window shorter than the 15 days of Art 43', () => {
    // Arrange
    const input = policyInput();
    input.profiles.CN.courtActionWindow.calendarDays = 14;

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual([
      'profiles.CN.courtActionWindow.calendarDays',
    ]);
  });

  it('refuses an appeal window shorter than six months (DSA Art 20(1))', () => {
    // Arrange
    const input = policyInput();
    input.profiles.EU.appealWindow = 'P90D';

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['profiles.EU.appealWindow']);
  });

  it('refuses ladder thresholds that do not rise', () => {
    // Arrange
    const input = policyInput();
    input.strikes.ladder = { warning: 1, restricted: 3, suspended: 3 };

    // Act
    const issues = issuesOf(input);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['strikes.ladder']);
  });

  it('throws a DomainValidationError whose message names the field', () => {
    // Act
    const act = () => parsePolicy({});

    // Assert
    expect(act).toThrow(/Invalid policy: profiles: /);
  });
});

describe('Function: counterNoticeMode', () => {
  it.each([
    ['US', 'copyright', 'statutory_timer'],
    ['US', 'trademark', 're_review'],
    ['US', 'counterfeit', 're_review'],
    ['US', 'patent', 're_review'],
    ['US', 'design', 're_review'],
    ['CN', 'trademark', 'statutory_timer'],
    ['CN', 'copyright', 'statutory_timer'],
    ['CN', 'design', 'statutory_timer'],
    ['EU', 'copyright', 're_review'],
    ['EU', 'counterfeit', 're_review'],
  ] as const)('gives %s %s → %s', (jurisdiction, type, mode) => {
    // Act
    const result = counterNoticeMode(jurisdiction, type);

    // Assert
    expect(result).toBe(mode);
  });
});
