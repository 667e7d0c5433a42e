import { describe, expect, it } from 'vitest';
import {
  countsTowardEscalation,
  nextMeasure,
  releaseCaseFromStrike,
  warningInForce,
} from '../../../functions/domain/ladder.ts';
import { defaultPolicy, parsePolicy } from '../../../functions/domain/policy.ts';
import { sellerMeasureText } from '../../../functions/domain/seller-measure-text.ts';
import type { StrikeRecord } from '../../../functions/domain/strikes.ts';
import { policyInput } from './fixtures.ts';

const now = new Date('2026-03-02T15:00:00Z');
const WARNED = '2026-02-01T12:00:00.000Z';
const GRACE_END = '2026-02-08T12:00:00.000Z'; // warning + the default 7-day clean-up grace

function strike(id: string, overrides: Partial<StrikeRecord> = {}): StrikeRecord {
  return {
    strikeId: id,
    noticeId: `n-${id}`,
    caseIds: [`c-${id}`],
    releasedCaseIds: [],
    createdAt: '2026-02-01T00:00:00.000Z',
    expiresAt: '2027-02-01T00:00:00.000Z',
    weight: 1,
    ...overrides,
  };
}

/** The warning strike: its seller notice carried the warning at WARNED. */
const warned = strike('w', {
  createdAt: '2026-02-01T11:00:00.000Z',
  listingCreatedAt: '2026-01-01T00:00:00.000Z',
  noticeReceivedAt: '2026-02-01T10:00:00.000Z',
  warningSentAt: WARNED,
});

/** A seller whose confirmed suspension started on Feb 26 and ended on Feb 28. */
const SUSPENDED_ENDED = {
  suspension: { startedAt: '2026-02-26T00:00:00.000Z', until: '2026-02-28T00:00:00.000Z' },
  lastSuspensionDecisionAt: '2026-02-26T00:00:00.000Z',
};

/** A strike for a listing posted after the warning: conduct after it. */
const postWarning = (id: string, at = '2026-02-20T00:00:00.000Z') =>
  strike(id, { createdAt: at, listingCreatedAt: '2026-02-10T00:00:00.000Z', noticeReceivedAt: at });

/** A strike for a listing posted before the warning, noticed within the grace. */
const old = (id: string) =>
  strike(id, {
    createdAt: '2026-02-01T14:00:00.000Z',
    listingCreatedAt: '2026-01-15T00:00:00.000Z',
    noticeReceivedAt: '2026-02-01T13:00:00.000Z',
  });

describe('Function: countsTowardEscalation', () => {
  it('counts a strike whose listing was created after the warning', () => {
    // Act / Assert
    expect(
      countsTowardEscalation(
        strike('a', {
          listingCreatedAt: '2026-02-01T12:00:00.001Z',
          noticeReceivedAt: '2026-02-01T13:00:00.000Z',
        }),
        WARNED,
        defaultPolicy,
      ),
    ).toBe(true);
  });

  it('does not count a strike whose listing was created exactly at the warning instant', () => {
    // Act / Assert
    expect(
      countsTowardEscalation(
        strike('a', { listingCreatedAt: WARNED, noticeReceivedAt: WARNED }),
        WARNED,
        defaultPolicy,
      ),
    ).toBe(false);
  });

  it('does not count an old listing noticed exactly at the end of the clean-up grace', () => {
    // Act / Assert
    expect(
      countsTowardEscalation(
        strike('a', { listingCreatedAt: '2026-01-01T00:00:00.000Z', noticeReceivedAt: GRACE_END }),
        WARNED,
        defaultPolicy,
      ),
    ).toBe(false);
  });

  it('counts an old listing noticed one millisecond after the clean-up grace', () => {
    // Act / Assert
    expect(
      countsTowardEscalation(
        strike('a', {
          listingCreatedAt: '2026-01-01T00:00:00.000Z',
          noticeReceivedAt: '2026-02-08T12:00:00.001Z',
        }),
        WARNED,
        defaultPolicy,
      ),
    ).toBe(true);
  });

  it('counts nothing when no warning was sent', () => {
    // Act / Assert
    expect(countsTowardEscalation(postWarning('a'), undefined, defaultPolicy)).toBe(false);
  });
});

describe('Function: warningInForce', () => {
  it('takes the earliest warning kept on an active strike', () => {
    // Act / Assert
    expect(warningInForce([postWarning('a', '2026-02-20T00:00:00.000Z'), warned], {})).toBe(WARNED);
  });

  it('falls back to the seller’s warning for strikes recorded before warnings were kept', () => {
    // Act / Assert
    expect(warningInForce([strike('a')], { warnedAt: WARNED })).toBe(WARNED);
  });
});

