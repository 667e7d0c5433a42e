import { describe, expect, it } from 'vitest';
import {
  prepareDefinition,
  substitute,
  TASK_TOKEN_SENTINEL,
  UnsupportedDefinitionError,
} from '../../local/stepfunctions/definition.ts';

const FN = 'arn:aws:lambda:us-east-1:000000000000:function:fn';
const known = (name: string) => name === FN;

function machine(states: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ StartAt: Object.keys(states)[0], States: states, ...extra });
}

const invoke = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: FN, 'Payload.$': '$' },
  End: true,
  ...extra,
});

describe('Function: substitute', () => {
  it('replaces every known ${Key}', () => {
    expect(substitute('"${A}" and "${B}"', { A: 'x', B: 'y' })).toBe('"x" and "y"');
  });

  it('refuses a key with no substitution, naming it', () => {
    expect(() => substitute('"${Missing}"', {})).toThrow(/\$\{Missing\}/);
  });
});

describe('Function: prepareDefinition', () => {
  it('refuses JSONata, naming the field', () => {
    expect(() =>
      prepareDefinition(
        machine({ A: { Type: 'Pass', End: true } }, { QueryLanguage: 'JSONata' }),
        {},
        known,
      ),
    ).toThrow(/JSONata is not supported/);
  });

  it('refuses Assign variables rather than ignoring them', () => {
    expect(() =>
      prepareDefinition(machine({ A: { Type: 'Pass', Assign: { x: 1 }, End: true } }), {}, known),
    ).toThrow(/field Assign is not supported/);
  });

  it('refuses a resource it cannot run', () => {
    const text = machine({
      A: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: {}, End: true },
    });
    expect(() => prepareDefinition(text, {}, known)).toThrow(/cannot be run by the local engine/);
  });

  it('refuses a function that is not in the task table', () => {
    const text = machine({
      A: {
        ...invoke(),
        Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:other' },
      },
    });
    expect(() => prepareDefinition(text, {}, known)).toThrow(/not in the task table/);
  });

  it('refuses a callback task inside a Map, which it could not resume', () => {
    const callback = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: FN, Payload: { 'token.$': '$$.Task.Token' } },
      End: true,
    };
    const text = machine({
      M: { Type: 'Map', ItemProcessor: { StartAt: 'C', States: { C: callback } }, End: true },
    });
    expect(() => prepareDefinition(text, {}, known)).toThrow(UnsupportedDefinitionError);
  });

  it('refuses a Wait inside a Parallel branch', () => {
    const text = machine({
      P: {
        Type: 'Parallel',
        Branches: [{ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 5, End: true } } }],
        End: true,
      },
    });
    expect(() => prepareDefinition(text, {}, known)).toThrow(/Wait inside a Parallel or Map/);
  });

  it('refuses a callback task that does not pass its token', () => {
    const text = machine({
      C: { ...invoke(), Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken' },
    });
    expect(() => prepareDefinition(text, {}, known)).toThrow(/must pass \$\$\.Task\.Token/);
  });

  it('refuses InputPath on a top-level task, which would lose the raw input needed to resume', () => {
    expect(() =>
      prepareDefinition(machine({ A: invoke({ InputPath: '$.x' }) }), {}, known),
    ).toThrow(/InputPath/);
  });

  it('wraps a callback task: raw input, token sentinel, timeout and heartbeat paths; strips Retry for the engine', () => {
    const text = machine({
      C: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: FN,
          Payload: { 'token.$': '$$.Task.Token', 'caseId.$': '$.caseId' },
        },
        TimeoutSecondsPath: '$.timeout',
        HeartbeatSeconds: 60,
        Retry: [{ ErrorEquals: ['X'] }],
        End: true,
      },
    });
    const prepared = prepareDefinition(text, {}, known);
    const state = (prepared.definition.States as Record<string, Record<string, unknown>>).C!;
    expect(state.Parameters).toEqual({
      '__raw.$': '$',
      __params: {
        FunctionName: FN,
        Payload: { token: TASK_TOKEN_SENTINEL, 'caseId.$': '$.caseId' },
      },
      '__timeout.$': '$.timeout',
      __heartbeat: 60,
    });
    expect(state.Retry).toBeUndefined();
    expect(prepared.states.get('C')).toMatchObject({
      kind: 'lambda-callback',
      retry: [{ ErrorEquals: ['X'] }],
    });
  });

  it('rewrites $$.Execution.Input so it survives a resume, keeping a literal "$$"', () => {
    const text = machine({
      A: {
        Type: 'Pass',
        Parameters: { 'k.$': '$$.Execution.Input.key', 'n.$': '$$.State.Name' },
        End: true,
      },
    });
    const prepared = prepareDefinition(text, {}, known);
    const state = (prepared.definition.States as Record<string, Record<string, unknown>>).A!;
    expect(state.Parameters).toEqual({ 'k.$': '$$.Execution.OriginalInput.key', n: 'A' });
  });
});

describe('Function: prepareDefinition (what CreateStateMachine refuses)', () => {
  const ok = { ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2 };
  it.each([
    ['States.ALL not last', { Retry: [ok, { ErrorEquals: ['X'] }] }, /States.ALL must be the last/],
    ['States.ALL with others', { Retry: [{ ErrorEquals: ['States.ALL', 'X'] }] }, /appear alone/],
    ['a BackoffRate below 1', { Retry: [{ ...ok, BackoffRate: 0.5 }] }, /BackoffRate/],
    ['an unknown JitterStrategy', { Retry: [{ ...ok, JitterStrategy: 'SOME' }] }, /JitterStrategy/],
    [
      'a fractional IntervalSeconds',
      { Retry: [{ ...ok, IntervalSeconds: 1.5 }] },
      /IntervalSeconds/,
    ],
    ['an empty ErrorEquals', { Catch: [{ ErrorEquals: [], Next: 'A' }] }, /non-empty ErrorEquals/],
    [
      'a catcher after States.ALL',
      {
        Catch: [
          { ErrorEquals: ['States.ALL'], Next: 'A' },
          { ErrorEquals: ['X'], Next: 'A' },
        ],
      },
      /States.ALL must be the last catcher/,
    ],
  ])('refuses %s', (_name, extra, message) => {
    expect(() => prepareDefinition(machine({ A: invoke(extra) }), {}, known)).toThrow(message);
  });

  it('accepts a well-formed Retry and Catch', () => {
    const text = machine({
      A: invoke({
        Retry: [{ ErrorEquals: ['X'], BackoffRate: 1 }, ok],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'B' }],
      }),
      B: { Type: 'Pass', End: true },
    });
    expect(() => prepareDefinition(text, {}, known)).not.toThrow();
  });
});
