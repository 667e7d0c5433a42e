import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  GetExecutionHistoryCommand,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureState } from '../fixtures/functions/workflow-fixtures.ts';
import { type EngineHarness, startEngineHarness } from '../support/engine-harness.ts';

let h: EngineHarness;
let seq = 0;

beforeAll(async () => {
  h = await startEngineHarness();
});
afterAll(async () => {
  await h.stop();
});

const DAY = 86_400;

async function startCallback(overrides: Record<string, unknown> = {}) {
  const key = `case-${++seq}`;
  const input = { key, timeoutSeconds: 15 * DAY, heartbeatSeconds: 400 * DAY, ...overrides };
  const { executionArn } = await h.sfn.send(
    new StartExecutionCommand({
      stateMachineArn: h.machines.callback,
      name: key,
      input: JSON.stringify(input),
    }),
  );
  await h.engine.settled();
  const token = fixtureState().tokens.get(key);
  return { key, executionArn: executionArn!, token: token!, input };
}

async function describeExecution(executionArn: string) {
  return h.sfn.send(new DescribeExecutionCommand({ executionArn }));
}

async function settledOutput(executionArn: string) {
  await h.engine.settled();
  const result = await describeExecution(executionArn!);
  return { status: result.status, output: result.output ? JSON.parse(result.output) : undefined };
}

describe('Local Step Functions: task tokens', () => {
  it('hands the task a fresh opaque token and waits for it', async () => {
    const { executionArn, token } = await startCallback();
    expect(token).toMatch(/^AQ[A-Za-z0-9_-]{100,}$/);
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');
  });

  it('resumes with the SendTaskSuccess output in ResultPath', async () => {
    const { executionArn, token } = await startCallback();
    await h.sfn.send(
      new SendTaskSuccessCommand({
        taskToken: token,
        output: JSON.stringify({ decision: 'approve' }),
      }),
    );
    expect(await settledOutput(executionArn!)).toEqual({
      status: 'SUCCEEDED',
      output: { outcome: 'decided', decision: { decision: 'approve' } },
    });
  });

  it('routes SendTaskFailure to the States.TaskFailed catcher with its error and cause', async () => {
    const { executionArn, token } = await startCallback();
    await h.sfn.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'Rejected', cause: 'not infringing' }),
    );
    expect(await settledOutput(executionArn!)).toEqual({
      status: 'SUCCEEDED',
      output: { outcome: 'rejected', error: 'Rejected', cause: 'not infringing' },
    });
  });

  it('answers a second callback on the same token with TaskTimedOut', async () => {
    const { executionArn, token } = await startCallback();
    await h.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    await expect(
      h.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(
      h.sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'X' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
    expect((await settledOutput(executionArn)).output.outcome).toBe('decided');
  });

  it('answers an unknown token with InvalidToken', async () => {
    await expect(
      h.sfn.send(
        new SendTaskSuccessCommand({ taskToken: 'AQnot-a-token-we-issued', output: '{}' }),
      ),
    ).rejects.toBeInstanceOf(InvalidToken);
  });

  it('times out on the local clock into the States.Timeout catcher, and a late callback gets TaskTimedOut', async () => {
    const { executionArn, token } = await startCallback({ timeoutSeconds: 15 * DAY });
    await h.advance({ days: 14, seconds: 86_399 });
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');
    await h.advance({ seconds: 1 });
    expect(await settledOutput(executionArn!)).toEqual({
      status: 'SUCCEEDED',
      output: { outcome: 'timed_out', error: 'States.Timeout' },
    });
    await expect(
      h.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('does not fire a 30-day timeout at once, nor before 30 days', async () => {
    const { executionArn } = await startCallback({ timeoutSeconds: 30 * DAY });
    await new Promise((r) => setTimeout(r, 50));
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');
    await h.advance({ days: 29 });
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');
    await h.advance({ days: 1 });
    expect((await settledOutput(executionArn)).output.outcome).toBe('timed_out');
  });

  it('fails the task with States.HeartbeatTimeout when no heartbeat arrives in time, and heartbeats keep it alive', async () => {
    const { executionArn, token } = await startCallback({ heartbeatSeconds: 3600 });
    await h.advance({ seconds: 3000 });
    await h.sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    await h.advance({ seconds: 3000 });
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');
    await h.advance({ seconds: 700 });
    expect(await settledOutput(executionArn!)).toEqual({
      status: 'SUCCEEDED',
      output: { outcome: 'heartbeat_lost', error: 'States.HeartbeatTimeout' },
    });
  });

  it('closes the token of a stopped execution', async () => {
    const { executionArn, token } = await startCallback();
    await h.sfn.send(new StopExecutionCommand({ executionArn, error: 'Stopped', cause: 'test' }));
    expect((await describeExecution(executionArn)).status).toBe('ABORTED');
    await expect(
      h.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('shows the task token in the TaskScheduled parameters of the history, as AWS does', async () => {
    const { executionArn, token } = await startCallback();
    await h.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"ok":true}' }));
    await h.engine.settled();
    const { events } = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const scheduled = events?.find((e) => e.type === 'TaskScheduled');
    // Whoever may call states:GetExecutionHistory can read tokens: no function or role of ours may.
    expect(scheduled?.taskScheduledEventDetails?.parameters).toContain(token);
    expect(JSON.stringify(events?.filter((e) => e.type !== 'TaskScheduled'))).not.toContain(token);
    expect(events?.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });
});

describe('Local Step Functions: StartExecution', () => {
  it('is idempotent for the same name and input while running, and refuses a different input', async () => {
    const input = JSON.stringify({ key: 'idem-1', timeoutSeconds: DAY, heartbeatSeconds: 2 * DAY });
    const first = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: h.machines.callback, name: 'idem-1', input }),
    );
    const second = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: h.machines.callback, name: 'idem-1', input }),
    );
    expect(second.executionArn).toBe(first.executionArn);
    expect(second.startDate?.getTime()).toBe(first.startDate?.getTime());
    await expect(
      h.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: h.machines.callback,
          name: 'idem-1',
          input: '{"key":"other"}',
        }),
      ),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });
});

