import { describe, expect, it } from 'vitest';
import { audienceForCountry, resolveAudience } from '../../../functions/domain/locale.ts';
import { formatInstant } from '../../../functions/messages/format.ts';

describe('Function: formatInstant', () => {
  it('shows a deadline in New York time with the UTC instant beside it (winter, EST)', () => {
    // Act
    const text = formatInstant('2026-12-15T23:00:00.000Z', {
      locale: 'en',
      timeZone: 'America/New_York',
    });

    // Assert
    expect(text).toBe(
      'Tue, December 15, 2026 at 18:00 EST (America/New_York; 2026-12-15 23:00 UTC)',
    );
  });

  it('follows daylight saving time (summer, EDT)', () => {
    // Act
    const text = formatInstant('2026-07-01T16:00:00.000Z', {
      locale: 'en',
      timeZone: 'America/New_York',
    });

    // Assert
    expect(text).toContain('12:00 EDT');
    expect(text).toContain('2026-07-01 16:00 UTC');
  });

  it('shows a deadline in Beijing time, in Chinese, on the next calendar day', () => {
    // Act
    const text = formatInstant('2026-12-15T23:00:00.000Z', {
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });

    // Assert
    expect(text).toContain('2026年12月16日');
    expect(text).toContain('07:00');
    expect(text).toContain('（Asia/Shanghai；2026-12-15 23:00 UTC）');
  });

  it('refuses what is not an instant', () => {
    // Act / Assert
    expect(() => formatInstant('not-a-date', { locale: 'en', timeZone: 'UTC' })).toThrow(
      RangeError,
    );
  });
});

describe('Function: audienceForCountry', () => {
  it.each([
    ['CN', 'zh-CN', 'Asia/Shanghai'],
    ['US', 'en', 'America/New_York'],
    ['DE', 'en', 'Europe/Berlin'],
    ['FR', 'en', 'Europe/Paris'],
    ['IE', 'en', 'Europe/Dublin'],
    ['JP', 'en', 'UTC'],
  ])('gives a party from %s %s in %s', (country, locale, timeZone) => {
    // Act / Assert
    expect(audienceForCountry(country)).toEqual({ locale, timeZone });
  });
});

describe('Function: resolveAudience', () => {
  it('keeps what the party chose and falls back field by field for what is invalid', () => {
    // Act
    const audience = resolveAudience(
      { locale: 'zh-CN', timeZone: 'Nowhere/Atlantis' },
      { locale: 'en', timeZone: 'Europe/Berlin' },
    );

    // Assert
    expect(audience).toEqual({ locale: 'zh-CN', timeZone: 'Europe/Berlin' });
  });
});
