import { describe, expect, it } from 'vitest';
import { CnHolidayDataMissing } from '../../../functions/domain/calendar/cn-holidays.ts';
import {
  cnCourtActionDeadline,
  counterNoticeDeadline,
  deadlinesAfterCounterNotice,
  escalatedReviewDeadline,
  infoDeadline,
  reReviewDeadline,
  reviewDeadline,
  timeoutSecondsUntil,
  usCopyrightRestoreDeadlines,
} from '../../../functions/domain/deadlines.ts';
import { defaultPolicy, parsePolicy } from '../../../functions/domain/policy.ts';
import { policyInput } from './fixtures.ts';

const now = new Date('2026-03-02T15:00:00Z');

describe('Function: reviewDeadline', () => {
  it('is due 24 hours after the review is requested', () => {
    // Act
    const result = reviewDeadline(now, 'US', defaultPolicy);

    // Assert
    expect(result).toEqual({ reviewDueAt: '2026-03-03T15:00:00.000Z' });
  });
});

describe('Function: escalatedReviewDeadline', () => {
  it('is due 48 hours after the escalation, under the reviewDueAt key', () => {
    // Act
    const result = escalatedReviewDeadline(now, 'EU', defaultPolicy);

    // Assert
    expect(result).toEqual({ reviewDueAt: '2026-03-04T15:00:00.000Z' });
  });
});

describe('Function: infoDeadline', () => {
  it('is due 7 days after the information is requested', () => {
    // Act
    const result = infoDeadline(now, 'CN', defaultPolicy);

    // Assert
    expect(result).toEqual({ infoDueAt: '2026-03-09T15:00:00.000Z' });
  });
});

describe('Function: counterNoticeDeadline', () => {
  it('closes 14 days after the seller is notified', () => {
    // Act
    const result = counterNoticeDeadline(now, 'US', defaultPolicy);

    // Assert
    expect(result).toEqual({ counterNoticeDueAt: '2026-03-16T15:00:00.000Z' });
  });

  it('follows a profile tuned by policy', () => {
    // Arrange
    const input = policyInput();
    input.profiles.EU.counterNoticeWindow = 'P21D';
    const policy = parsePolicy(input);

    // Act
    const result = counterNoticeDeadline(now, 'EU', policy);

    // Assert
    expect(result).toEqual({ counterNoticeDueAt: '2026-03-23T15:00:00.000Z' });
  });
});

describe('Function: reReviewDeadline', () => {
  it('is due 72 hours after the counter-notice', () => {
    // Act
    const result = reReviewDeadline(now, 'EU', defaultPolicy);

    // Assert
    expect(result).toEqual({ reReviewDueAt: '2026-03-05T15:00:00.000Z' });
  });
});

