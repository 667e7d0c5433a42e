import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/engine-harness.ts';

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
  dynamodb: string;
  javaPid: number;
}

const dataDir = mkdtempSync(join(tmpdir(), 'takedown-npm-start-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Spawns what `npm start` runs, on a free port and a throwaway DATA_DIR. */
function spawnStart(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

/** Runs what `npm start` runs at LOG_LEVEL `logLevel`, and waits for it to be ready. */
async function start(logLevel = 'info'): Promise<Started> {
  const child = spawnStart({ LOG_LEVEL: logLevel });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  const deadline = Date.now() + 90_000;
  while (!/Ctrl-C stops everything/.test(text)) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${text}`);
    if (Date.now() > deadline) throw new Error(`npm start not ready in 90 s:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = /API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(text)?.[1];
  const dynamodb = /DynamoDB (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
  const javaPid = Number(/\(pid (\d+)\)/.exec(text)?.[1]);
  if (!url || !dynamodb || !javaPid) throw new Error(`could not read the URLs from:\n${text}`);
  return { child, output: () => text, url, dynamodb, javaPid };
}

/** Stops it with SIGTERM; resolves with its exit code once its output is complete. */
async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) =>
    started.child.once('close', (code) => resolve(code)),
  );
  started.child.kill('SIGTERM');
  return exited;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** An API request carrying a fresh token and a secret in its query string; what it answered. */
async function requestWithSecrets(url: string) {
  const minted = await fetch(`${url}/_local/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: 'log-probe', groups: ['rights-holder'] }),
  });
  const { token } = (await minted.json()) as { token: string };
  const secret = 'secret-cursor-value';
  const res = await fetch(`${url}/v1/notices?cursor=${secret}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.arrayBuffer();
  return { token, secret, status: res.status, requestId: res.headers.get('x-amzn-RequestId') };
}

describe('npm start', () => {
  it('prints the base URL and a token per demo user, serves the API, and stops cleanly on SIGTERM', async () => {
    const first = await start();
    expect(first.output()).toMatch(/ready in \d+ ms/);
    for (const name of ['acme-brand', 'reviewer', 'seller-1', 'seller-2', 'admin']) {
      expect(first.output()).toMatch(new RegExp(`${name}\\s+groups=`));
    }
    expect(first.output()).toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(first.output()).toContain('curl');
    const health = await fetch(`${first.url}/v1/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const logged = await requestWithSecrets(first.url);

    // Leave traces that must survive a restart: an item, and virtual time.
    const db = new DynamoDBClient({
      endpoint: first.dynamodb,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local-secret' },
    });
    await db.send(
      new PutItemCommand({
        TableName: 'takedown',
        Item: { pk: { S: 'RESTART' }, sk: { S: 'PROBE' } },
      }),
    );
    db.destroy();
    const advanced = await fetch(`${first.url}/_local/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'P3D' }),
    });
    const { now: before } = (await advanced.json()) as { now: string };

    expect(await stop(first)).toBe(0);
    expect(alive(first.javaPid)).toBe(false);
    // At LOG_LEVEL=info, each API request is one line, without its token or query string.
    const line = first
      .output()
      .split('\n')
      .find((l) => l.includes(`requestId=${logged.requestId}`));
    expect(line).toMatch(
      new RegExp(
        `^api method=GET path=/v1/notices status=${logged.status} durationMs=\\d+ requestId=`,
      ),
    );
    expect(first.output()).not.toContain(logged.token);
    expect(first.output()).not.toContain(logged.secret);

    const second = await start('warn');
    const clock = (await (await fetch(`${second.url}/_local/clock`)).json()) as { now: string };
    expect(Date.parse(clock.now)).toBeGreaterThanOrEqual(Date.parse(before));
    const db2 = new DynamoDBClient({
      endpoint: second.dynamodb,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local-secret' },
    });
    const probe = await db2.send(
      new GetItemCommand({
        TableName: 'takedown',
        Key: { pk: { S: 'RESTART' }, sk: { S: 'PROBE' } },
      }),
    );
    const seeded = await db2.send(
      new GetItemCommand({
        TableName: 'takedown',
        Key: { pk: { S: 'RH#rh-acme' }, sk: { S: 'PROFILE' } },
      }),
    );
    db2.destroy();
    expect(probe.Item?.pk?.S).toBe('RESTART');
    expect(seeded.Item?.status?.S).toBe('verified');
    await fetch(`${second.url}/v1/health`);
    expect(await stop(second)).toBe(0);
    expect(alive(second.javaPid)).toBe(false);
    // At LOG_LEVEL=warn, no request line.
    expect(second.output()).not.toMatch(/^api method=/m);
  });

  it('refuses an unknown LOG_LEVEL before starting anything', async () => {
    const child = spawnStart({ LOG_LEVEL: 'verbose' });
    let text = '';
    child.stderr?.on('data', (d: Buffer) => {
      text += d.toString();
    });
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code).toBe(1);
    expect(text).toContain('LOG_LEVEL must be one of debug, info, warn, error, silent');
  });

  it('leaves no JVM behind when it is killed with SIGKILL', async () => {
    const started = await start();
    const exited = new Promise((resolve) => started.child.once('exit', resolve));
    started.child.kill('SIGKILL');
    await exited;
    const deadline = Date.now() + 15_000;
    while (alive(started.javaPid) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(alive(started.javaPid)).toBe(false);
  });
});
