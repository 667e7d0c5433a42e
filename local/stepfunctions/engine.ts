import { createHash, randomBytes } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import { parse as parseCsv } from 'csv-parse/sync';
import type { TimerHandle, VirtualClock } from '../clock.ts';
import type { LocalLambda } from '../lambda/invoker.ts';
import { LambdaFunctionError } from '../lambda/invoker.ts';
import {
  type PreparedDefinition,
  prepareDefinition,
  type Retrier,
  type StateSpec,
  substitute,
  TASK_TOKEN_SENTINEL,
} from './definition.ts';
import { SfnApiError } from './errors.ts';
import { appendEvent, asJson, type HistoryEvent } from './history.ts';

/** Step Functions' quota of events in one execution's history. */
export const HISTORY_LIMIT = 25_000;
/** The largest task result, execution input or callback output Step Functions accepts. */
const PAYLOAD_LIMIT_BYTES = 262_144;
/** A Standard execution's maximum duration: one year. */
const MAX_DURATION_MS = 365 * 86_400_000;

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** What an execution waits for while it is suspended. */
export type PendingWait =
  | {
      kind: 'token';
      state: string;
      token: string;
      dueAt?: number;
      heartbeatSeconds?: number;
      heartbeatDueAt?: number;
    }
  | { kind: 'wait'; state: string; dueAt: number }
  | { kind: 'retry'; state: string; dueAt: number };

/** An execution, as persisted: plain JSON, so a store can write it at every state boundary. */
export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  /** Execution-level TimeoutSeconds, as an instant on the local clock. */
  timeoutAt?: number;
  /** The top-level state the execution is in (or waits in), with that state's raw input. */
  cursor?: { state: string; input: JsonValue };
  pending?: PendingWait;
  /** Attempts per retrier of the state being run, for its current visit. */
  retries: Record<string, number[]>;
  history: HistoryEvent[];
  /** The definition version it started on, and keeps to its end, across restarts and deploys. */
  definitionVersion?: string;
}

/** A task token's target. Closed tokens are kept, so a late callback gets TaskTimedOut. */
export interface TokenRecord {
  executionArn: string;
  state: string;
  closed: boolean;
}

/** Where executions and tokens are kept. The default keeps them in memory. */
export interface ExecutionStore {
  saveExecution(record: ExecutionRecord): void;
  saveToken(token: string, record: TokenRecord): void;
  /** Keeps a definition version (its substituted ASL) while executions may run on it. */
  saveDefinition?(version: string, aslText: string): void;
  loadDefinition?(version: string): string | undefined;
}

interface StateMachineEntry {
  arn: string;
  name: string;
  /** The definition version: a hash of the substituted ASL, as a published version on AWS. */
  version: string;
  prepared: PreparedDefinition;
  machines: Map<string, StateMachine>;
  createdAt: number;
}

type Outcome =
  | { type: 'output'; output: JsonValue }
  | { type: 'error'; error: string; cause: string }
  | { type: 'timeout' }
  | { type: 'heartbeat' }
  | { type: 'wait-over' }
  | { type: 'retry-due' };

interface Runtime {
  delivery?: { state: string; outcome: Outcome };
  /** A callback that arrived while the task's function was still running. */
  early?: { token: string; outcome: Outcome };
  inSegment: boolean;
  suspended: boolean;
  suppressEnteredOf?: string;
  abort?: () => void;
  timers: TimerHandle[];
  executionTimer?: TimerHandle;
  eventsDone?: Promise<void>;
}

class SuspendSignal extends Error {
  override name = 'Local.Suspended';
}

const DEFAULT_ACCOUNT = '000000000000';

/**
 * A Step Functions engine for the local cloud, built on aws-local-stepfunctions.
 *
 * The library runs the states; this class adds what it lacks: the callback pattern with task
 * tokens, task and heartbeat timeouts and Wait states on the controllable clock, retries with
 * their intervals on that clock, execution histories in the AWS event shape, and the semantics of
 * the Step Functions API (idempotent StartExecution, InvalidToken, TaskTimedOut, StopExecution).
 *
 * Whenever an execution waits, it is suspended: its run is aborted and its position (the
 * top-level state and that state's raw input) is kept. When the wait ends, a copy of the
 * definition whose StartAt is that state runs, and the state's task handler answers at once with
 * the outcome that ended the wait. So no wait holds a library timer, and every wait is a
 * checkpoint that a store can persist.
 */
export class LocalStepFunctions {
  private readonly machines = new Map<string, StateMachineEntry>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly runtimes = new Map<string, Runtime>();
  private readonly tokens = new Map<string, TokenRecord>();
  private activeSegments = 0;
  private idleWaiters: (() => void)[] = [];
  private statesTimeoutError?: new () => Error;
  private readonly region: string;
  private readonly accountId: string;

  constructor(
    private readonly options: {
      clock: VirtualClock;
      lambda: LocalLambda;
      region: string;
      accountId?: string;
      store?: ExecutionStore;
      /** Logs engine faults (never task tokens). */
      log?: (message: string, error?: unknown) => void;
      /** Reads an S3 object for a distributed Map's item reader (the state machine role's GetObject). */
      readObject?: (bucket: string, key: string) => Promise<Buffer>;
    },
  ) {
    this.region = options.region;
    this.accountId = options.accountId ?? DEFAULT_ACCOUNT;
  }

