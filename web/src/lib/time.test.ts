import { describe, expect, it } from 'vitest';
import { countdown, formatDateTime } from './time.ts';

describe('Function: formatDateTime', () => {
  it('formats an instant in both languages with its time zone, without throwing', () => {
    for (const language of ['en', 'zh-CN']) {
      const text = formatDateTime('2026-12-01T14:05:00Z', language);
      expect(text).toMatch(/2026/);
      expect(text).toMatch(/UTC|GMT|[A-Z]{2,4}|\+/);
    }
  });

  it('leaves an unreadable value as it came, and nothing as nothing', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
    expect(formatDateTime(undefined, 'en')).toBe('');
  });
});

describe('Function: countdown', () => {
  const due = '2026-12-02T12:00:00Z';
  const at = (iso: string) => new Date(iso).getTime();

  it('counts days and hours while more than a day is left', () => {
    const left = countdown(due, at('2026-11-30T09:30:00Z'), 'en');
    expect(left).toMatchObject({ overdue: false, minutes: 3030 });
    expect(left.text).toMatch(/2\s?d.*2\s?h/);
  });

  it('counts hours and minutes, then minutes, as the deadline nears', () => {
    expect(countdown(due, at('2026-12-02T09:15:00Z'), 'en').text).toMatch(/2\s?h.*45\s?m/);
    expect(countdown(due, at('2026-12-02T11:50:00Z'), 'en').text).toMatch(/^10\s?m/);
  });

  it('marks a past deadline overdue, counting how long ago', () => {
    const late = countdown(due, at('2026-12-02T15:00:00Z'), 'en');
    expect(late).toMatchObject({ overdue: true, minutes: -180 });
    expect(late.text).toMatch(/3\s?h/);
  });
});
