import { describe, expect, it } from 'vitest';
import {
  addDuration,
  durationSeconds,
  parseDurationSeconds,
} from '../../../functions/domain/duration.ts';

describe('Function: parseDurationSeconds', () => {
  it.each([
    ['PT24H', 86_400],
    ['P7D', 604_800],
    ['P2W', 1_209_600],
    ['P1DT12H30M15S', 131_415],
  ])('reads %s as %i seconds', (text, seconds) => {
    // Act
    const result = parseDurationSeconds(text);

    // Assert
    expect(result).toBe(seconds);
  });

  it.each(['P1Y', 'P1M', 'P', 'PT', 'PT0S', '24h', ''])('refuses %j', (text) => {
    // Act
    const result = parseDurationSeconds(text);

    // Assert
    expect(result).toBeUndefined();
  });
});

describe('Function: durationSeconds', () => {
  it('throws a RangeError for a text that is not a duration', () => {
    // Act
    const act = () => durationSeconds('P1M');

    // Assert
    expect(act).toThrow(RangeError);
  });
});

describe('Function: addDuration', () => {
  it('adds elapsed time: a day is 24 hours even across a DST change', () => {
    // Act
    const later = addDuration(new Date('2026-03-07T12:00:00Z'), 'P1D');

    // Assert
    expect(later.toISOString()).toBe('2026-03-08T12:00:00.000Z');
  });
});
