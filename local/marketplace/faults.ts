import { z } from 'zod';

/** How the demo marketplace's port API misbehaves, for fault tests and demos. */
export interface FaultSettings {
  /** Each call fails with this probability, 0..1. */
  failureRate: number;
  /** Exactly this many next calls fail, before the random rate applies. */
  failNext: number;
}

export const faultSettingsSchema = z.strictObject({
  failureRate: z.number().min(0).max(1).optional(),
  failNext: z.int().min(0).max(1_000_000).optional(),
});

/** Decides, call by call, whether the port API answers 503. */
export class FaultInjector {
  #settings: FaultSettings = { failureRate: 0, failNext: 0 };

  constructor(private readonly random: () => number = Math.random) {}

  /** Sets the fields given and keeps the others; returns the settings now in force. */
  set(update: Partial<FaultSettings>): FaultSettings {
    this.#settings = { ...this.#settings, ...stripUndefined(update) };
    return this.current();
  }

  current(): FaultSettings {
    return { ...this.#settings };
  }

  /** Consumes one call: true when this call must fail. */
  shouldFail(): boolean {
    if (this.#settings.failNext > 0) {
      this.#settings.failNext -= 1;
      return true;
    }
    return this.#settings.failureRate > 0 && this.random() < this.#settings.failureRate;
  }
}

function stripUndefined(update: Partial<FaultSettings>): Partial<FaultSettings> {
  return Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
}
