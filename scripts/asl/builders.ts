/**
 * Building blocks of the service's state machines (JSONPath ASL): Lambda tasks with the retry
 * policy every task shares, task-token waits on people through OpenPendingTask, and the parking
 * of a failed action for an operator's retry. The definitions in ./takedown.ts and ./redress.ts
 * are written with them; `npm run gen:asl` writes the JSON that CDK deploys and the local engine
 * runs, and a test fails when the committed JSON differs from what these produce.
 */

export type State = Record<string, unknown>;
export type States = Record<string, State>;

const LAMBDA_RETRY = {
  ErrorEquals: [
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
    'Lambda.TooManyRequestsException',
  ],
  IntervalSeconds: 2,
  MaxAttempts: 6,
  BackoffRate: 2,
  JitterStrategy: 'FULL',
};
const TRANSIENT_RETRY = {
  ErrorEquals: ['TransientError'],
  IntervalSeconds: 1,
  MaxAttempts: 5,
  BackoffRate: 2,
};
const MARKET_RETRY = {
  ErrorEquals: ['MarketplaceUnavailableError'],
  IntervalSeconds: 30,
  MaxAttempts: 4,
  BackoffRate: 2,
};

/** Catches every error of a state and parks the case at `at` (a `ParkAt<at>` state). */
export const park = (at: string) => ({
  ErrorEquals: ['States.ALL'],
  ResultPath: '$.failure',
  Next: `ParkAt${at}`,
});

/** Catches a wait's timeout into an explicit branch. */
export const timeout = (next: string) => ({
  ErrorEquals: ['States.Timeout'],
  ResultPath: '$.timedOut',
  Next: next,
});

/** A Lambda task of the task table (`${<fn>FunctionArn}`), its result under `resultPath.value`. */
export function invoke(
  fn: string,
  payload: Record<string, unknown>,
  resultPath: string,
  next: string,
  options: { market?: boolean; parkedAt?: string } = {},
): State {
  const state: State = {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: `\${${fn}FunctionArn}`, Payload: payload },
    ResultSelector: { 'value.$': '$.Payload' },
    ResultPath: resultPath,
    Retry: [LAMBDA_RETRY, TRANSIENT_RETRY, ...(options.market ? [MARKET_RETRY] : [])],
  };
  if (options.parkedAt) state.Catch = [park(options.parkedAt)];
  state.Next = next;
  return state;
}

/** A task payload: version 1, the case, the step, and more fields. */
export const payload = (step: string, extra: Record<string, unknown> = {}) => ({
  v: 1,
  'caseId.$': '$.caseId',
  step,
  ...extra,
});

/** A wait on people: OpenPendingTask stores the token server-side; the API answers it. */
export function awaitInput(
  kind: string,
  stepKey: string,
  timeoutPath: string,
  next: string,
  catches: readonly Record<string, unknown>[],
  options: { queue?: string; extra?: Record<string, unknown>; resultPath?: string } = {},
): State {
  const p: Record<string, unknown> = {
    v: 1,
    'caseId.$': '$.caseId',
    kind,
    'stepKey.$': stepKey,
    'taskToken.$': '$$.Task.Token',
    'timeoutSeconds.$': timeoutPath,
  };
  if (options.queue) p[options.queue.startsWith('$') ? 'queue.$' : 'queue'] = options.queue;
  Object.assign(p, options.extra ?? {});
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: { FunctionName: '${OpenPendingTaskFunctionArn}', Payload: p },
    TimeoutSecondsPath: timeoutPath,
    ResultPath: options.resultPath ?? '$.input',
    Retry: [LAMBDA_RETRY, TRANSIENT_RETRY],
    Catch: catches,
    Next: next,
  };
}

/** Adds one to a counter (`$.<counter>.n`), which keeps step keys unique across loops. */
export const count = (counter: string, next: string): State => ({
  Type: 'Pass',
  Parameters: { 'n.$': `States.MathAdd($.${counter}.n, 1)` },
  ResultPath: `$.${counter}`,
  Next: next,
});

/** A Choice on one string field; `Default` for everything else. */
export function choose(
  variable: string,
  branches: Record<string, string>,
  fallback: string,
  extra: readonly Record<string, unknown>[] = [],
): State {
  return {
    Type: 'Choice',
    Choices: [
      ...extra,
      ...Object.entries(branches).map(([value, next]) => ({
        Variable: variable,
        StringEquals: value,
        Next: next,
      })),
    ],
    Default: fallback,
  };
}

/**
 * The parking of failed actions: each `ParkAt<target>` records where, the case waits (status
 * `action_failed`) for an operator's retry or a withdrawal, then resumes at its target. Never lost.
 */
export function parking(targets: readonly string[], withdraw: string): States {
  const states: States = {};
  for (const target of targets) {
    states[`ParkAt${target}`] = {
      Type: 'Pass',
      Result: target,
      ResultPath: '$.parkedAt',
      Next: 'CountPark',
    };
  }
  states.CountPark = count('parks', 'Park');
  states.Park = {
    Type: 'Task',
    Comment:
      "A failed action waits (status action_failed) for an operator's retry or a withdrawal, then resumes where it failed. Never lost.",
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: {
      FunctionName: '${OpenPendingTaskFunctionArn}',
      Payload: {
        v: 1,
        'caseId.$': '$.caseId',
        kind: 'retry',
        queue: 'action_failed',
        'stepKey.$': "States.Format('park#{}', $.parks.n)",
        'parkedAt.$': '$.parkedAt',
        'failure.$': '$.failure',
        'taskToken.$': '$$.Task.Token',
        timeoutSeconds: 604800,
      },
    },
    TimeoutSeconds: 604800,
    ResultPath: '$.retry',
    Retry: [LAMBDA_RETRY, TRANSIENT_RETRY],
    Catch: [
      timeout('ParkOverdue'),
      { ErrorEquals: ['States.ALL'], ResultPath: '$.parkFailure', Next: 'ParkBroken' },
    ],
    Next: 'Unpark',
  };
  states.ParkOverdue = invoke(
    'RaiseOverdue',
    payload('overdue', {
      kind: 'retry',
      'stepKey.$': "States.Format('park_overdue#{}', $.parks.n)",
    }),
    '$.overdue',
    'CountPark',
  );
  states.ParkBroken = {
    Type: 'Fail',
    Error: 'CaseParkingFailed',
    Cause:
      'The case could not be parked for operators; the failed-executions alarm fires and the reconciler does not restart it.',
  };
  states.Unpark = {
    Type: 'Choice',
    Choices: [
      { Variable: '$.retry.type', StringEquals: 'withdraw', Next: withdraw },
      ...targets.map((target) => ({ Variable: '$.parkedAt', StringEquals: target, Next: target })),
    ],
    Default: 'ParkBroken',
  };
  return states;
}
