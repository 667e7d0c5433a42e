import { describe, expect, it } from 'vitest';
import { formatCivilDate } from '../../../../functions/domain/calendar/civil-date.ts';
import {
  addUsBusinessDays,
  endOfUsBusinessDay,
  isUsBusinessDate,
  isUsBusinessDay,
  nthUsBusinessDate,
} from '../../../../functions/domain/calendar/us-business-days.ts';

const day = (text: string) => {
  const [year, month, date] = text.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: date ?? 0 };
};
const nth = (receivedAt: string, n: number, extraClosures: string[] = []) =>
  formatCivilDate(nthUsBusinessDate(new Date(receivedAt), n, { extraClosures }));

describe('Function: isUsBusinessDate', () => {
  it.each([
    ['2026-03-07', 'a Saturday'],
    ['2026-03-08', 'a Sunday'],
    ['2026-07-03', 'Independence Day observed'],
    ['2026-06-19', 'Juneteenth'],
    ['2021-06-18', 'Juneteenth 2021 observed'],
    ['2027-12-24', 'Christmas 2027 observed'],
    ['2027-12-31', 'New Year 2028 observed'],
    ['2026-11-26', 'Thanksgiving'],
  ])('is false on %s (%s)', (date) => {
    // Act
    const result = isUsBusinessDate(day(date));

    // Assert
    expect(result).toBe(false);
  });

  it('is true on an ordinary weekday', () => {
    // Act
    const result = isUsBusinessDate(day('2026-03-04'));

    // Assert
    expect(result).toBe(true);
  });

  it('is true on Inauguration Day, a holiday only in the Washington, D.C. area (Thursday January 20 2033)', () => {
    // Act
    const result = isUsBusinessDate(day('2033-01-20'));

    // Assert
    expect(result).toBe(true);
  });

  it('is false on an extra closure the policy lists', () => {
    // Act
    const result = isUsBusinessDate(day('2025-12-24'), { extraClosures: ['2025-12-24'] });

    // Assert
    expect(result).toBe(false);
  });
});

describe('Function: isUsBusinessDay', () => {
  it('reads the New York date: 22:00 EDT on July 3 2026 is the observed holiday although UTC says July 4', () => {
    // Act
    const result = isUsBusinessDay(new Date('2026-07-04T02:00:00Z'));

    // Assert
    expect(result).toBe(false);
  });

  it('is true from 00:00 New York on Monday July 6 2026', () => {
    // Act
    const result = isUsBusinessDay(new Date('2026-07-06T04:00:00Z'));

    // Assert
    expect(result).toBe(true);
  });
});

describe('Function: nthUsBusinessDate', () => {
  it('does not count the day of receipt when the counter-notice arrives on a business day', () => {
    // Act
    const first = nth('2026-03-02T15:00:00Z', 1);

    // Assert
    expect(first).toBe('2026-03-03');
  });

  it('skips the weekend when the counter-notice arrives on a Friday', () => {
    // Act
    const first = nth('2026-03-06T15:00:00Z', 1);

    // Assert
    expect(first).toBe('2026-03-09');
  });

  it('starts counting on Monday when the counter-notice arrives on a Saturday', () => {
    // Act
    const first = nth('2026-03-07T15:00:00Z', 1);

    // Assert
    expect(first).toBe('2026-03-09');
  });

  it('skips the observed Friday July 3 2026', () => {
    // Act
    const second = nth('2026-07-01T15:00:00Z', 2);

    // Assert
    expect(second).toBe('2026-07-06');
  });

  it('counts from the New York date when a late-evening receipt is already the next day in UTC', () => {
    // Arrange: 23:30 EST on Tuesday March 3 2026 is 04:30Z on Wednesday March 4.
    const receivedAt = '2026-03-04T04:30:00Z';

    // Act
    const first = nth(receivedAt, 1);

    // Assert
    expect(first).toBe('2026-03-04');
  });

  it('crosses the year end past Christmas and New Year observed on December 24 and 31 2027', () => {
    // Act
    const tenth = nth('2027-12-22T15:00:00Z', 10);

    // Assert
    expect(tenth).toBe('2028-01-07');
  });

  it('skips Thanksgiving inside a 10-business-day window', () => {
    // Act
    const tenth = nth('2026-11-16T15:00:00Z', 10);

    // Assert
    expect(tenth).toBe('2026-12-01');
  });

  it('skips extra closures the policy lists', () => {
    // Act
    const second = nth('2025-12-22T15:00:00Z', 2, ['2025-12-24', '2025-12-26']);

    // Assert
    expect(second).toBe('2025-12-29');
  });

  it.each([0, -1, 1.5])('throws a RangeError for a count of %s', (n) => {
    // Act
    const act = () => nthUsBusinessDate(new Date('2026-03-02T15:00:00Z'), n);

    // Assert
    expect(act).toThrow(RangeError);
  });
});

describe('Function: addUsBusinessDays', () => {
  it('returns 00:00 America/New_York (EST, UTC-5) of the n-th business day as a UTC instant', () => {
    // Act
    const start = addUsBusinessDays(new Date('2026-03-02T15:00:00Z'), 1);

    // Assert
    expect(start.toISOString()).toBe('2026-03-03T05:00:00.000Z');
  });

  it('uses the EDT offset (UTC-4) for a day after the March 8 2026 spring-forward', () => {
    // Act
    const start = addUsBusinessDays(new Date('2026-03-06T15:00:00Z'), 1);

    // Assert
    expect(start.toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('uses the EST offset (UTC-5) for a day after the November 1 2026 fall-back', () => {
    // Act
    const start = addUsBusinessDays(new Date('2026-10-30T15:00:00Z'), 1);

    // Assert
    expect(start.toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('returns an instant only 30 minutes after a 23:30 New York receipt for the first business day', () => {
    // Act
    const start = addUsBusinessDays(new Date('2026-03-04T04:30:00Z'), 1);

    // Assert
    expect(start.toISOString()).toBe('2026-03-04T05:00:00.000Z');
  });
});

describe('Function: endOfUsBusinessDay', () => {
  it('returns 00:00 New York of the calendar day after the n-th business day', () => {
    // Act
    const end = endOfUsBusinessDay(new Date('2026-11-16T15:00:00Z'), 14);

    // Assert
    expect(end.toISOString()).toBe('2026-12-08T05:00:00.000Z');
  });
});