describe('Function: usCopyrightRestoreDeadlines', () => {
  it('sets restoreNotBefore to the start of the 11th and restoreBy to the end of the 14th business day, skipping Thanksgiving', () => {
    // Arrange: Monday November 16 2026, 10:00 EST.
    const receivedAt = new Date('2026-11-16T15:00:00Z');

    // Act
    const result = usCopyrightRestoreDeadlines(receivedAt, defaultPolicy);

    // Assert
    expect(result).toEqual({
      restoreNotBefore: '2026-12-02T05:00:00.000Z',
      restoreBy: '2026-12-08T05:00:00.000Z',
      courtActionDueAt: '2026-12-02T05:00:00.000Z',
    });
  });

  // Each expected instant is counted by hand on the New York calendar: the day of receipt never
  // counts; weekends and 5 U.S.C. 6103 holidays are skipped (2026: Jul 3 observed for Jul 4,
  // Nov 11, Nov 26, Dec 25; 2027: Jan 1, Jan 18); EDT is UTC-4, EST UTC-5.
  it.each([
    // Friday 23:30 EST (already Saturday in UTC); the spring DST change (Mar 8) falls inside.
    [
      'a Friday evening',
      '2026-03-07T04:30:00Z',
      '2026-03-23T04:00:00.000Z',
      '2026-03-27T04:00:00.000Z',
    ],
    [
      'the spring DST Sunday',
      '2026-03-08T17:00:00Z',
      '2026-03-23T04:00:00.000Z',
      '2026-03-27T04:00:00.000Z',
    ],
    [
      'a Saturday before the autumn DST change and Veterans Day',
      '2026-10-31T16:00:00Z',
      '2026-11-17T05:00:00.000Z',
      '2026-11-21T05:00:00.000Z',
    ],
    [
      'the autumn DST Sunday',
      '2026-11-01T17:00:00Z',
      '2026-11-17T05:00:00.000Z',
      '2026-11-21T05:00:00.000Z',
    ],
    [
      'the day before Thanksgiving',
      '2026-11-25T15:00:00Z',
      '2026-12-11T05:00:00.000Z',
      '2026-12-17T05:00:00.000Z',
    ],
    [
      '24 December at 23:30',
      '2026-12-25T04:30:00Z',
      '2027-01-12T05:00:00.000Z',
      '2027-01-16T05:00:00.000Z',
    ],
    [
      '31 December at 23:30',
      '2027-01-01T04:30:00Z',
      '2027-01-19T05:00:00.000Z',
      '2027-01-23T05:00:00.000Z',
    ],
    [
      '3 July 2026 (Independence Day observed)',
      '2026-07-03T16:00:00Z',
      '2026-07-20T04:00:00.000Z',
      '2026-07-24T04:00:00.000Z',
    ],
  ])(
    'for a receipt on %s: the start of the 11th and the end of the 14th business day',
    (_label, receivedAt, notBefore, by) => {
      // Act
      const result = usCopyrightRestoreDeadlines(new Date(receivedAt), defaultPolicy);

      // Assert
      expect(result).toEqual({
        restoreNotBefore: notBefore,
        restoreBy: by,
        courtActionDueAt: notBefore,
      });
    },
  );

  it('skips extra closures the policy lists', () => {
    // Arrange
    const input = policyInput();
    input.profiles.US.copyrightRestore.extraClosures = ['2026-11-27'];
    const policy = parsePolicy(input);

    // Act
    const result = usCopyrightRestoreDeadlines(new Date('2026-11-16T15:00:00Z'), policy);

    // Assert
    expect(result.restoreNotBefore).toBe('2026-12-03T05:00:00.000Z');
  });
});

