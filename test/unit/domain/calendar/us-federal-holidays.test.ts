import { describe, expect, it } from 'vitest';
import { formatCivilDate } from '../../../../functions/domain/calendar/civil-date.ts';
import {
  observedUsFederalHolidays,
  usFederalHolidays,
} from '../../../../functions/domain/calendar/us-federal-holidays.ts';

const observedIn = (year: number) => [...observedUsFederalHolidays(year).keys()].sort();

describe('Function: usFederalHolidays', () => {
  it('lists the eleven legal public holidays of 5 U.S.C. 6103(a) on their 2026 dates', () => {
    // Act
    const holidays = usFederalHolidays(2026).map((h) => formatCivilDate(h.date));

    // Assert
    expect(holidays).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-04',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('leaves Juneteenth out before 2021, when it became a legal public holiday', () => {
    // Act
    const names = usFederalHolidays(2020).map((h) => h.name);

    // Assert
    expect(names.some((name) => name.startsWith('Juneteenth'))).toBe(false);
  });
});

describe('Function: observedUsFederalHolidays', () => {
  it('observes a Saturday holiday on the Friday before when July 4 2026 is a Saturday', () => {
    // Act
    const observed = observedIn(2026);

    // Assert
    expect(observed).toContain('2026-07-03');
    expect(observed).not.toContain('2026-07-04');
  });

  it('observes a Sunday holiday on the Monday after when July 4 2027 is a Sunday', () => {
    // Act
    const observed = observedIn(2027);

    // Assert
    expect(observed).toContain('2027-07-05');
  });

  it('observes Christmas 2027 (a Saturday) on Friday December 24', () => {
    // Act
    const observed = observedIn(2027);

    // Assert
    expect(observed).toContain('2027-12-24');
  });

  it('observes New Year 2028 (a Saturday) on Friday December 31 2027 of the previous year', () => {
    // Act
    const observed2027 = observedIn(2027);
    const observed2028 = observedIn(2028);

    // Assert
    expect(observed2027).toContain('2027-12-31');
    expect(observed2028.filter((date) => date.startsWith('2028-01-0'))).toEqual([]);
  });

  it('observes Juneteenth 2027 (a Saturday) on Friday June 18', () => {
    // Act
    const observed = observedIn(2027);

    // Assert
    expect(observed).toContain('2027-06-18');
  });

  it('excludes Inauguration Day (5 U.S.C. 6103(c)) when January 20 2033 is a Thursday', () => {
    // Act
    const observed = observedIn(2033);

    // Assert
    expect(observed).not.toContain('2033-01-20');
  });
});
