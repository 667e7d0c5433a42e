import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../local/clock.ts';
import { parseDurationMs } from '../../local/duration.ts';

const DAY = 86_400_000;
const settle = () => Promise.resolve();

describe('Class: VirtualClock', () => {
  it('fires due timers in due order, each at its own due time, and none beyond the window', async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const fired: [string, number][] = [];
    clock.schedule(start + 3 * DAY, () => fired.push(['c', clock.now() - start]));
    clock.schedule(start + DAY, () => fired.push(['a', clock.now() - start]));
    clock.schedule(start + 2 * DAY, () => fired.push(['b', clock.now() - start]));
    clock.schedule(start + 20 * DAY, () => fired.push(['late', clock.now() - start]));
    await clock.advance(15 * DAY, settle);
    expect(fired.map(([name]) => name)).toEqual(['a', 'b', 'c']);
    fired.forEach(([, at], i) => {
      expect(at).toBeGreaterThanOrEqual((i + 1) * DAY);
      expect(at).toBeLessThan((i + 1) * DAY + 1000);
    });
    expect(clock.pendingTimers).toBe(1);
    clock.stop();
  });

  it('fires a timer that fired work schedules inside the window', async () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.schedule(clock.now() + DAY, () => {
      fired.push('first');
      clock.schedule(clock.now() + DAY, () => fired.push('second'));
    });
    await clock.advance(3 * DAY, settle);
    expect(fired).toEqual(['first', 'second']);
    clock.stop();
  });

  it('does not fire a 30-day timer at once (beyond Node timer range) and cancels cleanly', async () => {
    const clock = new VirtualClock();
    let fired = false;
    const handle = clock.schedule(clock.now() + 30 * DAY, () => {
      fired = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toBe(false);
    handle.cancel();
    await clock.advance(31 * DAY, settle);
    expect(fired).toBe(false);
    clock.stop();
  });

  it('never moves backwards, and reports its offset for persistence', async () => {
    const offsets: number[] = [];
    const clock = new VirtualClock({ offsetMs: DAY, onOffsetChange: (o) => offsets.push(o) });
    expect(clock.now()).toBeGreaterThanOrEqual(Date.now() + DAY - 5);
    await expect(clock.advance(-1, settle)).rejects.toThrow(RangeError);
    await clock.advance(DAY, settle);
    expect(offsets.at(-1)).toBeGreaterThanOrEqual(2 * DAY - 5);
    clock.stop();
  });
});

describe('Function: parseDurationMs', () => {
  it.each([
    ['P15D', 15 * DAY],
    ['PT36H', 36 * 3_600_000],
    ['P1W', 7 * DAY],
    ['P1DT12H30M', DAY + 12.5 * 3_600_000],
    ['PT0.5S', 500],
  ])('parses %s', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each(['P1M', 'P1Y', '15 days', 'P', 'PT', ''])('refuses %j', (text) => {
    expect(() => parseDurationMs(text)).toThrow(RangeError);
  });
});
