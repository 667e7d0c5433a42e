/**
 * Prepares an ASL definition for aws-local-stepfunctions, and refuses what the local engine
 * cannot run faithfully rather than ignoring it.
 *
 * The engine suspends an execution whenever it waits (a callback task, a Wait state, a retry
 * interval) and later resumes it by running a copy of the definition whose `StartAt` is the
 * waiting state. For that, every top-level Task and Wait state is rewritten so its local handler
 * receives the state's raw input (`__raw`) beside the resolved `Parameters` (`__params`) and the
 * resolved timeout and heartbeat settings. Waits inside Parallel or Map branches cannot be resumed
 * that way, so they are refused at load.
 */

export type TaskKind =
  | 'lambda-invoke'
  | 'lambda-callback'
  | 'lambda-direct'
  | 'wait'
  | 'distributed-map';

/**
 * What the engine emulates of a top-level distributed Map: the S3 item reader (CSV with a header
 * row, JSON Lines, or a JSON array), the batcher, `MaxConcurrency`, the tolerated failures, and
 * an item processor whose states run like an inline Map's (Lambda tasks, Pass, Choice, ...).
 * Each batch (or item) runs as a child run whose tasks leave no events in the parent's history,
 * as a distributed Map's child executions do.
 */
export interface DistributedMapSpec {
  inputType: 'CSV' | 'JSONL' | 'JSON';
  maxItems?: number;
  maxItemsPerBatch?: number;
  maxConcurrency: number;
  toleratedFailureCount: number;
  toleratedFailurePercentage: number;
  /** The item processor, rewritten like an inline Map's branch. */
  processor: Record<string, unknown>;
  /** The processor's Task states: name → function. */
  processorTasks: Map<string, { functionName: string; kind: TaskKind }>;
}

/** What the engine needs to know about each rewritten top-level state. */
export interface StateSpec {
  name: string;
  originalType: string;
  kind: TaskKind;
  /** The static FunctionName (or Resource ARN for direct invocations). */
  functionName?: string;
  retry: Retrier[];
  /** Static HeartbeatSeconds, if any (a path is resolved into `__heartbeat`). */
  hasHeartbeat: boolean;
  hasTimeout: boolean;
  /** For a distributed Map. */
  map?: DistributedMapSpec;
}

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

export interface PreparedDefinition {
  /** The rewritten definition, for the library (pass a copy: the library mutates it). */
  definition: Record<string, unknown>;
  /** The definition after substitution, before rewriting (validated with the library). */
  original: Record<string, unknown>;
  /** Top-level Task and Wait states, by name. */
  states: Map<string, StateSpec>;
  /** Every Task state's name, nested ones included, with its kind and function. */
  nestedTasks: Map<string, StateSpec>;
}

/** A definition the local engine refuses, with the reason. */
export class UnsupportedDefinitionError extends Error {
  override name = 'UnsupportedDefinitionError';
}

export const TASK_TOKEN_SENTINEL = '__LOCAL_SFN_TASK_TOKEN__';

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const LAMBDA_ARN = /^arn:aws:lambda:[^:]+:\d{12}:function:[^:]+(:[^:]+)?$/;
/** Lambda tasks with no TimeoutSeconds run until Lambda's own limit (15 min), not 60 s. */
const LAMBDA_MAX_SECONDS = 900;
const REFUSED_FIELDS = [
  'QueryLanguage',
  'Assign',
  'Arguments',
  'Output',
  'Items',
  'ItemReader',
  'ResultWriter',
  'ItemBatcher',
  'Credentials',
];

/** Replaces `${Key}` placeholders, refusing unknown keys. */
export function substitute(text: string, substitutions: Record<string, string>): string {
  const missing = new Set<string>();
  const result = text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, key: string) => {
    const value = substitutions[key];
    if (value === undefined) {
      missing.add(key);
      return '';
    }
    return value;
  });
  if (missing.size > 0) {
    throw new UnsupportedDefinitionError(
      `No substitution for ${[...missing].map((k) => `\${${k}}`).join(', ')}`,
    );
  }
  return result;
}

/**
 * Substitutes, checks and rewrites a definition.
 * @param resolveFunction tells whether a function name or ARN is one the local cloud can invoke
 */
