import { describe, expect, it } from 'vitest';
import { nextMeasure } from '../../../functions/domain/ladder.ts';
import { defaultPolicy, parsePolicy } from '../../../functions/domain/policy.ts';
import {
  activeStrikes,
  measureFor,
  nextLadderStep,
  recordStrike,
  revokeCase,
  type StrikeRecord,
  toMarketplaceMeasure,
} from '../../../functions/domain/strikes.ts';
import { policyInput } from './fixtures.ts';

const now = new Date('2026-03-02T15:00:00Z');

function strike(overrides: Partial<StrikeRecord> = {}): StrikeRecord {
  return {
    strikeId: 'strike-n1',
    noticeId: 'n1',
    caseIds: ['c1'],
    releasedCaseIds: [],
    createdAt: '2026-02-01T00:00:00.000Z',
    expiresAt: '2027-02-01T00:00:00.000Z',
    weight: 1,
    ...overrides,
  };
}

/** Records the cases in order, applying each result, as the workflow would. */
function recordAll(cases: { noticeId: string; caseId: string }[]): StrikeRecord[] {
  let strikes: StrikeRecord[] = [];
  for (const item of cases) {
    const result = recordStrike(strikes, { ...item, now, policy: defaultPolicy });
    strikes = [...strikes.filter((s) => s.strikeId !== result.strike.strikeId), result.strike];
  }
  return strikes;
}

describe('Function: activeStrikes', () => {
  it('drops expired and revoked strikes', () => {
    // Arrange
    const strikes = [
      strike({ strikeId: 'a' }),
      strike({ strikeId: 'b', expiresAt: '2026-03-01T00:00:00.000Z' }),
      strike({ strikeId: 'c', revokedAt: '2026-02-15T00:00:00.000Z' }),
    ];

    // Act
    const active = activeStrikes(strikes, now);

    // Assert
    expect(active.map((s) => s.strikeId)).toEqual(['a']);
  });
});

describe('Function: measureFor', () => {
  it.each([
    [0, 'none'],
    [1, 'warning'],
    [2, 'restricted'],
    [3, 'suspended'],
    [7, 'suspended'],
  ] as const)('gives weight %i → %s on the default ladder', (weight, measure) => {
    // Act
    const result = measureFor(weight, defaultPolicy);

    // Assert
    expect(result).toBe(measure);
  });
});

describe('Function: toMarketplaceMeasure', () => {
  it('names a warning as the marketplace account status "warned"', () => {
    // Act
    const result = toMarketplaceMeasure('warning');

    // Assert
    expect(result).toBe('warned');
  });
});

describe('Function: recordStrike', () => {
  it('creates a strike that expires 365 days later for the first case of a notice', () => {
    // Act
    const result = recordStrike([], { noticeId: 'n1', caseId: 'c1', now, policy: defaultPolicy });

    // Assert
    expect(result).toEqual({
      kind: 'created',
      strike: {
        strikeId: 'strike-n1-c1',
        noticeId: 'n1',
        caseIds: ['c1'],
        releasedCaseIds: [],
        createdAt: '2026-03-02T15:00:00.000Z',
        expiresAt: '2027-03-02T15:00:00.000Z',
        weight: 1,
      },
    });
  });

  it('attaches a later case of the same notice to its strike', () => {
    // Act
    const result = recordStrike([strike()], {
      noticeId: 'n1',
      caseId: 'c2',
      now,
      policy: defaultPolicy,
    });

    // Assert
    expect(result.kind === 'attached' && result.strike.caseIds).toEqual(['c1', 'c2']);
  });

  it('records nothing new when the same case is recorded again (a retried task)', () => {
    // Act
    const result = recordStrike([strike()], {
      noticeId: 'n1',
      caseId: 'c1',
      now,
      policy: defaultPolicy,
    });

    // Assert
    expect(result.kind).toBe('already_recorded');
  });

  it('makes one strike and a warning of a notice naming three listings of a new seller', () => {
    // Act
    const strikes = recordAll([
      { noticeId: 'n1', caseId: 'c1' },
      { noticeId: 'n1', caseId: 'c2' },
      { noticeId: 'n1', caseId: 'c3' },
    ]);

    // Assert
    expect({
      count: strikes.length,
      measure: nextMeasure('none', strikes, now, {}, defaultPolicy).measure,
    }).toEqual({ count: 1, measure: 'warning' });
  });

  it('creates a new strike for a notice whose earlier strike was revoked', () => {
    // Act
    const result = recordStrike([strike({ revokedAt: '2026-02-20T00:00:00.000Z' })], {
      noticeId: 'n1',
      caseId: 'c2',
      now,
      policy: defaultPolicy,
    });

    // Assert
    expect(result.kind).toBe('created');
  });

  it('weighs a test-buy-confirmed counterfeit by the policy weight', () => {
    // Arrange
    const input = policyInput();
    input.strikes.testBuyCounterfeitWeight = 2;
    const policy = parsePolicy(input);

    // Act
    const result = recordStrike([], {
      noticeId: 'n1',
      caseId: 'c1',
      now,
      policy,
      testBuyConfirmedCounterfeit: true,
    });

    // Assert
    expect(result.strike.weight).toBe(2);
  });

  it('weighs a test-buy-confirmed counterfeit as 1 under the default policy', () => {
    // Act
    const result = recordStrike([], {
      noticeId: 'n1',
      caseId: 'c1',
      now,
      policy: defaultPolicy,
      testBuyConfirmedCounterfeit: true,
    });

    // Assert
    expect(result.strike.weight).toBe(1);
  });

  it('weighs an own-initiative strike by the policy weight', () => {
    // Arrange
    const policy = parsePolicy({
      ...policyInput(),
      ownInitiative: { ...defaultPolicy.ownInitiative, strikeWeight: 0.5 },
    });

    // Act
    const own = recordStrike([], {
      noticeId: 'hit:h1',
      caseId: 'c1',
      now,
      policy,
      ownInitiative: true,
    });
    const notice = recordStrike([], { noticeId: 'n1', caseId: 'c2', now, policy });

    // Assert
    expect([own.strike.weight, notice.strike.weight]).toEqual([0.5, 1]);
  });
});