  /** Registers a state machine from ASL text with its `${...}` substitutions. Refuses what it cannot run. */
  async createStateMachine(
    name: string,
    aslText: string,
    substitutions: Record<string, string>,
  ): Promise<string> {
    const arn = `arn:aws:states:${this.region}:${this.accountId}:stateMachine:${name}`;
    const text = substitute(aslText, substitutions);
    const entry = this.versionEntry(arn, name, text);
    this.machines.set(arn, entry);
    this.options.store?.saveDefinition?.(entry.version, text);
    await this.captureTimeoutErrorClass();
    return arn;
  }

  /** Definition versions by hash: every version an execution may still run on. */
  private readonly versions = new Map<string, StateMachineEntry>();

  /** The entry of one definition version (prepared and validated once). */
  private versionEntry(arn: string, name: string, substitutedText: string): StateMachineEntry {
    const version = createHash('sha256').update(substitutedText).digest('hex').slice(0, 16);
    const known = this.versions.get(`${arn}#${version}`);
    if (known) return known;
    const prepared = prepareDefinition(
      substitutedText,
      {},
      (fn) => this.options.lambda.find(fn) !== undefined,
    );
    // Validate the real definition once with the library's validator (asl-validator).
    new StateMachine(structuredClone(prepared.original) as never);
    const entry = {
      arn,
      name,
      version,
      prepared,
      machines: new Map(),
      createdAt: this.options.clock.now(),
    };
    this.versions.set(`${arn}#${version}`, entry);
    return entry;
  }

  /**
   * The definition an execution runs on: the version it started with (kept in memory, or read
   * back from the store after a restart), as AWS keeps each execution on its published version;
   * executions recorded before versions existed run on the current definition.
   */
  private entryFor(record: ExecutionRecord): StateMachineEntry | undefined {
    const current = this.machines.get(record.stateMachineArn);
    const version = record.definitionVersion;
    if (!current || !version || version === current.version) return current;
    const known = this.versions.get(`${record.stateMachineArn}#${version}`);
    if (known) return known;
    const text = this.options.store?.loadDefinition?.(version);
    return text ? this.versionEntry(current.arn, current.name, text) : undefined;
  }

  stateMachineArns(): string[] {
    return [...this.machines.keys()];
  }

  private startFailures = 0;
  private startFailuresOf: string | undefined;

  /**
   * Makes the next `count` StartExecution calls fail with a 503, for fault tests; with
   * `stateMachine` (a name, e.g. `takedown`), only the starts of that machine.
   */
  failNextStarts(count: number, stateMachine?: string): void {
    this.startFailures = count;
    this.startFailuresOf = stateMachine;
  }