export function prepareDefinition(
  text: string,
  substitutions: Record<string, string>,
  resolveFunction: (nameOrArn: string) => boolean,
): PreparedDefinition {
  const original = JSON.parse(substitute(text, substitutions)) as Record<string, unknown>;
  refuseJsonata(original, '$');
  const definition = structuredClone(original);
  const states = new Map<string, StateSpec>();
  const nestedTasks = new Map<string, StateSpec>();
  rewriteMachine(definition, true, states, nestedTasks, resolveFunction);
  return { definition, original, states, nestedTasks };
}

function refuseJsonata(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      refuseJsonata(item, `${where}[${i}]`);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'QueryLanguage' && child !== 'JSONPath') {
      throw new UnsupportedDefinitionError(
        `${where}.QueryLanguage: JSONata is not supported by the local engine; write the ASL in JSONPath only`,
      );
    }
    if (
      key === 'Parameters' ||
      key === 'ResultSelector' ||
      key === 'ItemSelector' ||
      key === 'Result'
    )
      continue;
    refuseJsonata(child, `${where}.${key}`);
  }
}

function rewriteMachine(
  machine: Record<string, unknown>,
  topLevel: boolean,
  specs: Map<string, StateSpec>,
  nestedTasks: Map<string, StateSpec>,
  resolveFunction: (nameOrArn: string) => boolean,
): void {
  const states = machine.States as Record<string, Record<string, unknown>>;
  if (!states || typeof states !== 'object')
    throw new UnsupportedDefinitionError('definition has no States');
  for (const [name, state] of Object.entries(states)) {
    const where = `state "${name}"`;
    if (state.Type === 'Map' && isDistributed(state)) {
      if (!topLevel) {
        throw new UnsupportedDefinitionError(
          `${where}: a distributed Map inside a Parallel or Map branch is not emulated by the local engine; move it to the top level`,
        );
      }
      checkRetryAndCatch(state, where);
      rewriteContextPaths(state, name, where);
      rewriteDistributedMap(name, state, specs, nestedTasks, resolveFunction);
      continue;
    }
    for (const field of REFUSED_FIELDS) {
      if (field in state && !(field === 'Items' && state.Type !== 'Map')) {
        throw new UnsupportedDefinitionError(
          `${where}: field ${field} is not supported by the local engine (JSONata, variables and distributed Map are refused rather than ignored)`,
        );
      }
    }
    checkRetryAndCatch(state, where);
    rewriteContextPaths(state, name, where);
    switch (state.Type) {
      case 'Task':
        rewriteTask(name, state, topLevel, specs, nestedTasks, resolveFunction);
        break;
      case 'Wait':
        if (!topLevel) {
          throw new UnsupportedDefinitionError(
            `${where}: a Wait inside a Parallel or Map branch cannot be checkpointed and resumed by the local engine; move the wait to the top level`,
          );
        }
        rewriteWait(name, state, specs);
        break;
      case 'Parallel':
        if (Array.isArray(state.Retry) && state.Retry.length > 0) {
          throw new UnsupportedDefinitionError(
            `${where}: Retry on a Parallel state is not supported by the local engine; retry the tasks inside it`,
          );
        }
        for (const branch of state.Branches as Record<string, unknown>[])
          rewriteMachine(branch, false, specs, nestedTasks, resolveFunction);
        break;
      case 'Map': {
        if (Array.isArray(state.Retry) && state.Retry.length > 0) {
          throw new UnsupportedDefinitionError(
            `${where}: Retry on a Map state is not supported by the local engine; retry the tasks inside it`,
          );
        }
        const processor = (state.ItemProcessor ?? state.Iterator) as
          | Record<string, unknown>
          | undefined;
        if (!processor) throw new UnsupportedDefinitionError(`${where}: Map has no ItemProcessor`);
        const config = processor.ProcessorConfig as { Mode?: string } | undefined;
        if (config?.Mode === 'DISTRIBUTED')
          throw new UnsupportedDefinitionError(
            `${where}: distributed Map is not supported by the local engine`,
          );
        rewriteMachine(processor, false, specs, nestedTasks, resolveFunction);
        break;
      }
      case 'Pass':
      case 'Choice':
      case 'Succeed':
      case 'Fail':
        break;
      default:
        throw new UnsupportedDefinitionError(`${where}: unknown state type ${String(state.Type)}`);
    }
  }
}

