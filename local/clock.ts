/** Node's setTimeout holds at most 2^31-1 ms (about 24.8 days); longer delays fire at once. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

interface Timer {
  id: number;
  dueAt: number;
  fire: () => void;
  /** Set for periodic timers (scheduled jobs). */
  periodMs?: number;
}

/** A handle that cancels a scheduled timer. */
export interface TimerHandle {
  cancel(): void;
}

/**
 * The local cloud's one clock: real time plus an offset that only grows.
 *
 * Every timer of the local cloud (Wait states, task timeouts and heartbeats, retry intervals,
 * scheduled jobs) is scheduled here, so `advance()` can move time forward and fire what falls
 * due, in order. Real time still passes: a single real `setTimeout` is armed for the earliest
 * timer, re-armed in steps when the delay exceeds Node's timer range, so a 30-day timeout never
 * fires early.
 */
export class VirtualClock {
  private offsetMs: number;
  private timers: Timer[] = [];
  private nextId = 1;
  private armed: NodeJS.Timeout | undefined;
  private armedFor = Number.POSITIVE_INFINITY;
  private advancing = false;

  /**
   * @param options.offsetMs a previously reached offset, so a restart never moves time backwards
   * @param options.onOffsetChange called after every advance, to persist the offset
   */
  constructor(
    private readonly options: {
      offsetMs?: number;
      onOffsetChange?: (offsetMs: number) => void;
    } = {},
  ) {
    this.offsetMs = options.offsetMs ?? 0;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Runs `fire` once the clock reaches `dueAt` (ms since epoch). A past `dueAt` fires soon. */
  schedule(dueAt: number, fire: () => void): TimerHandle {
    return this.insert({ id: this.nextId++, dueAt, fire });
  }

  /**
   * Runs `fire` every `periodMs`, from `firstDueAt` on: a scheduled job. Slots that pass with no
   * other timer between them are coalesced: when the clock jumps (an advance, or a machine that
   * slept), the job runs once, at the last slot before the next other timer (or the end of the
   * jump), not once per slot. Scheduled jobs are idempotent sweeps over "is it due by now?", so
   * this has the same effect, and a 365-day advance does not run a 5-minute job 105,120 times.
   */
  scheduleEvery(firstDueAt: number, periodMs: number, fire: () => void): TimerHandle {
    if (!(periodMs > 0)) throw new RangeError('period must be positive');
    let current: Timer = { id: this.nextId++, dueAt: firstDueAt, periodMs, fire: () => undefined };
    let cancelled = false;
    current.fire = () => {
      if (cancelled) return;
      current = { ...current, id: this.nextId++, dueAt: current.dueAt + periodMs };
      this.insert(current);
      fire();
    };
    this.insert(current);
    return {
      cancel: () => {
        cancelled = true;
        this.remove(current);
      },
    };
  }

  private insert(timer: Timer): TimerHandle {
    const index = this.timers.findIndex((t) => t.dueAt > timer.dueAt);
    if (index === -1) this.timers.push(timer);
    else this.timers.splice(index, 0, timer);
    this.arm();
    return { cancel: () => this.remove(timer) };
  }

  private remove(timer: Timer): void {
    const i = this.timers.indexOf(timer);
    if (i !== -1) this.timers.splice(i, 1);
    this.arm();
  }

  /** Moves a periodic timer to its last slot at or before `horizon`. */
  private coalesce(timer: Timer, horizon: number): void {
    if (!timer.periodMs || timer.dueAt >= horizon) return;
    const skipped = Math.floor((horizon - timer.dueAt) / timer.periodMs);
    timer.dueAt += skipped * timer.periodMs;
  }

  /** The earliest due time of a non-periodic timer, or `limit`. */
  private nextOneShot(limit: number): number {
    const oneShot = this.timers.find((t) => !t.periodMs);
    return oneShot ? Math.min(oneShot.dueAt, limit) : limit;
  }

  /** The number of timers waiting. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /**
   * Moves time forward by `ms`. Each timer due within the window fires in due order, with the
   * clock set to its due time, and `settle()` is awaited after each, so work that a timer starts
   * (and timers that work schedules inside the window) completes before the next one fires.
   */
  async advance(ms: number, settle: () => Promise<void>): Promise<number> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    while (this.advancing) await settle();
    this.advancing = true;
    try {
      const target = this.now() + ms;
      await settle();
      for (;;) {
        const next = this.timers[0];
        if (!next || next.dueAt > target) break;
        this.coalesce(next, this.nextOneShot(target));
        this.moveTo(next.dueAt);
        this.timers.shift();
        next.fire();
        await settle();
      }
      this.moveTo(target);
      this.arm();
      await settle();
      return this.now();
    } finally {
      this.advancing = false;
    }
  }

  /** Cancels every timer (for shutdown). */
  stop(): void {
    this.timers = [];
    if (this.armed) clearTimeout(this.armed);
    this.armed = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  private moveTo(instant: number): void {
    const delta = instant - this.now();
    if (delta > 0) {
      this.offsetMs += delta;
      this.options.onOffsetChange?.(this.offsetMs);
    }
  }

  private arm(): void {
    const first = this.timers[0];
    if (!first) {
      if (this.armed) clearTimeout(this.armed);
      this.armed = undefined;
      this.armedFor = Number.POSITIVE_INFINITY;
      return;
    }
    if (this.armed && this.armedFor === first.dueAt) return;
    if (this.armed) clearTimeout(this.armed);
    const delay = Math.min(Math.max(first.dueAt - this.now(), 0), MAX_TIMER_DELAY_MS);
    this.armedFor = first.dueAt;
    this.armed = setTimeout(() => this.fireDue(), delay);
    this.armed.unref();
  }

  private fireDue(): void {
    this.armed = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
    if (this.advancing) return;
    const now = this.now();
    while (this.timers[0] && this.timers[0].dueAt <= now) {
      const timer = this.timers.shift()!;
      this.coalesce(timer, this.nextOneShot(now));
      timer.fire();
    }
    this.arm();
  }
}