  /** Starts an execution. Same name and same input while running → the same answer (as AWS). */
  startExecution(
    stateMachineArn: string,
    name: string | undefined,
    input: string | undefined,
  ): { executionArn: string; startDate: number } {
    if (
      this.startFailures > 0 &&
      (this.startFailuresOf === undefined || stateMachineArn.endsWith(`:${this.startFailuresOf}`))
    ) {
      this.startFailures--;
      throw new SfnApiError('ServiceUnavailable', 'Service Unavailable (injected fault)', 503);
    }
    const machine = this.machines.get(stateMachineArn);
    if (!machine)
      throw new SfnApiError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${stateMachineArn}'`,
      );
    const executionName = name ?? randomBytes(16).toString('hex');
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(executionName))
      throw new SfnApiError('InvalidName', `Invalid Name: '${executionName}'`);
    const inputText = input ?? '{}';
    let parsedInput: JsonValue;
    try {
      parsedInput = JSON.parse(inputText);
    } catch {
      throw new SfnApiError(
        'InvalidExecutionInput',
        'Invalid State Machine Execution Input: not valid JSON',
      );
    }
    if (Buffer.byteLength(inputText) > 256 * 1024)
      throw new SfnApiError('InvalidExecutionInput', 'Input exceeds 256 KiB');
    const executionArn = `arn:aws:states:${this.region}:${this.accountId}:execution:${machine.name}:${executionName}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      if (
        existing.status === 'RUNNING' &&
        canonicalJson(existing.input) === canonicalJson(inputText)
      ) {
        return { executionArn, startDate: existing.startDate };
      }
      throw new SfnApiError(
        'ExecutionAlreadyExists',
        `Execution Already Exists: '${executionArn}'`,
      );
    }
    const now = this.options.clock.now();
    const definitionTimeout = machine.prepared.original.TimeoutSeconds;
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn,
      name: executionName,
      input: inputText,
      status: 'RUNNING',
      startDate: now,
      // A Standard execution lives one year at most: past it, it times out (States.Timeout).
      timeoutAt:
        now +
        Math.min(
          typeof definitionTimeout === 'number' ? definitionTimeout * 1000 : MAX_DURATION_MS,
          MAX_DURATION_MS,
        ),
      cursor: { state: machine.prepared.original.StartAt as string, input: parsedInput },
      definitionVersion: machine.version,
      retries: {},
      history: [],
    };
    appendEvent(record.history, now, 'ExecutionStarted', {
      input: inputText,
      inputDetails: { truncated: false },
      roleArn: `arn:aws:iam::${this.accountId}:role/local-states`,
      stateMachineArn,
    });
    this.executions.set(executionArn, record);
    this.save(record);
    this.armExecutionTimeout(record);
    this.runSegment(record, record.cursor!.state, parsedInput);
    return { executionArn, startDate: now };
  }

  describeExecution(executionArn: string): ExecutionRecord {
    const record = this.executions.get(executionArn);
    if (!record)
      throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  listExecutions(stateMachineArn: string, statusFilter?: ExecutionStatus): ExecutionRecord[] {
    if (!this.machines.has(stateMachineArn))
      throw new SfnApiError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${stateMachineArn}'`,
      );
    return [...this.executions.values()]
      .filter(
        (e) =>
          e.stateMachineArn === stateMachineArn && (!statusFilter || e.status === statusFilter),
      )
      .sort((a, b) => b.startDate - a.startDate);
  }

  stopExecution(executionArn: string, error?: string, cause?: string): number {
    const record = this.describeExecution(executionArn);
    const now = this.options.clock.now();
    if (record.status !== 'RUNNING') return record.stopDate ?? now;
    this.finish(record, 'ABORTED', { error, cause });
    appendEvent(record.history, now, 'ExecutionAborted', {
      ...(error ? { error } : {}),
      ...(cause ? { cause } : {}),
    });
    this.save(record);
    return now;
  }

  sendTaskSuccess(token: string, output: string): void {
    if (Buffer.byteLength(output, 'utf8') > PAYLOAD_LIMIT_BYTES)
      throw new SfnApiError(
        'ValidationException',
        `1 validation error detected: Value at 'output' failed to satisfy constraint: Member must have length less than or equal to ${PAYLOAD_LIMIT_BYTES}`,
      );
    let parsed: JsonValue;
    try {
      parsed = JSON.parse(output);
    } catch {
      throw new SfnApiError('InvalidOutput', 'Invalid Output: not valid JSON');
    }
    this.deliverToToken(token, { type: 'output', output: parsed });
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.deliverToToken(token, { type: 'error', error: error ?? '', cause: cause ?? '' });
  }

  sendTaskHeartbeat(token: string): void {
    const { record } = this.openToken(token);
    const pending = record.pending;
    if (
      pending?.kind !== 'token' ||
      pending.token !== token ||
      pending.heartbeatSeconds === undefined
    )
      return;
    pending.heartbeatDueAt = this.options.clock.now() + pending.heartbeatSeconds * 1000;
    this.save(record);
    this.armPendingTimers(record);
  }

  /** Resolves once no execution is running a state (each is waiting or has ended). */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.activeSegments === 0) resolve();
        else this.idleWaiters.push(() => setImmediate(check));
      };
      setImmediate(check);
    });
  }

  /** Counts of executions by status, for diagnostics. */
  counts(): Record<ExecutionStatus, number> {
    const counts: Record<ExecutionStatus, number> = {
      RUNNING: 0,
      SUCCEEDED: 0,
      FAILED: 0,
      TIMED_OUT: 0,
      ABORTED: 0,
    };
    for (const e of this.executions.values()) counts[e.status]++;
    return counts;
  }

  /**
   * Loads persisted executions and tokens (after the state machines are registered) and resumes
   * every running execution: a task waiting on a token waits again and its token still works, a
   * timer that fell due while the local cloud was stopped fires once, soon, and an execution that
   * was stopped in the middle of a state (a crash, a kill -9) re-runs that state. The workflow
   * tasks are idempotent, so a re-run has no duplicate effect.
   */
  restore(data: { executions: ExecutionRecord[]; tokens: Map<string, TokenRecord> }): {
    waiting: number;
    rerun: number;
    failed: number;
  } {
    for (const [token, record] of data.tokens) this.tokens.set(token, record);
    const counts = { waiting: 0, rerun: 0, failed: 0 };
    for (const record of data.executions) this.executions.set(record.executionArn, record);
    for (const record of data.executions) {
      if (record.status !== 'RUNNING') continue;
      const machine = this.entryFor(record);
      const states = machine?.prepared.original.States as Record<string, unknown> | undefined;
      if (!machine || !record.cursor || !states || !(record.cursor.state in states)) {
        const cause = `cannot resume: ${machine ? `state ${record.cursor?.state ?? '?'} is not in the definition any more` : 'the state machine is not defined any more'}`;
        this.finish(record, 'FAILED', { error: 'States.Runtime', cause });
        appendEvent(record.history, this.options.clock.now(), 'ExecutionFailed', {
          error: 'States.Runtime',
          cause,
        });
        this.save(record);
        counts.failed++;
        continue;
      }
      this.armExecutionTimeout(record);
      const pending = record.pending;
      if (pending) {
        if (pending.kind === 'token' && !this.tokens.has(pending.token)) {
          this.tokens.set(pending.token, {
            executionArn: record.executionArn,
            state: pending.state,
            closed: false,
          });
        }
        this.armPendingTimers(record);
        counts.waiting++;
      } else {
        this.runSegment(record, record.cursor.state, record.cursor.input, undefined, true);
        counts.rerun++;
      }
    }
    return counts;
  }

  /** The tokens known to the engine, for compacting the token log. */
  tokenRecords(): Map<string, TokenRecord> {
    return this.tokens;
  }

  /** Stops every timer and run, for shutdown. The records stay as they are. */
  shutdown(): void {
    for (const runtime of this.runtimes.values()) {
      for (const timer of runtime.timers) timer.cancel();
      runtime.executionTimer?.cancel();
      runtime.suspended = true;
      runtime.abort?.();
    }
  }

  // ---- tokens --------------------------------------------------------------------------------

  private openToken(token: string): { tokenRecord: TokenRecord; record: ExecutionRecord } {
    if (typeof token !== 'string' || token.length === 0 || token.length > 2048)
      throw new SfnApiError('InvalidToken', 'Invalid Token');
    const tokenRecord = this.tokens.get(token);
    if (!tokenRecord) throw new SfnApiError('InvalidToken', 'Invalid Token: unknown task token');
    const record = this.executions.get(tokenRecord.executionArn);
    const pending = record?.pending;
    if (
      !record ||
      tokenRecord.closed ||
      record.status !== 'RUNNING' ||
      pending?.kind !== 'token' ||
      pending.token !== token
    ) {
      throw new SfnApiError(
        'TaskTimedOut',
        'Task Timed Out: the task is no longer waiting for this token',
      );
    }
    return { tokenRecord, record };
  }

  private deliverToToken(token: string, outcome: Outcome): void {
    const { tokenRecord, record } = this.openToken(token);
    this.closeToken(token, tokenRecord);
    const runtime = this.runtime(record);
    if (runtime.inSegment) {
      // The task's own function (or something it called) answered before the task suspended.
      runtime.early = { token, outcome };
      return;
    }
    this.resume(record, outcome);
  }

  private closeToken(token: string, tokenRecord: TokenRecord): void {
    tokenRecord.closed = true;
    this.options.store?.saveToken(token, tokenRecord);
  }

  // ---- segments ------------------------------------------------------------------------------

  private runtime(record: ExecutionRecord): Runtime {
    let runtime = this.runtimes.get(record.executionArn);
    if (!runtime) {
      runtime = { inSegment: false, suspended: false, timers: [] };
      this.runtimes.set(record.executionArn, runtime);
    }
    return runtime;
  }

  /** Ends a wait and runs the execution on from the waiting state. */
  private resume(record: ExecutionRecord, outcome: Outcome): void {
    const pending = record.pending;
    if (!pending || record.status !== 'RUNNING' || !record.cursor) return;
    const runtime = this.runtime(record);
    for (const timer of runtime.timers) timer.cancel();
    runtime.timers = [];
    record.pending = undefined;
    this.runSegment(record, pending.state, record.cursor.input, { state: pending.state, outcome });
  }

  private runSegment(
    record: ExecutionRecord,
    startState: string,
    input: JsonValue,
    delivery?: Runtime['delivery'],
    rerun = false,
  ): void {
    const entry = this.entryFor(record)!;
    const runtime = this.runtime(record);
    runtime.delivery = delivery;
    runtime.early = undefined;
    runtime.inSegment = true;
    runtime.suspended = false;
    // A resumed or re-run state was entered before: its history does not repeat the entry.
    runtime.suppressEnteredOf = delivery || rerun ? startState : undefined;
    this.activeSegments++;
    const machine = this.machineFor(entry, startState);
    const execution = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: this.handlersFor(record, entry) as never },
      noThrowOnAbort: true,
      context: {
        Execution: {
          Id: record.executionArn,
          Name: record.name,
          OriginalInput: JSON.parse(record.input),
          OriginalStartTime: new Date(record.startDate).toISOString(),
          RoleArn: `arn:aws:iam::${this.accountId}:role/local-states`,
        },
        StateMachine: { Id: entry.arn, Name: entry.name },
      },
    });
    runtime.abort = execution.abort;
    runtime.eventsDone = this.recordEvents(
      record,
      runtime,
      entry,
      execution.eventLogs as unknown as AsyncGenerator<Record<string, unknown>>,
    );
    execution.result
      .then(
        (output) => {
          if (runtime.suspended || record.status !== 'RUNNING') return;
          return runtime.eventsDone!.then(() => {
            const now = this.options.clock.now();
            this.finish(record, 'SUCCEEDED', { output: asJson(output) });
            appendEvent(record.history, now, 'ExecutionSucceeded', {
              output: asJson(output),
              outputDetails: { truncated: false },
            });
          });
        },
        (error: unknown) => {
          if (runtime.suspended || record.status !== 'RUNNING') return;
          const inner = (error as { cause?: unknown }).cause;
          const err =
            inner instanceof Error
              ? inner
              : error instanceof Error
                ? error
                : new Error(String(error));
          return runtime.eventsDone!.then(() => {
            const now = this.options.clock.now();
            const cause = err.name === 'States.Timeout' ? '' : err.message;
            this.finish(record, 'FAILED', { error: err.name, cause });
            appendEvent(record.history, now, 'ExecutionFailed', { error: err.name, cause });
          });
        },
      )
      .catch((error) => this.options.log?.('local Step Functions engine fault', error))
      .finally(() => {
        runtime.inSegment = false;
        this.save(record);
        this.activeSegments--;
        if (this.activeSegments === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const waiter of waiters) waiter();
        }
      });
  }

  private machineFor(entry: StateMachineEntry, startState: string): StateMachine {
    let machine = entry.machines.get(startState);
    if (!machine) {
      const definition = structuredClone(entry.prepared.definition);
      definition.StartAt = startState;
      // The execution-level timeout runs on the local clock, not the library's timer.
      delete definition.TimeoutSeconds;
      machine = new StateMachine(definition as never, { validationOptions: { noValidate: true } });
      entry.machines.set(startState, machine);
    }
    return machine;
  }

  private finish(
    record: ExecutionRecord,
    status: ExecutionStatus,
    result: { output?: string; error?: string; cause?: string },
  ): void {
    record.status = status;
    record.stopDate = this.options.clock.now();
    if (result.output !== undefined) record.output = result.output;
    if (result.error !== undefined) record.error = result.error;
    if (result.cause !== undefined) record.cause = result.cause;
    const pending = record.pending;
    record.pending = undefined;
    if (pending?.kind === 'token') {
      const tokenRecord = this.tokens.get(pending.token);
      if (tokenRecord) this.closeToken(pending.token, tokenRecord);
    }
    const runtime = this.runtime(record);
    for (const timer of runtime.timers) timer.cancel();
    runtime.timers = [];
    runtime.executionTimer?.cancel();
    if (status === 'ABORTED' || status === 'TIMED_OUT') {
      runtime.suspended = true;
      runtime.abort?.();
    }
    this.save(record);
  }

  /**
   * Fails an execution with an error no Retry or Catch handles (`States.ALL` does not match
   * them), as AWS does: the 25,000-event history limit (a workflow that loops is stopped here as
   * it would be there, not left to spin) and results over 256 KiB (`States.DataLimitExceeded`).
   */
  private failTerminal(record: ExecutionRecord, error: string, cause: string): void {
    if (record.status !== 'RUNNING') return;
    const runtime = this.runtime(record);
    this.finish(record, 'FAILED', { error, cause });
    runtime.suspended = true;
    runtime.abort?.();
    appendEvent(record.history, this.options.clock.now(), 'ExecutionFailed', { error, cause });
    this.save(record);
  }

  private armExecutionTimeout(record: ExecutionRecord): void {
    if (record.timeoutAt === undefined) return;
    const runtime = this.runtime(record);
    runtime.executionTimer = this.options.clock.schedule(record.timeoutAt, () => {
      if (record.status !== 'RUNNING') return;
      this.finish(record, 'TIMED_OUT', { error: 'States.Timeout', cause: '' });
      appendEvent(record.history, this.options.clock.now(), 'ExecutionTimedOut', {
        error: 'States.Timeout',
      });
      this.save(record);
    });
  }

  // ---- history -------------------------------------------------------------------------------

  private async recordEvents(
    record: ExecutionRecord,
    runtime: Runtime,
    entry: StateMachineEntry,
    events: AsyncGenerator<Record<string, unknown>>,
  ): Promise<void> {
    for await (const event of events) {
      if (runtime.suspended || record.status !== 'RUNNING') break;
      const state = event.state as
        | { name: string; type: string; input?: JsonValue; output?: JsonValue }
        | undefined;
      const now = this.options.clock.now();
      const typeOf = (s: { name: string; type: string }) =>
        entry.prepared.states.get(s.name)?.originalType ?? s.type;
      switch (event.type) {
        case 'StateEntered': {
          if (!state) break;
          const topLevel = event.index === undefined && !this.isNested(entry, state.name);
          if (runtime.suppressEnteredOf === state.name) {
            runtime.suppressEnteredOf = undefined;
            break;
          }
          if (record.history.length >= HISTORY_LIMIT) {
            this.failTerminal(
              record,
              'States.Runtime',
              `The execution reached the maximum number of history events (${HISTORY_LIMIT}).`,
            );
            return;
          }
          if (topLevel) {
            record.cursor = { state: state.name, input: state.input ?? null };
            this.save(record);
          }
          appendEvent(record.history, now, `${typeOf(state)}StateEntered`, {
            name: state.name,
            input: asJson(state.input),
            inputDetails: { truncated: false },
          });
          break;
        }
        case 'StateExited':
          if (state)
            appendEvent(record.history, now, `${typeOf(state)}StateExited`, {
              name: state.name,
              output: asJson(state.output),
              outputDetails: { truncated: false },
            });
          break;
        case 'MapIterationStarted':
        case 'MapIterationSucceeded':
        case 'MapIterationFailed':
          appendEvent(record.history, now, event.type, {
            name: (event.parentState as { name: string }).name,
            index: event.index,
          });
          break;
        case 'ParallelBranchStarted':
        case 'ParallelBranchSucceeded':
        case 'ParallelBranchFailed':
          appendEvent(
            record.history,
            now,
            event.type === 'ParallelBranchStarted'
              ? 'ParallelStateStarted'
              : event.type === 'ParallelBranchSucceeded'
                ? 'ParallelStateSucceeded'
                : 'ParallelStateFailed',
          );
          break;
        default:
          break;
      }
    }
  }

  private isNested(entry: StateMachineEntry, stateName: string): boolean {
    const states = entry.prepared.original.States as Record<string, unknown>;
    return !(stateName in states);
  }

  /** Lets the history consumer catch up with events the library dispatched synchronously. */
  private flushEvents(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  // ---- task handlers -------------------------------------------------------------------------

  private handlersFor(
    record: ExecutionRecord,
    entry: StateMachineEntry,
  ): Record<string, (input: JsonValue) => Promise<JsonValue>> {
    const handlers: Record<string, (input: JsonValue) => Promise<JsonValue>> = {};
    for (const [name, spec] of entry.prepared.nestedTasks) {
      const topLevel = entry.prepared.states.get(name);
      handlers[name] = topLevel
        ? (input) => this.runTopLevelState(record, topLevel, input as Record<string, JsonValue>)
        : (input) => this.invokeNestedTask(record, spec, input);
    }
    for (const [name, spec] of entry.prepared.states) {
      if (spec.kind === 'wait' || spec.kind === 'distributed-map')
        handlers[name] = (input) =>
          this.runTopLevelState(record, spec, input as Record<string, JsonValue>);
    }
    return handlers;
  }

  private async invokeNestedTask(
    record: ExecutionRecord,
    spec: StateSpec,
    params: JsonValue,
  ): Promise<JsonValue> {
    await this.flushEvents();
    const p = (params ?? {}) as Record<string, JsonValue>;
    const payload = spec.kind === 'lambda-direct' ? params : (p.Payload ?? null);
    this.taskEvent(record, 'TaskScheduled', spec, { parameters: asJson(params) });
    this.taskEvent(record, 'TaskStarted', spec, {});
    try {
      const result = (await this.options.lambda.invoke(spec.functionName!, payload)) as JsonValue;
      const output = spec.kind === 'lambda-direct' ? result : lambdaInvokeResult(result);
      this.taskEvent(record, 'TaskSucceeded', spec, { output: asJson(output) });
      return output;
    } catch (error) {
      const failure = taskFailure(error);
      this.taskEvent(record, 'TaskFailed', spec, failure);
      throw namedError(failure.error, failure.cause);
    }
  }

  /**
   * Runs one visit (or the resumption of a visit) of a top-level Task or Wait state.
   * Returns the state's result, throws the task's error, or suspends the execution.
   */
  private async runTopLevelState(
    record: ExecutionRecord,
    spec: StateSpec,
    input: Record<string, JsonValue>,
  ): Promise<JsonValue> {
    const runtime = this.runtime(record);
    const raw = input.__raw ?? null;
    record.cursor = { state: spec.name, input: raw };
    const delivery = runtime.delivery?.state === spec.name ? runtime.delivery : undefined;
    runtime.delivery = undefined;
    await this.flushEvents();
    if (!delivery) record.retries[spec.name] = spec.retry.map(() => 0);
    let outcome: Outcome | undefined = delivery?.outcome;
    if (outcome?.type === 'retry-due') outcome = undefined;
    for (;;) {
      if (!outcome) outcome = await this.attempt(record, runtime, spec, input);
      if (outcome === undefined) return this.suspend(record, runtime);
      switch (outcome.type) {
        case 'output':
          if (spec.kind !== 'wait' && spec.kind !== 'distributed-map')
            this.taskEvent(record, 'TaskSucceeded', spec, { output: asJson(outcome.output) });
          return outcome.output;
        case 'wait-over':
          return raw;
        default: {
          const failure = outcomeFailure(outcome);
          this.taskEvent(
            record,
            failure.error === 'States.Timeout' ? 'TaskTimedOut' : 'TaskFailed',
            spec,
            failure,
          );
          const delay = this.retryDelay(record, spec, failure.error);
          if (delay === undefined) {
            if (failure.error === 'States.Timeout') throw new (this.statesTimeoutError ?? Error)();
            throw namedError(failure.error, failure.cause);
          }
          if (delay > 0) {
            record.pending = {
              kind: 'retry',
              state: spec.name,
              dueAt: this.options.clock.now() + delay,
            };
            return this.suspend(record, runtime);
          }
          outcome = undefined;
        }
      }
    }
  }

  /**
   * Makes one attempt of a top-level state. Returns its outcome, or undefined when the execution
   * must wait (record.pending is then set).
   */
  private async attempt(
    record: ExecutionRecord,
    runtime: Runtime,
    spec: StateSpec,
    input: Record<string, JsonValue>,
  ): Promise<Outcome | undefined> {
    const now = this.options.clock.now();
    const params = (input.__params ?? input.__raw ?? null) as JsonValue;
    if (spec.kind === 'distributed-map') return this.runDistributedMap(record, spec, input);
    if (spec.kind === 'wait') {
      const wait = input.__wait as { Seconds?: number; Timestamp?: string };
      const dueAt =
        wait.Seconds !== undefined
          ? now + Number(wait.Seconds) * 1000
          : Date.parse(String(wait.Timestamp));
      if (!Number.isFinite(dueAt))
        return {
          type: 'error',
          error: 'States.Runtime',
          cause: 'Wait: invalid Seconds or Timestamp',
        };
      if (dueAt <= now) return { type: 'wait-over' };
      record.pending = { kind: 'wait', state: spec.name, dueAt };
      return undefined;
    }
    const p = (params ?? {}) as Record<string, JsonValue>;
    // TimeoutSecondsPath and HeartbeatSecondsPath must resolve to a positive integer: anything
    // else (a string, a fraction) is a runtime error that fails the execution on AWS.
    for (const [field, value] of [
      ['TimeoutSeconds', input.__timeout],
      ['HeartbeatSeconds', input.__heartbeat],
    ] as const) {
      if (value !== undefined && !(Number.isInteger(value) && (value as number) > 0)) {
        const cause = `The value of ${field}Path in state '${spec.name}' must be a positive integer, got ${JSON.stringify(value)}.`;
        this.failTerminal(record, 'States.Runtime', cause);
        return { type: 'error', error: 'States.Runtime', cause };
      }
    }
    const timeoutSeconds = numberOrUndefined(input.__timeout);
    const heartbeatSeconds = numberOrUndefined(input.__heartbeat);
    if (spec.kind === 'lambda-callback') {
      const token = `AQ${randomBytes(96).toString('base64url')}`;
      const tokenRecord: TokenRecord = {
        executionArn: record.executionArn,
        state: spec.name,
        closed: false,
      };
      this.tokens.set(token, tokenRecord);
      this.options.store?.saveToken(token, tokenRecord);
      record.pending = {
        kind: 'token',
        state: spec.name,
        token,
        dueAt: timeoutSeconds !== undefined ? now + timeoutSeconds * 1000 : undefined,
        heartbeatSeconds,
        heartbeatDueAt: heartbeatSeconds !== undefined ? now + heartbeatSeconds * 1000 : undefined,
      };
      // As on AWS, the scheduled parameters carry the task token itself: anyone allowed
      // states:GetExecutionHistory can read it, so no function or portal role is.
      this.taskEvent(record, 'TaskScheduled', spec, {
        parameters: asJson(withToken(params, token)),
        timeoutInSeconds: timeoutSeconds,
        heartbeatInSeconds: heartbeatSeconds,
      });
      this.taskEvent(record, 'TaskStarted', spec, {});
      try {
        await this.options.lambda.invoke(spec.functionName!, withToken(p.Payload ?? null, token));
      } catch (error) {
        this.closeToken(token, tokenRecord);
        record.pending = undefined;
        const failure = taskFailure(error);
        return { type: 'error', ...failure };
      }
      this.taskEvent(record, 'TaskSubmitted', spec, { output: asJson({ StatusCode: 200 }) });
      const early = runtime.early;
      runtime.early = undefined;
      if (early?.token === token) {
        record.pending = undefined;
        return early.outcome;
      }
      if (record.status !== 'RUNNING')
        return { type: 'error', error: 'States.Runtime', cause: 'execution ended' };
      return undefined;
    }
    this.taskEvent(record, 'TaskScheduled', spec, {
      parameters: asJson(params),
      timeoutInSeconds: timeoutSeconds,
    });
    this.taskEvent(record, 'TaskStarted', spec, {});
    try {
      const payload = spec.kind === 'lambda-direct' ? params : (p.Payload ?? null);
      const result = (await this.options.lambda.invoke(spec.functionName!, payload)) as JsonValue;
      const size = Buffer.byteLength(asJson(result), 'utf8');
      if (size > PAYLOAD_LIMIT_BYTES) {
        const cause = `The state/task '${spec.name}' returned a result with a size exceeding the maximum number of bytes service limit.`;
        this.failTerminal(record, 'States.DataLimitExceeded', cause);
        return { type: 'error', error: 'States.DataLimitExceeded', cause };
      }
      return {
        type: 'output',
        output: spec.kind === 'lambda-direct' ? result : lambdaInvokeResult(result),
      };
    } catch (error) {
      return { type: 'error', ...taskFailure(error) };
    }
  }

  /**
   * Emulates a distributed Map (see DistributedMapSpec): reads the items from S3, batches them,
   * runs each batch through the item processor with at most `MaxConcurrency` at once, and fails
   * with States.ExceedToleratedFailureThreshold when more child runs failed than tolerated. The
   * state is one checkpoint: interrupted, it runs again from its input, so its tasks must be
   * idempotent (as a redriven map run's are on AWS).
   */
  private async runDistributedMap(
    record: ExecutionRecord,
    spec: StateSpec,
    input: Record<string, JsonValue>,
  ): Promise<Outcome> {
    const map = spec.map!;
    const reader = (input.__reader ?? {}) as { Bucket?: string; Key?: string };
    if (!this.options.readObject || !reader.Bucket || !reader.Key)
      return { type: 'error', error: 'States.ItemReaderFailed', cause: 'no Bucket or Key to read' };
    let items: JsonValue[];
    try {
      items = parseItems(await this.options.readObject(reader.Bucket, reader.Key), map.inputType);
    } catch (error) {
      return { type: 'error', error: 'States.ItemReaderFailed', cause: (error as Error).message };
    }
    if (map.maxItems) items = items.slice(0, map.maxItems);
    const children: JsonValue[] = [];
    if (map.maxItemsPerBatch) {
      for (let i = 0; i < items.length; i += map.maxItemsPerBatch) {
        children.push({
          Items: items.slice(i, i + map.maxItemsPerBatch),
          ...(input.__batchInput !== undefined ? { BatchInput: input.__batchInput } : {}),
        } as JsonValue);
      }
    } else children.push(...items);
    const machine = new StateMachine(structuredClone(map.processor) as never);
    const handlers: Record<string, (input: JsonValue) => Promise<JsonValue>> = {};
    for (const [name, task] of map.processorTasks) {
      handlers[name] = async (params) => {
        const p = (params ?? {}) as Record<string, JsonValue>;
        const payload = task.kind === 'lambda-direct' ? params : (p.Payload ?? null);
        const result = (await this.options.lambda.invoke(task.functionName, payload)) as JsonValue;
        return task.kind === 'lambda-direct' ? result : lambdaInvokeResult(result);
      };
    }
    const outputs: JsonValue[] = new Array(children.length).fill(null);
    let failed = 0;
    let next = 0;
    const concurrency = map.maxConcurrency > 0 ? map.maxConcurrency : 40;
    const worker = async () => {
      while (next < children.length && record.status === 'RUNNING') {
        const index = next++;
        try {
          const run = machine.run(children[index] as never, {
            overrides: { taskResourceLocalHandlers: handlers as never },
          });
          outputs[index] = (await run.result) as JsonValue;
        } catch {
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, children.length) }, worker));
    appendEvent(record.history, this.options.clock.now(), 'MapRunSucceeded', {
      stateName: spec.name,
      itemCount: items.length,
      childRuns: children.length,
      failedChildRuns: failed,
    });
    const tolerated =
      failed <= map.toleratedFailureCount ||
      (children.length > 0 && (failed * 100) / children.length <= map.toleratedFailurePercentage);
    if (failed > 0 && !tolerated) {
      return {
        type: 'error',
        error: 'States.ExceedToleratedFailureThreshold',
        cause: `${failed} of ${children.length} child runs failed`,
      };
    }
    return { type: 'output', output: outputs };
  }

  private async suspend(record: ExecutionRecord, runtime: Runtime): Promise<never> {
    await this.flushEvents();
    runtime.suspended = true;
    this.save(record);
    this.armPendingTimers(record);
    runtime.abort?.();
    throw new SuspendSignal('suspended');
  }

  /** Arms the local-clock timers of the execution's pending wait. */
  private armPendingTimers(record: ExecutionRecord): void {
    const runtime = this.runtime(record);
    for (const timer of runtime.timers) timer.cancel();
    runtime.timers = [];
    const pending = record.pending;
    if (!pending) return;
    const clock = this.options.clock;
    if (pending.kind === 'token') {
      const token = pending.token;
      const expire = (outcome: Outcome) => () => {
        const tokenRecord = this.tokens.get(token);
        if (!tokenRecord || tokenRecord.closed || record.pending !== pending) return;
        this.closeToken(token, tokenRecord);
        this.resume(record, outcome);
      };
      if (pending.dueAt !== undefined)
        runtime.timers.push(clock.schedule(pending.dueAt, expire({ type: 'timeout' })));
      if (pending.heartbeatDueAt !== undefined)
        runtime.timers.push(clock.schedule(pending.heartbeatDueAt, expire({ type: 'heartbeat' })));
      return;
    }
    const outcome: Outcome =
      pending.kind === 'wait' ? { type: 'wait-over' } : { type: 'retry-due' };
    runtime.timers.push(
      clock.schedule(pending.dueAt, () => {
        if (record.pending === pending) this.resume(record, outcome);
      }),
    );
  }

  /** The delay before the next attempt in ms, or undefined when no retrier applies (AWS semantics). */
  private retryDelay(
    record: ExecutionRecord,
    spec: StateSpec,
    errorName: string,
  ): number | undefined {
    const attempts = record.retries[spec.name] ?? spec.retry.map(() => 0);
    record.retries[spec.name] = attempts;
    for (let i = 0; i < spec.retry.length; i++) {
      const retrier = spec.retry[i] as Retrier;
      const matches = retrier.ErrorEquals.some(
        (e) =>
          e === errorName ||
          e === 'States.ALL' ||
          (e === 'States.TaskFailed' && errorName !== 'States.Timeout'),
      );
      if (!matches) continue;
      const used = attempts[i] ?? 0;
      if (used >= (retrier.MaxAttempts ?? 3)) return undefined;
      attempts[i] = used + 1;
      let seconds = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** used;
      if (retrier.MaxDelaySeconds !== undefined)
        seconds = Math.min(seconds, retrier.MaxDelaySeconds);
      if (retrier.JitterStrategy === 'FULL') seconds = Math.random() * seconds;
      return Math.round(seconds * 1000);
    }
    return undefined;
  }

  private taskEvent(
    record: ExecutionRecord,
    type: string,
    spec: StateSpec,
    details: Record<string, unknown>,
  ): void {
    if (record.status !== 'RUNNING') return;
    const resource = spec.kind === 'lambda-callback' ? 'invoke.waitForTaskToken' : 'invoke';
    const base =
      type === 'TaskScheduled' ||
      type === 'TaskStarted' ||
      type === 'TaskSubmitted' ||
      type === 'TaskSucceeded' ||
      type === 'TaskFailed' ||
      type === 'TaskTimedOut'
        ? { resourceType: 'lambda', resource }
        : {};
    const extra = type === 'TaskScheduled' ? { region: this.region } : {};
    const clean = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
    appendEvent(record.history, this.options.clock.now(), type, { ...base, ...extra, ...clean });
  }

  private save(record: ExecutionRecord): void {
    this.options.store?.saveExecution(record);
  }

  /** The library's timeout error class, so a timeout is matched as `States.Timeout` and not by `States.TaskFailed`. */
  private async captureTimeoutErrorClass(): Promise<void> {
    if (this.statesTimeoutError) return;
    const probe = new StateMachine(
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::local:probe',
            TimeoutSeconds: 0.001,
            End: true,
          },
        },
      } as never,
      { validationOptions: { noValidate: true } },
    );
    try {
      await probe.run(
        {},
        { overrides: { taskResourceLocalHandlers: { T: () => new Promise(() => {}) } } },
      ).result;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof Error && cause.name === 'States.Timeout')
        this.statesTimeoutError = cause.constructor as new () => Error;
    }
    if (!this.statesTimeoutError)
      throw new Error(
        'could not obtain the States.Timeout error class from aws-local-stepfunctions',
      );
  }
}

function canonicalJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

function numberOrUndefined(value: JsonValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function lambdaInvokeResult(payload: JsonValue): JsonValue {
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: { HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: randomBytes(16).toString('hex') },
    StatusCode: 200,
  };
}

function withToken(value: JsonValue, token: string): JsonValue {
  if (value === TASK_TOKEN_SENTINEL) return token;
  if (Array.isArray(value)) return value.map((v) => withToken(v, token));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withToken(v, token)]));
}

function taskFailure(error: unknown): { error: string; cause: string } {
  if (error instanceof LambdaFunctionError) {
    if (error.errorType.startsWith('Lambda.'))
      return { error: error.errorType, cause: error.errorMessage };
    return {
      error: error.errorType,
      cause: JSON.stringify({
        errorType: error.errorType,
        errorMessage: error.errorMessage,
        trace: error.trace,
      }),
    };
  }
  const err = error instanceof Error ? error : new Error(String(error));
  return { error: err.name || 'Error', cause: err.message };
}

function outcomeFailure(outcome: Outcome): { error: string; cause: string } {
  if (outcome.type === 'timeout') return { error: 'States.Timeout', cause: '' };
  if (outcome.type === 'heartbeat') return { error: 'States.HeartbeatTimeout', cause: '' };
  if (outcome.type === 'error') return { error: outcome.error, cause: outcome.cause };
  return { error: 'States.Runtime', cause: 'unexpected outcome' };
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** The items of a distributed Map's S3 object: CSV rows (keyed by the header), JSON Lines, or a JSON array. */
export function parseItems(body: Buffer, inputType: 'CSV' | 'JSONL' | 'JSON'): JsonValue[] {
  const text = body.toString('utf8');
  if (inputType === 'JSON') {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) throw new Error('the JSON object is not an array');
    return parsed as JsonValue[];
  }
  if (inputType === 'JSONL')
    return text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as JsonValue);
  return parseCsv(text, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as JsonValue[];
}