function isDistributed(state: Record<string, unknown>): boolean {
  const processor = (state.ItemProcessor ?? state.Iterator) as Record<string, unknown> | undefined;
  return (processor?.ProcessorConfig as { Mode?: string } | undefined)?.Mode === 'DISTRIBUTED';
}

/** The distributed Map fields the engine emulates; any other is refused at load. */
const DISTRIBUTED_MAP_FIELDS = new Set([
  'Type',
  'Comment',
  'ItemProcessor',
  'ItemReader',
  'ItemBatcher',
  'MaxConcurrency',
  'ToleratedFailureCount',
  'ToleratedFailurePercentage',
  'Label',
  'ResultPath',
  'ResultSelector',
  'OutputPath',
  'Catch',
  'Next',
  'End',
]);

/**
 * Rewrites a top-level distributed Map into a local task the engine runs (see
 * DistributedMapSpec); refuses what it cannot emulate: another reader than `s3:getObject`, a
 * MANIFEST or Parquet input, a CSV header given in the definition, `ResultWriter`, paths for the
 * concurrency or tolerance, `ItemSelector`, `Retry`.
 */
function rewriteDistributedMap(
  name: string,
  state: Record<string, unknown>,
  specs: Map<string, StateSpec>,
  nestedTasks: Map<string, StateSpec>,
  resolveFunction: (nameOrArn: string) => boolean,
): void {
  const where = `state "${name}"`;
  const refuse = (message: string): never => {
    throw new UnsupportedDefinitionError(
      `${where}: ${message} is not emulated by the local engine's distributed Map`,
    );
  };
  for (const field of Object.keys(state)) {
    if (!DISTRIBUTED_MAP_FIELDS.has(field)) refuse(`field ${field}`);
  }
  if (Array.isArray(state.Retry) && state.Retry.length > 0) refuse('Retry');
  const reader = state.ItemReader as Record<string, unknown> | undefined;
  if (!reader) refuse('a distributed Map without ItemReader');
  if (reader!.Resource !== 'arn:aws:states:::s3:getObject')
    refuse(`ItemReader ${String(reader!.Resource)}`);
  const config = (reader!.ReaderConfig ?? {}) as Record<string, unknown>;
  const inputType = config.InputType ?? 'JSON';
  if (inputType !== 'CSV' && inputType !== 'JSONL' && inputType !== 'JSON')
    refuse(`InputType ${String(inputType)}`);
  if (inputType === 'CSV' && (config.CSVHeaderLocation ?? 'FIRST_ROW') !== 'FIRST_ROW')
    refuse('a CSV header given in the definition');
  for (const field of Object.keys(config)) {
    if (!['InputType', 'CSVHeaderLocation', 'MaxItems', 'CSVDelimiter'].includes(field))
      refuse(`ReaderConfig.${field}`);
  }
  if (config.CSVDelimiter !== undefined && config.CSVDelimiter !== 'COMMA')
    refuse(`CSVDelimiter ${String(config.CSVDelimiter)}`);
  const batcher = (state.ItemBatcher ?? undefined) as Record<string, unknown> | undefined;
  for (const field of Object.keys(batcher ?? {})) {
    if (!['MaxItemsPerBatch', 'BatchInput'].includes(field)) refuse(`ItemBatcher.${field}`);
  }
  const integer = (value: unknown, field: string, fallback: number): number => {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || (value as number) < 0) refuse(`a non-integer ${field}`);
    return value as number;
  };
  const processor = state.ItemProcessor as Record<string, unknown>;
  const processorConfig = processor.ProcessorConfig as Record<string, unknown>;
  const processorTasks = new Map<string, { functionName: string; kind: TaskKind }>();
  const childSpecs = new Map<string, StateSpec>();
  const before = new Set(nestedTasks.keys());
  const branch = { StartAt: processor.StartAt, States: processor.States } as Record<
    string,
    unknown
  >;
  rewriteMachine(branch, false, childSpecs, nestedTasks, resolveFunction);
  for (const [taskName, spec] of nestedTasks) {
    if (!before.has(taskName))
      processorTasks.set(taskName, { functionName: spec.functionName!, kind: spec.kind });
  }
  const map: DistributedMapSpec = {
    inputType: inputType as DistributedMapSpec['inputType'],
    ...(config.MaxItems !== undefined ? { maxItems: integer(config.MaxItems, 'MaxItems', 0) } : {}),
    ...(batcher?.MaxItemsPerBatch !== undefined
      ? { maxItemsPerBatch: integer(batcher.MaxItemsPerBatch, 'MaxItemsPerBatch', 1) }
      : {}),
    maxConcurrency: integer(state.MaxConcurrency, 'MaxConcurrency', 0),
    toleratedFailureCount: integer(state.ToleratedFailureCount, 'ToleratedFailureCount', 0),
    toleratedFailurePercentage: integer(
      state.ToleratedFailurePercentage,
      'ToleratedFailurePercentage',
      0,
    ),
    processor: branch,
    processorTasks,
  };
  void processorConfig;
  specs.set(name, {
    name,
    originalType: 'Map',
    kind: 'distributed-map',
    retry: [],
    hasHeartbeat: false,
    hasTimeout: false,
    map,
  });
  // The library runs it as a Task whose local handler is the engine's emulation; the reader's
  // and batcher's parameters resolve against the state input on the way in.
  for (const field of [
    'ItemProcessor',
    'ItemReader',
    'ItemBatcher',
    'MaxConcurrency',
    'ToleratedFailureCount',
    'ToleratedFailurePercentage',
    'Label',
  ])
    delete state[field];
  state.Type = 'Task';
  state.Resource = 'arn:aws:states:::local:distributedMap';
  state.Parameters = {
    '__raw.$': '$',
    __reader: reader!.Parameters ?? {},
    ...(batcher?.BatchInput !== undefined ? { __batchInput: batcher.BatchInput } : {}),
  };
  state.TimeoutSeconds = LAMBDA_MAX_SECONDS;
}

