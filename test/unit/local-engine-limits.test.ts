import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../local/clock.ts';
import { LocalLambda } from '../../local/lambda/invoker.ts';
import { HISTORY_LIMIT, LocalStepFunctions } from '../../local/stepfunctions/engine.ts';
import { SfnApiError } from '../../local/stepfunctions/errors.ts';

/** A workflow that never ends: its way out needs an input it never gets. */
const LOOP = JSON.stringify({
  StartAt: 'Ping',
  States: {
    Ping: { Type: 'Pass', Next: 'Check' },
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.stop', BooleanEquals: true, Next: 'Done' }],
      Default: 'Ping',
    },
    Done: { Type: 'Succeed' },
  },
});

describe('Local engine: Step Functions limits', () => {
  it('fails an execution at 25,000 history events, as AWS does, instead of looping forever', async () => {
    const clock = new VirtualClock();
    const lambda = new LocalLambda({ rootDir: process.cwd(), region: 'us-east-1', accountId: '0' });
    const engine = new LocalStepFunctions({ clock, lambda, region: 'us-east-1' });
    const arn = await engine.createStateMachine('loop', LOOP, {});
    const { executionArn } = engine.startExecution(arn, 'forever', '{"stop":false}');
    await engine.settled();
    const record = engine.describeExecution(executionArn);
    expect(record.status).toBe('FAILED');
    expect(record.error).toBe('States.Runtime');
    expect(record.history.length).toBeGreaterThanOrEqual(HISTORY_LIMIT);
    expect(record.history.length).toBeLessThan(HISTORY_LIMIT + 5);
    engine.shutdown();
    clock.stop();
  }, 120_000);

  it('fails an execution whose task returns over 256 KiB, and a Catch on States.ALL does not catch it', async () => {
    const clock = new VirtualClock();
    const lambda = new LocalLambda({ rootDir: process.cwd(), region: 'us-east-1', accountId: '0' });
    const fn = lambda.register({
      functionName: 'oversized',
      handler: 'test/fixtures/functions/hang-fixture.ts',
      exportName: 'oversized',
    });
    const engine = new LocalStepFunctions({ clock, lambda, region: 'us-east-1' });
    const arn = await engine.createStateMachine(
      'big',
      JSON.stringify({
        StartAt: 'Big',
        States: {
          Big: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: fn, 'Payload.$': '$' },
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
            End: true,
          },
          Caught: { Type: 'Succeed' },
        },
      }),
      {},
    );
    const { executionArn } = engine.startExecution(arn, 'big', '{}');
    await engine.settled();
    const record = engine.describeExecution(executionArn);
    expect({ status: record.status, error: record.error }).toEqual({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
    });
    expect(() => engine.sendTaskSuccess('any-token', JSON.stringify('x'.repeat(262_145)))).toThrow(
      SfnApiError,
    );
    engine.shutdown();
    clock.stop();
  });
});

describe('Local engine: TimeoutSecondsPath', () => {
  it('fails the execution (States.Runtime) when the path holds no positive integer', async () => {
    const clock = new VirtualClock();
    const lambda = new LocalLambda({ rootDir: process.cwd(), region: 'us-east-1', accountId: '0' });
    const fn = lambda.register({
      functionName: 'answers',
      handler: 'test/fixtures/functions/hang-fixture.ts',
      exportName: 'answer',
    });
    const engine = new LocalStepFunctions({ clock, lambda, region: 'us-east-1' });
    const arn = await engine.createStateMachine(
      'timeouts',
      JSON.stringify({
        StartAt: 'Call',
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: fn, 'Payload.$': '$' },
            TimeoutSecondsPath: '$.seconds',
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
            End: true,
          },
          Caught: { Type: 'Succeed' },
        },
      }),
      {},
    );
    const outcomes: Record<string, string | undefined> = {};
    for (const [name, seconds] of [
      ['text', '"30"'],
      ['fraction', '1.5'],
      ['integer', '30'],
    ] as const) {
      const { executionArn } = engine.startExecution(arn, name, `{"seconds":${seconds}}`);
      await engine.settled();
      const record = engine.describeExecution(executionArn);
      outcomes[name] = record.status === 'FAILED' ? record.error : record.status;
    }
    expect(outcomes).toEqual({
      text: 'States.Runtime',
      fraction: 'States.Runtime',
      integer: 'SUCCEEDED',
    });
    engine.shutdown();
    clock.stop();
  });
});