describe('Local Step Functions: waits, retries, Map and the context object', () => {
  it('waits on the clock, retries with backoff on the clock, and completes', async () => {
    const key = `retry-${++seq}`;
    const input = { key, waitSeconds: 3600, failTimes: 2, items: [1, 2, 3] };
    const { executionArn } = await h.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: h.machines['wait-and-retry'],
        name: key,
        input: JSON.stringify(input),
      }),
    );
    await h.engine.settled();
    expect(fixtureState().calls.get(key)).toBeUndefined();
    await h.advance({ seconds: 3600 });
    expect(fixtureState().calls.get(key)).toBe(1);
    await h.advance({ seconds: 59 });
    expect(fixtureState().calls.get(key)).toBe(1);
    await h.advance({ seconds: 1 });
    expect(fixtureState().calls.get(key)).toBe(2);
    await h.advance({ seconds: 120 });
    expect(await settledOutput(executionArn!)).toEqual({
      status: 'SUCCEEDED',
      output: { attempts: 3, echoed: [{ value: 1 }, { value: 2 }, { value: 3 }], originalKey: key },
    });
  });

  it('gives up after MaxAttempts and takes the catcher', async () => {
    const key = `giveup-${++seq}`;
    const input = { key, waitSeconds: 0, failTimes: 10, items: [] };
    const { executionArn } = await h.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: h.machines['wait-and-retry'],
        name: key,
        input: JSON.stringify(input),
      }),
    );
    await h.advance({ days: 1 });
    const result = await describeExecution(executionArn!);
    expect(fixtureState().calls.get(key)).toBe(4);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('GaveUp');
  });
});

describe('Local Step Functions: concurrency', () => {
  it('runs 200 executions in flight at once to the right outcome each', async () => {
    const started = await Promise.all(Array.from({ length: 200 }, () => startCallback()));
    await Promise.all(
      started.map(({ token }, i) =>
        i % 2 === 0
          ? h.sfn.send(
              new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ i }) }),
            )
          : h.sfn.send(
              new SendTaskFailureCommand({ taskToken: token, error: 'Rejected', cause: String(i) }),
            ),
      ),
    );
    await h.engine.settled();
    const results = await Promise.all(
      started.map(({ executionArn }) => settledOutput(executionArn)),
    );
    results.forEach((result, i) => {
      expect(result.status).toBe('SUCCEEDED');
      expect(result.output).toEqual(
        i % 2 === 0
          ? { outcome: 'decided', decision: { i } }
          : { outcome: 'rejected', error: 'Rejected', cause: String(i) },
      );
    });
  });
});