/**
 * Refuses what CreateStateMachine refuses in Retry and Catch (so a definition that loads here
 * deploys): an empty ErrorEquals, `States.ALL` with other errors or not in the last retrier or
 * catcher, a BackoffRate below 1, a non-positive or fractional IntervalSeconds, MaxAttempts or
 * MaxDelaySeconds out of range, an unknown JitterStrategy, a catcher without Next.
 */
function checkRetryAndCatch(state: Record<string, unknown>, where: string): void {
  const fail = (message: string) => {
    throw new UnsupportedDefinitionError(`${where}: ${message} (CreateStateMachine refuses it)`);
  };
  const checkErrors = (list: { ErrorEquals?: unknown }[], field: 'Retry' | 'Catch') => {
    list.forEach((entry, i) => {
      const errors = entry.ErrorEquals;
      if (!Array.isArray(errors) || errors.length === 0)
        fail(`${field}[${i}] needs a non-empty ErrorEquals`);
      const all = (errors as unknown[]).includes('States.ALL');
      if (all && (errors as unknown[]).length > 1)
        fail(`${field}[${i}]: States.ALL must appear alone in ErrorEquals`);
      if (all && i !== list.length - 1)
        fail(
          `${field}[${i}]: States.ALL must be the last ${field === 'Retry' ? 'retrier' : 'catcher'}`,
        );
    });
  };
  const retry = state.Retry as Record<string, unknown>[] | undefined;
  if (retry !== undefined) {
    if (!Array.isArray(retry)) fail('Retry must be an array');
    checkErrors(retry, 'Retry');
    retry.forEach((retrier, i) => {
      const positiveInt = (field: string, max: number) => {
        const value = retrier[field];
        if (
          value !== undefined &&
          !(
            Number.isInteger(value) &&
            (value as number) >= (field === 'MaxAttempts' ? 0 : 1) &&
            (value as number) <= max
          )
        )
          fail(`Retry[${i}].${field} must be an integer in range`);
      };
      positiveInt('IntervalSeconds', 99_999_999);
      positiveInt('MaxAttempts', 99_999_999);
      positiveInt('MaxDelaySeconds', 31_622_400);
      const rate = retrier.BackoffRate;
      if (rate !== undefined && !(typeof rate === 'number' && rate >= 1))
        fail(`Retry[${i}].BackoffRate must be at least 1.0`);
      const jitter = retrier.JitterStrategy;
      if (jitter !== undefined && jitter !== 'FULL' && jitter !== 'NONE')
        fail(`Retry[${i}].JitterStrategy must be FULL or NONE`);
    });
  }
  const catchers = state.Catch as Record<string, unknown>[] | undefined;
  if (catchers !== undefined) {
    if (!Array.isArray(catchers)) fail('Catch must be an array');
    checkErrors(catchers, 'Catch');
    catchers.forEach((catcher, i) => {
      if (typeof catcher.Next !== 'string') fail(`Catch[${i}] needs a Next`);
    });
  }
}

