import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { testDynamoEndpoint } from '../support/dynamo.ts';
import { ROOT } from '../support/engine-harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'takedown-crash-'));
const effectDir = mkdtempSync(join(tmpdir(), 'takedown-crash-effects-'));
const tableName = `takedown-crash-${randomBytes(4).toString('hex')}`;
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(effectDir, { recursive: true, force: true });
});

async function startCloudProcess(): Promise<{
  child: ChildProcess;
  sfn: string;
  stateMachineArn: string;
  restored: { rerun: number };
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/cloud-process.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      TABLE_NAME: tableName,
      DYNAMO_ENDPOINT: testDynamoEndpoint(),
      EFFECT_DIR: effectDir,
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = /READY (.+)/.exec(text);
    if (ready) return { child, ...JSON.parse(ready[1]!) };
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`cloud process failed:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const logLines = () =>
  existsSync(join(effectDir, 'log'))
    ? readFileSync(join(effectDir, 'log'), 'utf8').trim().split('\n')
    : [];

describe('Crash recovery', () => {
  it('re-runs a task interrupted by kill -9 after the restart, and the case finishes with no duplicate effect', async () => {
    const first = await startCloudProcess();
    const sfn = new SFNClient({
      endpoint: first.sfn,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local-secret' },
    });
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: first.stateMachineArn,
        name: 'crash-1',
        input: JSON.stringify({ key: 'crash-1' }),
      }),
    );
    sfn.destroy();
    while (!logLines().includes('start:crash-1')) await new Promise((r) => setTimeout(r, 50));
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;

    writeFileSync(join(effectDir, 'release'), '');
    const second = await startCloudProcess();
    expect(second.restored.rerun).toBe(1);
    const sfn2 = new SFNClient({
      endpoint: second.sfn,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local-secret' },
    });
    let status: string | undefined;
    let output: string | undefined;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      ({ status, output } = await sfn2.send(new DescribeExecutionCommand({ executionArn })));
      if (status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    sfn2.destroy();
    expect(status).toBe('SUCCEEDED');
    expect(JSON.parse(output!).result).toEqual({ effect: 'done' });
    expect(logLines()).toEqual(['start:crash-1', 'start:crash-1', 'effect:crash-1']);
    second.child.kill('SIGTERM');
  });
});
