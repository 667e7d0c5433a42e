import { describe, expect, it } from 'vitest';
import { endOfCnCalendarPeriod } from '../../../../functions/domain/calendar/cn-calendar-days.ts';

describe('Function: endOfCnCalendarPeriod', () => {
  it('ends at 24:00 Beijing time of the 15th day, not counting the day of forwarding', () => {
    // Arrange: 10:00 CST on March 1 2026.
    const forwardedAt = new Date('2026-03-01T02:00:00Z');

    // Act
    const end = endOfCnCalendarPeriod(forwardedAt, 15);

    // Assert: 00:00 CST on March 17 = 16:00Z on March 16.
    expect(end.toISOString()).toBe('2026-03-16T16:00:00.000Z');
  });

  it('counts from the Beijing date when the forwarding is already the next day in China', () => {
    // Arrange: 20:00Z on March 1 is 04:00 CST on March 2.
    const forwardedAt = new Date('2026-03-01T20:00:00Z');

    // Act
    const end = endOfCnCalendarPeriod(forwardedAt, 15);

    // Assert
    expect(end.toISOString()).toBe('2026-03-17T16:00:00.000Z');
  });

  it('moves a last day that is a listed statutory holiday to the day after the holidays', () => {
    // Act
    const end = endOfCnCalendarPeriod(new Date('2026-03-01T02:00:00Z'), 15, [
      '2026-03-16',
      '2026-03-17',
    ]);

    // Assert
    expect(end.toISOString()).toBe('2026-03-18T16:00:00.000Z');
  });

  it('throws a RangeError for a period of zero days', () => {
    // Act
    const act = () => endOfCnCalendarPeriod(new Date('2026-03-01T02:00:00Z'), 0);

    // Assert
    expect(act).toThrow(RangeError);
  });
});
