import { describe, expect, it } from 'vitest';
import {
  addCivilDays,
  civilDateIn,
  formatCivilDate,
  parseCivilDate,
  startOfCivilDay,
} from '../../../../functions/domain/calendar/civil-date.ts';

describe('Function: civilDateIn', () => {
  it('gives the New York date of an instant that is already the next day in UTC', () => {
    // Act
    const date = civilDateIn(new Date('2026-01-01T03:00:00Z'), 'America/New_York');

    // Assert
    expect(formatCivilDate(date)).toBe('2025-12-31');
  });
});

describe('Function: startOfCivilDay', () => {
  it('returns midnight New York on the day clocks spring forward (still EST at 00:00)', () => {
    // Act
    const start = startOfCivilDay({ year: 2026, month: 3, day: 8 }, 'America/New_York');

    // Assert
    expect(start.toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });

  it('returns midnight New York on the day clocks fall back (still EDT at 00:00)', () => {
    // Act
    const start = startOfCivilDay({ year: 2026, month: 11, day: 1 }, 'America/New_York');

    // Assert
    expect(start.toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });
});

describe('Function: addCivilDays', () => {
  it('rolls over the end of a leap February', () => {
    // Act
    const date = addCivilDays({ year: 2028, month: 2, day: 28 }, 2);

    // Assert
    expect(formatCivilDate(date)).toBe('2028-03-01');
  });
});

describe('Function: parseCivilDate', () => {
  it('throws a RangeError for a date that does not exist', () => {
    // Act
    const act = () => parseCivilDate('2026-02-30');

    // Assert
    expect(act).toThrow(RangeError);
  });

  it('parses a real date', () => {
    // Act
    const date = parseCivilDate('2026-02-28');

    // Assert
    expect(date).toEqual({ year: 2026, month: 2, day: 28 });
  });
});
