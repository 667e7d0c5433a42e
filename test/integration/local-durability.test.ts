import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { scheduledJobs } from '../../functions/tasks.ts';
import type { LocalCloud, LocalCloudOptions } from '../../local/cloud.ts';
import { fixtureState } from '../fixtures/functions/workflow-fixtures.ts';
import { startTestCloud } from '../support/cloud.ts';

const WORKFLOW_FIXTURES = 'test/fixtures/functions/workflow-fixtures.ts';
const DAY = 86_400;
const fixtures: LocalCloudOptions = {
  workflowTasks: [
    {
      substitutionKey: 'RecordTokenFunctionArn',
      functionName: 'fixture-record-token',
      handler: WORKFLOW_FIXTURES,
      exportName: 'recordToken',
    },
  ],
  stateMachines: [
    {
      name: 'takedown',
      definitionFile: 'test/fixtures/statemachines/callback.asl.json',
      tasks: ['RecordTokenFunctionArn'],
    },
  ],
  scheduledJobs: [],
  seed: false,
};

const dirs: string[] = [];
const clouds: LocalCloud[] = [];

afterEach(async () => {
  for (const cloud of clouds.splice(0)) await cloud.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A cloud on a kept data dir, restartable on the same dir and table. */
function restartable(options: LocalCloudOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'takedown-durable-'));
  dirs.push(dataDir);
  const tableName = `takedown-durable-${randomBytes(4).toString('hex')}`;
  return async () => {
    const cloud = await startTestCloud({ ...fixtures, ...options, dataDir, tableName });
    clouds.push(cloud);
    return cloud;
  };
}

async function stop(cloud: LocalCloud): Promise<void> {
  clouds.splice(clouds.indexOf(cloud), 1);
  await cloud.stop();
}

async function startWaiting(cloud: LocalCloud, key: string, timeoutSeconds = 15 * DAY) {
  const sfn = new SFNClient({});
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: cloud.stateMachineArns.takedown,
      name: key,
      input: JSON.stringify({ key, timeoutSeconds, heartbeatSeconds: 400 * DAY }),
    }),
  );
  sfn.destroy();
  return executionArn!;
}

async function describeExecution(executionArn: string) {
  const sfn = new SFNClient({});
  try {
    const result = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    const { events } = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }),
    );
    return {
      status: result.status,
      output: result.output ? JSON.parse(result.output) : undefined,
      types: events?.map((e) => e.type) ?? [],
    };
  } finally {
    sfn.destroy();
  }
}