describe('Function: cnCourtActionDeadline', () => {
  it('ends at 24:00 Beijing time of the 15th day after the forwarding day (Civil Code Arts 201, 203)', () => {
    // Arrange: 10:00 CST on March 1 2026.
    const forwardedAt = new Date('2026-03-01T02:00:00Z');

    // Act
    const result = cnCourtActionDeadline(forwardedAt, defaultPolicy);

    // Assert
    expect(result).toEqual({
      courtActionDueAt: '2026-03-16T16:00:00.000Z',
      restoreNotBefore: '2026-03-16T16:00:00.000Z',
    });
  });

  it('extends a period whose 15th day is in the National Day holiday to the first working day after it', () => {
    // Arrange: accepted for delivery at 10:00 CST on 16 September 2026; the 15th day is 1 October,
    // and 1-7 October 2026 are the National Day holiday.
    const acceptedAt = new Date('2026-09-16T02:00:00Z');

    // Act
    const result = cnCourtActionDeadline(acceptedAt, defaultPolicy);

    // Assert: 24:00 CST on Thursday 8 October.
    expect(result.courtActionDueAt).toBe('2026-10-08T16:00:00.000Z');
  });

  it('does not extend a period whose 15th day is a working day', () => {
    // Arrange: accepted on 30 September 2026; the 15th day is Thursday 15 October.
    const acceptedAt = new Date('2026-09-30T02:00:00Z');

    // Act
    const result = cnCourtActionDeadline(acceptedAt, defaultPolicy);

    // Assert
    expect(result.courtActionDueAt).toBe('2026-10-15T16:00:00.000Z');
  });

  it('refuses a period that ends in a year whose holidays are not published', () => {
    // Arrange: accepted on 20 December 2026; the 15th day is in January 2027.
    const acceptedAt = new Date('2026-12-20T02:00:00Z');

    // Act
    const act = () => cnCourtActionDeadline(acceptedAt, defaultPolicy);

    // Assert
    expect(act).toThrow(CnHolidayDataMissing);
    expect(act).toThrow(/2027/);
  });

  it('computes past the data once the operator adds the newly published year to the policy', () => {
    // Arrange: accepted on 20 December 2026; the 15th day is Monday 4 January 2027, made a
    // holiday in this (made-up) published year, so the period ends on Tuesday 5 January.
    const input = policyInput();
    input.profiles.CN.courtActionWindow.publishedYears = [
      { year: 2027, holidays: ['2027-01-01', '2027-01-04'], workdays: [] },
    ];
    const policy = parsePolicy(input);

    // Act
    const result = cnCourtActionDeadline(new Date('2026-12-20T02:00:00Z'), policy);

    // Assert
    expect(result.courtActionDueAt).toBe('2027-01-05T16:00:00.000Z');
  });

  it('is exactly 15 × 24 h later with elapsed counting', () => {
    // Arrange
    const input = policyInput();
    input.profiles.CN.courtActionWindow.counting = 'elapsed';
    const policy = parsePolicy(input);

    // Act
    const result = cnCourtActionDeadline(new Date('2026-03-01T02:00:00Z'), policy);

    // Assert
    expect(result.courtActionDueAt).toBe('2026-03-16T02:00:00.000Z');
  });
});

describe('Function: deadlinesAfterCounterNotice', () => {
  it('starts the statutory timer for US copyright', () => {
    // Act
    const result = deadlinesAfterCounterNotice(
      {
        jurisdiction: 'US',
        infringementType: 'copyright',
        receivedAt: new Date('2026-11-16T15:00:00Z'),
      },
      defaultPolicy,
    );

    // Assert
    expect(result).toEqual({
      mode: 'statutory_timer',
      deadlines: {
        restoreNotBefore: '2026-12-02T05:00:00.000Z',
        restoreBy: '2026-12-08T05:00:00.000Z',
        courtActionDueAt: '2026-12-02T05:00:00.000Z',
      },
    });
  });

  it('asks for a re-review for a US trademark', () => {
    // Act
    const result = deadlinesAfterCounterNotice(
      { jurisdiction: 'US', infringementType: 'trademark', receivedAt: now },
      defaultPolicy,
    );

    // Assert
    expect(result).toEqual({
      mode: 're_review',
      deadlines: { reReviewDueAt: '2026-03-05T15:00:00.000Z' },
    });
  });

  it('counts CN from the forwarding, not the receipt', () => {
    // Act
    const result = deadlinesAfterCounterNotice(
      {
        jurisdiction: 'CN',
        infringementType: 'patent',
        receivedAt: new Date('2026-02-28T02:00:00Z'),
        forwardedAt: new Date('2026-03-01T02:00:00Z'),
      },
      defaultPolicy,
    );

    // Assert
    expect(result.deadlines.courtActionDueAt).toBe('2026-03-16T16:00:00.000Z');
  });
});

describe('Function: timeoutSecondsUntil', () => {
  it('rounds a partial second up', () => {
    // Act
    const seconds = timeoutSecondsUntil('2026-03-02T15:00:01.200Z', now);

    // Assert
    expect(seconds).toBe(2);
  });

  it('gives 1 for a deadline already passed, the least TimeoutSecondsPath accepts', () => {
    // Act
    const seconds = timeoutSecondsUntil(new Date('2026-03-01T00:00:00Z'), now);

    // Assert
    expect(seconds).toBe(1);
  });

  it('throws a RangeError for text that is not an instant', () => {
    // Act
    const act = () => timeoutSecondsUntil('soon', now);

    // Assert
    expect(act).toThrow(RangeError);
  });
});