function rewriteTask(
  name: string,
  state: Record<string, unknown>,
  topLevel: boolean,
  specs: Map<string, StateSpec>,
  nestedTasks: Map<string, StateSpec>,
  resolveFunction: (nameOrArn: string) => boolean,
): void {
  const where = `state "${name}"`;
  const resource = state.Resource;
  if (typeof resource !== 'string')
    throw new UnsupportedDefinitionError(`${where}: Resource must be a string`);
  const parameters = state.Parameters as Record<string, unknown> | undefined;
  let kind: TaskKind;
  let functionName: string | undefined;
  if (resource === LAMBDA_INVOKE || resource === LAMBDA_CALLBACK) {
    kind = resource === LAMBDA_INVOKE ? 'lambda-invoke' : 'lambda-callback';
    const fn = parameters?.FunctionName;
    if (typeof fn !== 'string') {
      throw new UnsupportedDefinitionError(
        `${where}: ${resource} needs a static Parameters.FunctionName`,
      );
    }
    functionName = fn;
  } else if (LAMBDA_ARN.test(resource)) {
    kind = 'lambda-direct';
    functionName = resource;
  } else {
    throw new UnsupportedDefinitionError(
      `${where}: Resource ${resource} cannot be run by the local engine (it runs lambda:invoke, lambda:invoke.waitForTaskToken and Lambda function ARNs)`,
    );
  }
  if (!resolveFunction(functionName)) {
    throw new UnsupportedDefinitionError(
      `${where}: function ${functionName} is not in the task table`,
    );
  }
  const usesToken = JSON.stringify(parameters ?? {}).includes('$$.Task.Token');
  if (usesToken && kind !== 'lambda-callback') {
    throw new UnsupportedDefinitionError(
      `${where}: $$.Task.Token is only available to .waitForTaskToken tasks`,
    );
  }
  if (kind === 'lambda-callback' && !usesToken) {
    throw new UnsupportedDefinitionError(
      `${where}: a .waitForTaskToken task must pass $$.Task.Token to its function`,
    );
  }
  const spec: StateSpec = {
    name,
    originalType: 'Task',
    kind,
    functionName,
    retry: (state.Retry as Retrier[] | undefined) ?? [],
    hasHeartbeat: 'HeartbeatSeconds' in state || 'HeartbeatSecondsPath' in state,
    hasTimeout: 'TimeoutSeconds' in state || 'TimeoutSecondsPath' in state,
  };
  nestedTasks.set(name, spec);
  if (!topLevel) {
    if (kind === 'lambda-callback') {
      throw new UnsupportedDefinitionError(
        `${where}: a .waitForTaskToken task inside a Parallel or Map branch cannot be checkpointed and resumed by the local engine; move it to the top level`,
      );
    }
    if (spec.hasHeartbeat || 'TimeoutSecondsPath' in state) {
      throw new UnsupportedDefinitionError(
        `${where}: HeartbeatSeconds and TimeoutSecondsPath are only supported on top-level tasks by the local engine`,
      );
    }
    const seconds =
      typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : LAMBDA_MAX_SECONDS;
    state.TimeoutSeconds = Math.min(seconds, LAMBDA_MAX_SECONDS);
    return;
  }
  if ('InputPath' in state) {
    throw new UnsupportedDefinitionError(
      `${where}: InputPath on a top-level Task is not supported by the local engine (it must keep the raw state input to resume the state); select the input in Parameters instead`,
    );
  }
  specs.set(name, spec);
  const wrapped: Record<string, unknown> = {
    '__raw.$': '$',
    __params: parameters === undefined ? null : replaceTaskToken(parameters),
  };
  copySetting(state, wrapped, 'TimeoutSeconds', '__timeout');
  copySetting(state, wrapped, 'HeartbeatSeconds', '__heartbeat');
  state.Parameters = wrapped;
  delete state.Retry;
  delete state.TimeoutSecondsPath;
  delete state.HeartbeatSeconds;
  delete state.HeartbeatSecondsPath;
  // The library's own task timer must never fire first: timeouts run on the local clock.
  state.TimeoutSeconds =
    kind === 'lambda-callback'
      ? LAMBDA_MAX_SECONDS
      : Math.min(
          typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : LAMBDA_MAX_SECONDS,
          LAMBDA_MAX_SECONDS,
        );
}

