import type { Clock } from '../domain/ports/clock.ts';

const TIME_SOURCE = Symbol.for('takedown.timeSource');

/**
 * The clock every handler reads. In AWS it is the system clock. The local cloud, which runs the
 * handlers in-process, registers its controllable clock under a global symbol, so a 15-day window
 * passes in milliseconds for the handlers as it does for the engine's timers.
 */
export const clock: Clock = {
  now: () => {
    const source = (globalThis as { [TIME_SOURCE]?: () => number })[TIME_SOURCE];
    return new Date(source ? source() : Date.now());
  },
};

/** Points `clock` at another time source (the local cloud's clock). */
export function installTimeSource(source: (() => number) | undefined): void {
  (globalThis as { [TIME_SOURCE]?: () => number })[TIME_SOURCE] = source;
}
