import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Starts `npm start`'s stack on a free port with the given DATA_DIR; resolves with its API URL.
 * With STACK_CPU_PROF=<dir>, the local cloud writes a V8 CPU profile there when it stops.
 */
export async function startStack(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.STACK_CPU_PROF
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.STACK_CPU_PROF]
        : []),
      '--import',
      'tsx',
      'local/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        DATA_DIR: dataDir,
        NODE_NO_WARNINGS: '1',
        LOG_LEVEL: 'ERROR',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on('data', () => undefined);
  for (let i = 0; i < 600 && !/Ctrl-C stops everything/.test(text); i++)
    await new Promise((r) => setTimeout(r, 100));
  const url = /API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(text)?.[1];
  if (!url) throw new Error(`npm start did not come up:\n${text}`);
  return { child, url };
}

/** The ready Bearer token of a seeded demo user of the stack at `url`. */
export async function demoTokens(url: string): Promise<(name: string) => string> {
  const users = (await (await fetch(`${url}/_local/users`)).json()) as {
    name: string;
    token: string;
  }[];
  return (name) => users.find((u) => u.name === name)!.token;
}
