import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface StartedCloud {
  /** The web app's and the API's origin, e.g. http://127.0.0.1:40123 */
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs what `npm start` runs (building the web app if web/ changed), on a free port with a
 * throwaway DATA_DIR, and waits until it prints that it is ready. `stop()` ends it with SIGTERM
 * (it stops DynamoDB Local itself) and removes the data.
 */
export async function startNpmStart(): Promise<StartedCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'takedown-web-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  while (!/Ctrl-C stops everything/.test(text)) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`npm start exited ${child.exitCode}:\n${text}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm start not ready in 180 s:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = /Web app\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(text)?.[1];
  if (!url) {
    await stop();
    throw new Error(`no web app URL in:\n${text}`);
  }
  return { url, output: () => text, stop };
}