describe('Function: nextMeasure', () => {
  it('warns on a first strike and marks the notice as carrying the warning', () => {
    // Act
    const decision = nextMeasure('none', [strike('a')], now, {}, defaultPolicy);

    // Assert
    expect(decision).toMatchObject({
      measure: 'warning',
      change: 'escalate',
      carriesWarning: true,
      openSuspensionReview: false,
    });
  });

  it('keeps three strikes recorded before any warning at the warning step (DSA Art 23(1))', () => {
    // Act
    const decision = nextMeasure(
      'warning',
      [strike('a'), strike('b'), strike('c')],
      now,
      {},
      defaultPolicy,
    );

    // Assert
    expect(decision).toMatchObject({
      measure: 'warning',
      heldBack: 'no_prior_warning',
      escalationWeight: 1,
    });
  });

  it('keeps old listings noticed right after the warning at the warning step', () => {
    // Act
    const decision = nextMeasure('warning', [warned, old('b'), old('c')], now, {}, defaultPolicy);

    // Assert
    expect(decision).toMatchObject({
      measure: 'warning',
      countingStrikeIds: [],
      heldBack: 'no_prior_warning',
    });
  });

  it('restricts on the first strike for conduct after the warning', () => {
    // Act
    const decision = nextMeasure('warning', [warned, postWarning('b')], now, {}, defaultPolicy);

    // Assert
    expect(decision).toMatchObject({
      measure: 'restricted',
      change: 'escalate',
      countingStrikeIds: ['b'],
      carriesWarning: true,
    });
  });

  it('counts only the strikes straddling the warning that come after it', () => {
    // Act
    const decision = nextMeasure(
      'warning',
      [warned, old('b'), postWarning('c')],
      now,
      {},
      defaultPolicy,
    );

    // Assert
    expect(decision).toMatchObject({
      measure: 'restricted',
      countingStrikeIds: ['c'],
      escalationWeight: 2,
    });
  });

  it('opens a suspension review at the threshold and holds the seller at restricted', () => {
    // Act
    const decision = nextMeasure(
      'restricted',
      [warned, postWarning('b'), postWarning('c', '2026-02-25T00:00:00.000Z')],
      now,
      {},
      defaultPolicy,
    );

    // Assert
    expect(decision).toMatchObject({
      measure: 'restricted',
      ladderMeasure: 'suspended',
      heldBack: 'suspension_review',
      openSuspensionReview: true,
      change: 'unchanged',
    });
  });

  it('does not open a second review while one is open', () => {
    // Act
    const decision = nextMeasure(
      'restricted',
      [warned, postWarning('b'), postWarning('c', '2026-02-25T00:00:00.000Z')],
      now,
      { suspensionReview: { taskId: 't' } },
      defaultPolicy,
    );

    // Assert
    expect(decision.openSuspensionReview).toBe(false);
  });

  it('reopens a held review only on conduct after the hold', () => {
    // Arrange
    const strikes = [warned, postWarning('b'), postWarning('c', '2026-02-25T00:00:00.000Z')];
    const held = { lastSuspensionDecisionAt: '2026-02-26T00:00:00.000Z' };

    // Act
    const same = nextMeasure('restricted', strikes, now, held, defaultPolicy);
    const more = nextMeasure(
      'restricted',
      [...strikes, postWarning('d', '2026-02-27T00:00:00.000Z')],
      now,
      held,
      defaultPolicy,
    );

    // Assert
    expect([same.openSuspensionReview, more.openSuspensionReview]).toEqual([false, true]);
  });

  it('keeps a confirmed suspension until its end, then falls back to restricted', () => {
    // Arrange
    const strikes = [warned, postWarning('b'), postWarning('c', '2026-02-25T00:00:00.000Z')];
    const seller = {
      suspension: { startedAt: '2026-02-26T00:00:00.000Z', until: '2026-03-28T00:00:00.000Z' },
      lastSuspensionDecisionAt: '2026-02-26T00:00:00.000Z',
    };

    // Act
    const during = nextMeasure('restricted', strikes, now, seller, defaultPolicy);
    const afterEnd = nextMeasure(
      'suspended',
      strikes,
      new Date('2026-03-28T00:00:00.000Z'),
      seller,
      defaultPolicy,
    );

    // Assert
    expect([during.measure, afterEnd.measure, afterEnd.openSuspensionReview]).toEqual([
      'suspended',
      'restricted',
      false,
    ]);
  });

  it('lifts a suspension when a revocation drops the ladder below the threshold', () => {
    // Arrange
    const strikes = [warned, postWarning('b'), postWarning('c', '2026-02-25T00:00:00.000Z')].map(
      (s) => (s.strikeId === 'c' ? { ...s, revokedAt: '2026-03-01T00:00:00.000Z' } : s),
    );
    const seller = {
      suspension: { startedAt: '2026-02-26T00:00:00.000Z', until: '2026-03-28T00:00:00.000Z' },
    };

    // Act
    const decision = nextMeasure('suspended', strikes, now, seller, defaultPolicy);

    // Assert
    expect(decision).toMatchObject({ measure: 'restricted', change: 'lift' });
  });

  it('terminates on a counting strike after a confirmed suspension', () => {
    // Arrange
    const seller = SUSPENDED_ENDED;
    const strikes = [
      warned,
      postWarning('b'),
      postWarning('c', '2026-02-25T00:00:00.000Z'),
      strike('d', {
        createdAt: '2026-03-01T00:00:00.000Z',
        listingCreatedAt: '2026-02-27T00:00:00.000Z',
        noticeReceivedAt: '2026-03-01T00:00:00.000Z',
      }),
    ];

    // Act
    const decision = nextMeasure('restricted', strikes, now, seller, defaultPolicy);

    // Assert
    expect(decision).toMatchObject({ measure: 'terminated', change: 'escalate' });
  });

  it('does not terminate one strike below the policy threshold', () => {
    // Arrange
    const policy = parsePolicy({
      ...policyInput(),
      strikes: { ...policyInput().strikes, termination: { strikesAfterSuspension: 2 } },
    });
    const seller = SUSPENDED_ENDED;
    const strikes = [
      warned,
      postWarning('b'),
      postWarning('c', '2026-02-25T00:00:00.000Z'),
      postWarning('d', '2026-03-01T00:00:00.000Z'),
    ].map((s) => (s.strikeId === 'd' ? { ...s, listingCreatedAt: '2026-02-27T00:00:00.000Z' } : s));

    // Act
    const decision = nextMeasure('restricted', strikes, now, seller, policy);

    // Assert
    expect(decision.measure).not.toBe('terminated');
  });

  it('never lifts a termination when the strikes behind it expire', () => {
    // Arrange
    const seller = {
      suspension: { startedAt: '2026-02-26T00:00:00.000Z', until: '2026-02-28T00:00:00.000Z' },
    };
    const strikes = [
      strike('d', {
        createdAt: '2026-03-01T00:00:00.000Z',
        listingCreatedAt: '2026-02-27T00:00:00.000Z',
        expiresAt: '2027-03-01T00:00:00.000Z',
      }),
    ];

    // Act
    const decision = nextMeasure(
      'terminated',
      strikes,
      new Date('2028-01-01T00:00:00.000Z'),
      seller,
      defaultPolicy,
    );

    // Assert
    expect(decision).toMatchObject({ measure: 'terminated', change: 'unchanged' });
  });

  it('lifts a termination when the strike behind it is revoked', () => {
    // Arrange
    const seller = {
      measure: 'terminated' as const,
      suspension: { startedAt: '2026-02-26T00:00:00.000Z', until: '2026-02-28T00:00:00.000Z' },
    };
    const strikes = [
      strike('d', {
        createdAt: '2026-03-01T00:00:00.000Z',
        listingCreatedAt: '2026-02-27T00:00:00.000Z',
      }),
    ];

    // Act
    const released = releaseCaseFromStrike({
      strikes,
      strikeId: 'd',
      caseId: 'c-d',
      seller,
      now,
      policy: defaultPolicy,
    });

    // Assert
    expect(released).toMatchObject({
      outcome: 'strike_revoked',
      decision: { measure: 'none', change: 'lift' },
    });
  });

  it('closes an open suspension review that a revocation made moot', () => {
    // Act
    const decision = nextMeasure(
      'restricted',
      [warned, postWarning('b')],
      now,
      { suspensionReview: { taskId: 't' } },
      defaultPolicy,
    );

    // Assert
    expect(decision.closeSuspensionReview).toBe(true);
  });
});

describe('Function: sellerMeasureText', () => {
  it('says a termination is not lifted by expiry', () => {
    // Act / Assert
    expect(sellerMeasureText('terminated', {}).duration).toContain(
      'expiry of strikes does not lift a termination',
    );
  });

  it('names the end of a suspension and quotes the reviewer’s reasons', () => {
    // Act
    const text = sellerMeasureText('suspended', {
      suspension: { until: '2026-04-01T00:00:00.000Z', reasons: 'Five counterfeits in a month.' },
    });

    // Assert
    expect(text).toMatchObject({
      duration: expect.stringContaining('Until 2026-04-01T00:00:00.000Z'),
      reviewerReasons: 'Five counterfeits in a month.',
    });
  });
});