describe('Function: revokeCase', () => {
  it('keeps the strike while another attached case is still down', () => {
    // Act
    const result = revokeCase(strike({ caseIds: ['c1', 'c2'] }), 'c1', now);

    // Assert
    expect({
      outcome: result.outcome,
      released: result.strike.releasedCaseIds,
      revokedAt: result.strike.revokedAt,
    }).toEqual({ outcome: 'case_released', released: ['c1'], revokedAt: undefined });
  });

  it('revokes the strike when the last attached case is restored or withdrawn', () => {
    // Arrange
    const partly = revokeCase(strike({ caseIds: ['c1', 'c2'] }), 'c1', now).strike;

    // Act
    const result = revokeCase(partly, 'c2', now);

    // Assert
    expect(result).toMatchObject({
      outcome: 'strike_revoked',
      strike: { revokedAt: '2026-03-02T15:00:00.000Z' },
    });
  });

  it('changes nothing when the case is released twice', () => {
    // Arrange
    const once = revokeCase(strike({ caseIds: ['c1', 'c2'] }), 'c1', now).strike;

    // Act
    const result = revokeCase(once, 'c1', now);

    // Assert
    expect(result).toEqual({ strike: once, outcome: 'unchanged' });
  });

  it('reports a case that is not on the strike', () => {
    // Act
    const result = revokeCase(strike(), 'c9', now);

    // Assert
    expect(result.outcome).toBe('not_attached');
  });
});

describe('Function: nextLadderStep', () => {
  it('puts a restriction, not a suspension, next after a first warning', () => {
    // Act
    const next = nextLadderStep('warning', 1, defaultPolicy);

    // Assert
    expect(next).toEqual({ measure: 'restricted', strikesAway: 1 });
  });

  it('puts the suspension next after a restriction', () => {
    // Act
    const next = nextLadderStep('restricted', 2, defaultPolicy);

    // Assert
    expect(next).toEqual({ measure: 'suspended', strikesAway: 1 });
  });

  it('counts the strikes still missing on a ladder with wider gaps', () => {
    // Arrange
    const policy = parsePolicy({
      ...policyInput(),
      strikes: { ...policyInput().strikes, ladder: { warning: 1, restricted: 3, suspended: 5 } },
    });

    // Act
    const next = nextLadderStep('warning', 1, policy);

    // Assert
    expect(next).toEqual({ measure: 'restricted', strikesAway: 2 });
  });

  it('puts the termination next after a suspension, a policy number of strikes away', () => {
    // Act
    const next = nextLadderStep('suspended', 3, defaultPolicy);

    // Assert
    expect(next).toEqual({ measure: 'terminated', strikesAway: 1 });
  });

  it('has no next step above a termination', () => {
    // Act / Assert
    expect(nextLadderStep('terminated', 4, defaultPolicy)).toBeUndefined();
  });
});
