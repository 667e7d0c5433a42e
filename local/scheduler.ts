import { randomUUID } from 'node:crypto';
import type { ScheduledJob } from '../functions/tasks.ts';
import type { TimerHandle, VirtualClock } from './clock.ts';
import type { LocalLambda } from './lambda/invoker.ts';

/**
 * Runs the scheduled jobs of the task table on the local clock, as EventBridge schedules run them
 * in AWS: each job's function gets a "Scheduled Event" every `everyMinutes`. Jumps of the clock
 * coalesce missed slots (see VirtualClock.scheduleEvery).
 */
export class LocalScheduler {
  private handles: TimerHandle[] = [];
  private running = 0;
  private idle: (() => void)[] = [];

  constructor(
    private readonly options: {
      clock: VirtualClock;
      lambda: LocalLambda;
      jobs: readonly ScheduledJob[];
      region: string;
      accountId: string;
    },
  ) {
    for (const job of options.jobs) {
      options.lambda.register({
        functionName: job.functionName,
        handler: job.handler,
        exportName: job.exportName,
        timeoutSeconds: job.timeoutSeconds ?? 60,
      });
    }
  }

  start(): void {
    const { clock } = this.options;
    for (const job of this.options.jobs) {
      const period = job.everyMinutes * 60_000;
      this.handles.push(
        clock.scheduleEvery(clock.now() + period, period, () => void this.run(job)),
      );
    }
  }

  /** Runs a job now (tests and operators); resolves when its function returns. */
  async run(job: ScheduledJob): Promise<void> {
    this.running++;
    try {
      await this.options.lambda.invoke(job.functionName, {
        version: '0',
        id: randomUUID(),
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: this.options.accountId,
        time: new Date(this.options.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        region: this.options.region,
        resources: [
          `arn:aws:events:${this.options.region}:${this.options.accountId}:rule/${job.name}`,
        ],
        detail: {},
      });
    } catch (error) {
      console.error(`local scheduler: job ${job.name} failed`, error);
    } finally {
      this.running--;
      if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** Resolves once no job is running. */
  settled(): Promise<void> {
    return this.running === 0
      ? Promise.resolve()
      : new Promise((resolve) => this.idle.push(resolve));
  }

  stop(): void {
    for (const handle of this.handles) handle.cancel();
    this.handles = [];
  }
}