function rewriteWait(
  name: string,
  state: Record<string, unknown>,
  specs: Map<string, StateSpec>,
): void {
  const where = `state "${name}"`;
  if ('InputPath' in state) {
    throw new UnsupportedDefinitionError(
      `${where}: InputPath on a Wait is not supported by the local engine`,
    );
  }
  const wait: Record<string, unknown> = {};
  for (const field of ['Seconds', 'Timestamp']) {
    if (field in state) wait[field] = state[field];
    if (`${field}Path` in state) wait[`${field}.$`] = state[`${field}Path`];
    delete state[field];
    delete state[`${field}Path`];
  }
  if (Object.keys(wait).length !== 1) {
    throw new UnsupportedDefinitionError(
      `${where}: a Wait needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath`,
    );
  }
  state.Type = 'Task';
  state.Resource = 'arn:aws:states:::local:wait';
  state.Parameters = { '__raw.$': '$', __wait: wait };
  state.TimeoutSeconds = LAMBDA_MAX_SECONDS;
  specs.set(name, {
    name,
    originalType: 'Wait',
    kind: 'wait',
    retry: [],
    hasHeartbeat: false,
    hasTimeout: false,
  });
}

function copySetting(
  state: Record<string, unknown>,
  target: Record<string, unknown>,
  field: string,
  into: string,
): void {
  if (typeof state[field] === 'number') target[into] = state[field];
  if (typeof state[`${field}Path`] === 'string') target[`${into}.$`] = state[`${field}Path`];
}

function replaceTaskToken(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(replaceTaskToken);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key.endsWith('.$') && child === '$$.Task.Token')
      out[key.slice(0, -2)] = TASK_TOKEN_SENTINEL;
    else out[key] = replaceTaskToken(child);
  }
  return out;
}

/**
 * The library rebuilds `$$.Execution.Input` and `StartTime` from each run's own input, which
 * would be wrong after a resume; the engine passes the true values under other names. It does not
 * know `$$.State`, so `$$.State.Name` becomes a literal.
 */
function rewriteContextPaths(
  state: Record<string, unknown>,
  stateName: string,
  where: string,
): void {
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') {
      // A function replacement: in a replacement string, '$$' would mean a single '$'.
      return value
        .replaceAll('$$.Execution.Input', () => '$$.Execution.OriginalInput')
        .replaceAll('$$.Execution.StartTime', () => '$$.Execution.OriginalStartTime');
    }
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key.endsWith('.$') && child === '$$.State.Name') {
        out[key.slice(0, -2)] = stateName;
        continue;
      }
      if (typeof child === 'string' && child.includes('$$.State.')) {
        throw new UnsupportedDefinitionError(
          `${where}: ${child} is not supported by the local engine (only $$.State.Name)`,
        );
      }
      out[key] = rewrite(child);
    }
    return out;
  };
  for (const field of [
    'Parameters',
    'ResultSelector',
    'ItemSelector',
    'Choices',
    'Default',
    'InputPath',
    'OutputPath',
    'ResultPath',
    'ItemsPath',
    'TimeoutSecondsPath',
    'HeartbeatSecondsPath',
    'SecondsPath',
    'TimestampPath',
    'ErrorPath',
    'CausePath',
  ]) {
    if (field in state) state[field] = rewrite(state[field]);
  }
}