describe('Durable local cloud', () => {
  it('resumes a waiting execution on the definition version it started with, after the ASL changed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'takedown-versions-'));
    dirs.push(dataDir);
    const changed = join(dataDir, 'callback-v2.asl.json');
    writeFileSync(
      changed,
      readFileSync('test/fixtures/statemachines/callback.asl.json', 'utf8').replace(
        '"outcome": "decided"',
        '"outcome": "decided-on-v2"',
      ),
    );
    const tableName = `takedown-versions-${randomBytes(4).toString('hex')}`;
    const first = await startTestCloud({ ...fixtures, dataDir, tableName });
    clouds.push(first);
    const key = `version-${randomBytes(3).toString('hex')}`;
    const oldExecution = await startWaiting(first, key);
    await first.settled();
    const oldToken = fixtureState().tokens.get(key)!;
    await stop(first);

    const second = await startTestCloud({
      ...fixtures,
      dataDir,
      tableName,
      stateMachines: [{ ...fixtures.stateMachines![0]!, definitionFile: changed }],
    });
    clouds.push(second);
    const newKey = `version-${randomBytes(3).toString('hex')}`;
    const newExecution = await startWaiting(second, newKey);
    await second.settled();
    const sfn = new SFNClient({});
    for (const token of [oldToken, fixtureState().tokens.get(newKey)!]) {
      await sfn.send(
        new SendTaskSuccessCommand({ taskToken: token, output: '{"decision":"approve"}' }),
      );
    }
    sfn.destroy();
    await second.settled();
    expect((await describeExecution(oldExecution)).output.outcome).toBe('decided');
    expect((await describeExecution(newExecution)).output.outcome).toBe('decided-on-v2');
  });

  it('keeps a waiting review across a stop and start; the decision made after the restart completes it', async () => {
    const start = restartable();
    const first = await start();
    const key = `survive-${randomBytes(3).toString('hex')}`;
    const executionArn = await startWaiting(first, key);
    await first.settled();
    const token = fixtureState().tokens.get(key)!;
    await stop(first);

    const second = await start();
    expect(second.restored.waiting).toBe(1);
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');
    const sfn = new SFNClient({});
    await sfn.send(
      new SendTaskSuccessCommand({
        taskToken: token,
        output: JSON.stringify({ decision: 'approve' }),
      }),
    );
    sfn.destroy();
    await second.settled();
    const result = await describeExecution(executionArn);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ outcome: 'decided', decision: { decision: 'approve' } });
  });

  it('fires, once, right after the restart, a window that ended while the local cloud was stopped', async () => {
    const start = restartable();
    const first = await start();
    const key = `window-${randomBytes(3).toString('hex')}`;
    const executionArn = await startWaiting(first, key, 14 * DAY);
    await first.settled();
    const dataDir = first.dataDir;
    await stop(first);
    // Sixteen days pass while it is stopped.
    const clockFile = join(dataDir, 'clock.json');
    const { offsetMs } = JSON.parse(readFileSync(clockFile, 'utf8')) as { offsetMs: number };
    writeFileSync(clockFile, JSON.stringify({ offsetMs: offsetMs + 16 * DAY * 1000 }));

    const second = await start();
    await new Promise((r) => setTimeout(r, 50));
    await second.settled();
    const result = await describeExecution(executionArn);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ outcome: 'timed_out', error: 'States.Timeout' });
    expect(result.types.filter((t) => t === 'TaskTimedOut')).toHaveLength(1);
    expect(result.types.filter((t) => t === 'TaskStateEntered')).toHaveLength(1);
  });

  it('resumes 200 executions waiting at a restart, each completed by its pre-restart token', async () => {
    const start = restartable();
    const first = await start();
    const keys = Array.from(
      { length: 200 },
      (_, i) => `many-${i}-${randomBytes(3).toString('hex')}`,
    );
    const arns = await Promise.all(keys.map((key) => startWaiting(first, key)));
    await first.settled();
    const tokens = keys.map((key) => fixtureState().tokens.get(key)!);
    await stop(first);

    const second = await start();
    expect(second.restored.waiting).toBe(200);
    const sfn = new SFNClient({});
    await Promise.all(
      tokens.map((taskToken, i) =>
        sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ i }) })),
      ),
    );
    sfn.destroy();
    await second.settled();
    const results = await Promise.all(arns.map((arn) => describeExecution(arn)));
    results.forEach((result, i) => {
      expect(result.status).toBe('SUCCEEDED');
      expect(result.output).toEqual({ outcome: 'decided', decision: { i } });
    });
  });

  it('runs the reconciler on the clock: it starts a case whose start failed, and clears its marker', async () => {
    const start = restartable({ scheduledJobs });
    const cloud = await start();
    const { dynamo, tableName } = await import('../../functions/adapters/dynamo-client.ts');
    const { pendingStartMarker, caseKey } = await import(
      '../../functions/adapters/case-start-outbox.ts'
    );
    const { startCaseExecution, executionNameFor } = await import(
      '../../functions/adapters/case-execution.ts'
    );
    const caseId = `c-${randomBytes(4).toString('hex')}`;
    const input = JSON.stringify({ key: caseId, timeoutSeconds: DAY, heartbeatSeconds: 2 * DAY });
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...caseKey(caseId),
          caseId,
          ...pendingStartMarker(caseId, new Date(cloud.clock.now()).toISOString(), input),
        },
      }),
    );
    // The API's own start fails (every SDK attempt answered 503), and so does the reconciler's first run.
    cloud.engine.failNextStarts(6);
    await expect(startCaseExecution(caseId, input)).rejects.toThrow();
    await cloud.advance(5 * 60_000);
    const executionArn =
      cloud.stateMachineArns.takedown!.replace(':stateMachine:', ':execution:') +
      `:${executionNameFor(caseId)}`;
    await expect(describeExecution(executionArn)).rejects.toThrow(/does not exist/i);

    await cloud.advance(5 * 60_000);
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');
    const item = await dynamo.send(new GetCommand({ TableName: tableName, Key: caseKey(caseId) }));
    expect(item.Item?.gsi2pk).toBeUndefined();
    expect(fixtureState().tokens.get(caseId)).toBeTruthy();
  });
});
