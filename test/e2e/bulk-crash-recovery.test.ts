import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bulkNoticeBody,
  demoTokens,
  seedListings,
  startStack,
  uploadManifest,
} from '../../bench/lib/stack.ts';
import { executionNameFor } from '../../functions/adapters/case-execution.ts';
import { bulkCaseId } from '../../functions/domain/bulk-notice.ts';
import { ACCOUNT_ID, REGION } from '../../local/cloud.ts';

/**
 * A bulk notice's fan-out survives a kill -9 of the local cloud: `npm start`'s stack is killed
 * while the distributed Map is starting cases, and started again on the same DATA_DIR. The fan-out
 * execution re-runs its Map state (each batch is idempotent: the cases it wrote are read back, the
 * starts find their executions), and every case ends started exactly once.
 */

const ROWS = 500;
const dataDir = mkdtempSync(join(tmpdir(), 'takedown-bulk-crash-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start() {
  const stack = await startStack(dataDir);
  children.push(stack.child);
  const sfn = new SFNClient({
    endpoint: stack.sfn,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local-secret' },
  });
  return { ...stack, sfn };
}

/** The names of every execution of a machine of the stack. */
async function executionNames(sfn: SFNClient, machine: string): Promise<string[]> {
  const stateMachineArn = `arn:aws:states:${REGION}:${ACCOUNT_ID}:stateMachine:${machine}`;
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn, maxResults: 1000, nextToken }),
    );
    names.push(...(page.executions ?? []).map((e) => e.name!));
    nextToken = page.nextToken;
  } while (nextToken);
  return names;
}

describe('Bulk notice: crash and restart during the fan-out', () => {
  it('starts every case of a 500-row manifest exactly once when the local cloud is killed mid fan-out and started again', async () => {
    // Arrange
    const first = await start();
    const token = (await demoTokens(first.url))('acme-brand');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const listingIds = Array.from({ length: ROWS }, (_, i) => `lst-crash-${i}`);
    await seedListings(first.url, 'seller-crash', listingIds);
    const evidenceId = await uploadManifest(
      first.url,
      token,
      `listingId\n${listingIds.join('\n')}\n`,
    );
    const filed = await fetch(`${first.url}/v1/notices`, {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': `bulk-crash-${Date.now()}` },
      body: JSON.stringify(bulkNoticeBody(evidenceId)),
    });
    expect(filed.status).toBe(202);
    const { noticeId } = (await filed.json()) as { noticeId: string };

    // Act: kill -9 as soon as the fan-out has started its first cases.
    let startedAtKill = 0;
    for (const deadline = Date.now() + 120_000; startedAtKill === 0; ) {
      if (Date.now() > deadline) throw new Error('the fan-out started no case in 120 s');
      startedAtKill = (await executionNames(first.sfn, 'takedown')).length;
    }
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    first.sfn.destroy();
    const second = await start();
    let progress = { total: 0, started: 0 };
    for (const deadline = Date.now() + 240_000; progress.started < ROWS; ) {
      if (Date.now() > deadline)
        throw new Error(`not every case started after the restart: ${JSON.stringify(progress)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const notice = await fetch(`${second.url}/v1/notices/${noticeId}`, { headers: auth });
      ({ progress } = (await notice.json()) as { progress: typeof progress });
    }
    // Past the reconciler's grace period: a run of it finds nothing left to start or count.
    await fetch(`${second.url}/_local/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'PT10M' }),
    });

    // Assert
    expect(startedAtKill).toBeLessThan(ROWS);
    const notice = await fetch(`${second.url}/v1/notices/${noticeId}`, { headers: auth });
    expect(((await notice.json()) as { progress: unknown }).progress).toMatchObject({
      total: ROWS,
      started: ROWS,
      rejectedRows: [],
    });
    const names = await executionNames(second.sfn, 'takedown');
    const expected = listingIds.map((listingId) =>
      executionNameFor(bulkCaseId(noticeId, listingId)),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => expected.includes(name)).sort()).toEqual(expected.sort());
    expect(await executionNames(second.sfn, 'bulk-notice')).toHaveLength(1);
    second.sfn.destroy();
    const stopped = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGINT');
    await stopped;
  }, 480_000);
});
