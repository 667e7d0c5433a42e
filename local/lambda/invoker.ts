import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withTimeout } from './timeout.ts';

/** A function the local cloud can invoke, as Lambda would. */
export interface LocalFunctionDefinition {
  /** The function's name; its local ARN ends with it. */
  functionName: string;
  /** Module path relative to the repository root. */
  handler: string;
  /** @default 'handler' */
  exportName?: string;
  /** @default 30 */
  timeoutSeconds?: number;
}

/** The error a failed invocation reports, shaped like Lambda's function error payload. */
export class LambdaFunctionError extends Error {
  constructor(
    readonly errorType: string,
    readonly errorMessage: string,
    readonly trace: string[] = [],
  ) {
    super(errorMessage);
    this.name = errorType;
  }
}

type Handler = (event: unknown, context: unknown) => unknown;

/**
 * Invokes handler modules in-process, as Lambda would: the event and the result cross a JSON
 * boundary, each call gets a Lambda-like context, and a thrown error becomes a function error
 * with `errorType` and `errorMessage`.
 */
export class LocalLambda {
  private readonly byName = new Map<string, LocalFunctionDefinition>();
  private readonly loaded = new Map<string, Promise<Handler>>();
  private active = 0;
  /** Per function: invocations running, and those waiting for a slot. */
  private readonly slots = new Map<string, { active: number; waiting: (() => void)[] }>();

  /**
   * @param options.concurrency how many invocations of one function run at once (default 16, or
   *   `LOCAL_LAMBDA_CONCURRENCY`): like a function's reserved concurrency, it keeps a burst (a
   *   10,000-listing fan-out starting 10,000 screenings) from running thousands of handlers at
   *   once on a laptop's cores, where each would time out, and keeps one function's burst from
   *   starving the others (the fan-out's own batches). Invocations beyond it wait their turn; a
   *   function's timeout counts from when it starts, as Lambda's does.
   * @param options.priority functions that go first on the shared cores: while one of them runs,
   *   every other function runs at most `background` invocations at once (default 2). In AWS a
   *   bulk notice's fan-out (start-bulk-cases) and the screenings of the cases it has started run
   *   on separate Lambda capacity; locally they share two cores and one DynamoDB Local, whose
   *   writes run one at a time, so the screenings wait (started, their first task queued, as
   *   under Lambda throttling) until the fan-out has started every case.
   */
  constructor(
    private readonly options: {
      rootDir: string;
      region: string;
      accountId: string;
      concurrency?: number;
      priority?: readonly string[];
      background?: number;
    },
    functions: readonly LocalFunctionDefinition[] = [],
  ) {
    for (const fn of functions) this.register(fn);
  }

  private get limit(): number {
    return this.options.concurrency ?? (Number(process.env.LOCAL_LAMBDA_CONCURRENCY) || 16);
  }

  private isPriority(functionName: string): boolean {
    return this.options.priority?.includes(functionName) ?? false;
  }

  /** The invocations `functionName` may run at once now (see `priority`). */
  private limitOf(functionName: string): number {
    if (this.isPriority(functionName)) return this.limit;
    const priorityRunning = [...this.slots].some(
      ([name, slot]) => slot.active > 0 && this.isPriority(name),
    );
    return priorityRunning ? Math.min(this.limit, this.options.background ?? 2) : this.limit;
  }

  private async acquire(functionName: string): Promise<void> {
    let slot = this.slots.get(functionName);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.slots.set(functionName, slot);
    }
    this.active++;
    const granted = new Promise<void>((resolve) => slot.waiting.push(resolve));
    this.grant();
    await granted;
  }

  private release(functionName: string): void {
    this.slots.get(functionName)!.active--;
    this.active--;
    this.grant();
  }

  /** Hands free slots to waiting invocations, in order, each function within its limit. */
  private grant(): void {
    for (const [name, slot] of this.slots) {
      while (slot.waiting.length > 0 && slot.active < this.limitOf(name)) {
        slot.active++;
        slot.waiting.shift()!();
      }
    }
  }

  register(fn: LocalFunctionDefinition): string {
    this.byName.set(fn.functionName, fn);
    return this.arnOf(fn.functionName);
  }

  arnOf(functionName: string): string {
    return `arn:aws:lambda:${this.options.region}:${this.options.accountId}:function:${functionName}`;
  }

  /** Resolves a function name, a function ARN, or a qualified ARN to its definition. */
  find(nameOrArn: string): LocalFunctionDefinition | undefined {
    const match = /^arn:aws:lambda:[^:]*:[^:]*:function:([^:]+)(?::.+)?$/.exec(nameOrArn);
    return this.byName.get(match ? match[1]! : nameOrArn);
  }

  /** The number of invocations running now. */
  get running(): number {
    return this.active;
  }

  /** Invokes a function with `event` and returns its JSON result, or throws LambdaFunctionError. */
  async invoke(nameOrArn: string, event: unknown): Promise<unknown> {
    const fn = this.find(nameOrArn);
    if (!fn) {
      throw new LambdaFunctionError(
        'Lambda.ResourceNotFoundException',
        `Function not found: ${nameOrArn}`,
      );
    }
    const handler = await this.load(fn);
    const payload = event === undefined ? null : JSON.parse(JSON.stringify(event));
    await this.acquire(fn.functionName);
    const deadline = Date.now() + (fn.timeoutSeconds ?? 30) * 1000;
    const context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: fn.functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: this.arnOf(fn.functionName),
      memoryLimitInMB: '1024',
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${fn.functionName}`,
      logStreamName: 'local',
      getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
    try {
      const result = await withTimeout(fn.timeoutSeconds ?? 30, async () =>
        handler(payload, context),
      );
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } catch (error) {
      if (error instanceof LambdaFunctionError) throw error;
      const err = error instanceof Error ? error : new Error(String(error));
      throw new LambdaFunctionError(
        err.name || 'Error',
        err.message,
        (err.stack ?? '').split('\n').slice(1, 6),
      );
    } finally {
      this.release(fn.functionName);
    }
  }

  private load(fn: LocalFunctionDefinition): Promise<Handler> {
    const key = `${fn.handler}#${fn.exportName ?? 'handler'}`;
    let pending = this.loaded.get(key);
    if (!pending) {
      pending = import(pathToFileURL(resolve(this.options.rootDir, fn.handler)).href).then(
        (mod) => {
          const handler = mod[fn.exportName ?? 'handler'];
          if (typeof handler !== 'function') {
            throw new Error(`${fn.handler} has no exported function ${fn.exportName ?? 'handler'}`);
          }
          return handler as Handler;
        },
      );
      pending.catch(() => this.loaded.delete(key));
      this.loaded.set(key, pending);
    }
    return pending;
  }
}
