/**
 * Restart benchmark for the durable local cloud: starts N executions that wait on a task token,
 * stops the cloud, starts it again on the same data, and prints the restart time, the time to
 * load and resume the executions, and the disk used per waiting execution.
 *
 *   npm run bench:restart            (N = 1000)
 *   N=200 npm run bench:restart
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type LocalCloudOptions, startLocalCloud } from '../local/cloud.ts';
import { fixtureState } from '../test/fixtures/functions/workflow-fixtures.ts';

const N = Number(process.env.N ?? 1000);
const dataDir = mkdtempSync(join(tmpdir(), 'takedown-bench-restart-'));
const options: LocalCloudOptions = {
  port: 0,
  dataDir,
  seed: false,
  routes: [],
  scheduledJobs: [],
  bucketNotifications: [],
  workflowTasks: [
    {
      substitutionKey: 'RecordTokenFunctionArn',
      functionName: 'fixture-record-token',
      handler: 'test/fixtures/functions/workflow-fixtures.ts',
      exportName: 'recordToken',
    },
  ],
  stateMachines: [
    {
      name: 'callback',
      definitionFile: 'test/fixtures/statemachines/callback.asl.json',
      tasks: ['RecordTokenFunctionArn'],
    },
  ],
};

const du = (path: string) =>
  Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);

try {
  const first = await startLocalCloud(options);
  const sfn = new SFNClient({});
  const t0 = performance.now();
  for (let i = 0; i < N; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, N - i) }, (_, j) =>
        sfn.send(
          new StartExecutionCommand({
            stateMachineArn: first.stateMachineArns.callback,
            name: `bench-${i + j}`,
            input: JSON.stringify({
              key: `bench-${i + j}`,
              timeoutSeconds: 86_400,
              heartbeatSeconds: 172_800,
            }),
          }),
        ),
      ),
    );
  }
  await first.settled();
  const startMs = performance.now() - t0;
  await first.stop();
  const sfnBytes = du(join(dataDir, 'stepfunctions'));

  const t1 = performance.now();
  const second = await startLocalCloud(options);
  const restartMs = performance.now() - t1;
  const sfn2 = new SFNClient({});
  await sfn2.send(
    new SendTaskSuccessCommand({ taskToken: fixtureState().tokens.get('bench-0')!, output: '{}' }),
  );
  await second.settled();
  await second.stop();

  const rows: [string, string][] = [
    ['waiting executions', String(N)],
    ['start + wait of all (ms)', startMs.toFixed(0)],
    ['restart to ready, DynamoDB Local included (ms)', restartMs.toFixed(0)],
    ['load + resume of the executions (ms)', String(second.restored.ms)],
    ['executions resumed as waiting', String(second.restored.waiting)],
    ['disk: executions + tokens (bytes)', String(sfnBytes)],
    ['disk per waiting execution (bytes)', (sfnBytes / N).toFixed(0)],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(48)} ${v}`);
  sfn.destroy();
  sfn2.destroy();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
