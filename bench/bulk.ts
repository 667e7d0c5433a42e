/**
 * Bulk-notice benchmark (`npm run bench:bulk`): runs `npm start`'s stack on a free port with a
 * throwaway DATA_DIR, uploads a manifest of LISTINGS live listings (half by id, half by URL) as
 * the demo rights holder, files the notice, and prints the time from the 202 to every case
 * started (GET /v1/notices/{id} progress), the CPU time the local cloud spent over that span (the
 * machine is shared: the CPU seconds compare runs that the wall time under load cannot), the peak resident memory of the local cloud's process
 * tree (DynamoDB Local's JVM included), and the AWS duration the designed StartExecution rate
 * implies (FAN_OUT in functions/domain/bulk-notice.ts). Goal: ≤ 60 s locally for 10,000.
 * With SCREENED=1 it also waits until no case of the notice is still `screening`: locally the
 * screenings queue behind the fan-out (see LocalLambda's `priority`), so this is the time until
 * every case has reached its reviewer.
 *
 *   LISTINGS=10000 [SCREENED=1] npm run bench:bulk
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAN_OUT, impliedAwsStartSeconds } from '../functions/domain/bulk-notice.ts';
import {
  bulkNoticeBody,
  demoTokens,
  seedListings,
  startStack,
  uploadManifest,
} from './lib/stack.ts';

const LISTINGS = Number(process.env.LISTINGS ?? 10_000);
const SCREENED = process.env.SCREENED === '1';
const dataDir = mkdtempSync(join(tmpdir(), 'takedown-bench-bulk-'));

/** Resident memory (KiB) of a process and its descendants, from /proc. */
function treeRssKiB(rootPid: number): number {
  let total = 0;
  for (const pid of treePids(rootPid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {}
  }
  return total;
}

/** CPU time (user + system, seconds) of a process and its descendants by command, from /proc. */
function treeCpuSeconds(rootPid: number): Map<string, number> {
  const tick = 100; // USER_HZ on Linux
  const byCommand = new Map<string, number>();
  for (const pid of treePids(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / tick;
      byCommand.set(command, (byCommand.get(command) ?? 0) + seconds);
    } catch {}
  }
  return byCommand;
}

function treePids(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSafe('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {}
  }
  const pids: number[] = [];
  const visit = (pid: number) => {
    pids.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return pids;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

async function main() {
  const { child, url } = await startStack(dataDir);
  let peakKiB = 0;
  const sampler = setInterval(() => {
    peakKiB = Math.max(peakKiB, treeRssKiB(child.pid!));
  }, 250);
  try {
    const token = (await demoTokens(url))('acme-brand');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const listingIds = Array.from({ length: LISTINGS }, (_, i) => `lst-bulk-${i}`);
    await seedListings(url, 'seller-bulk', listingIds);
    const csv = `listingId,url\n${listingIds
      .map((id, i) => (i % 2 === 0 ? `${id},` : `,https://demo-marketplace.invalid/listings/${id}`))
      .join('\n')}\n`;
    const evidenceId = await uploadManifest(url, token, csv);
    const body = bulkNoticeBody(evidenceId);
    const cpuBefore = treeCpuSeconds(child.pid!);
    const posted = Date.now();
    const filed = await fetch(`${url}/v1/notices`, {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': `bench-bulk-${Date.now()}` },
      body: JSON.stringify(body),
    });
    const answered = Date.now();
    if (filed.status !== 202)
      throw new Error(`filing failed: ${filed.status} ${await filed.text()}`);
    const { noticeId } = (await filed.json()) as { noticeId: string };
    let progress = { total: 0, started: 0 };
    for (;;) {
      const notice = (await (
        await fetch(`${url}/v1/notices/${noticeId}`, { headers: auth })
      ).json()) as { progress: { total: number; started: number } };
      progress = notice.progress;
      if (progress.started >= LISTINGS) break;
      if (Date.now() - answered > 15 * 60_000) throw new Error('not started within 15 minutes');
      await new Promise((r) => setTimeout(r, 500));
    }
    const allStarted = Date.now();
    const cpuAfter = treeCpuSeconds(child.pid!);
    const cpuBy = [...cpuAfter].map(
      ([command, seconds]) => [command, seconds - (cpuBefore.get(command) ?? 0)] as const,
    );
    const cpuSeconds = cpuBy.reduce((sum, [, seconds]) => sum + seconds, 0);
    const [load1] = loadavg();
    const seconds = (allStarted - answered) / 1000;
    console.log('| measure | value |');
    console.log('|---|---|');
    console.log(`| listings in the manifest | ${LISTINGS} (half by id, half by URL) |`);
    console.log(`| POST /v1/notices answered (202 fanning_out) | ${answered - posted} ms |`);
    console.log(
      `| 202 → every case started (local) | ${seconds.toFixed(1)} s (${(LISTINGS / seconds).toFixed(0)} starts/s) |`,
    );
    console.log(
      `| CPU time of the local cloud (process tree) over that span | ${cpuSeconds.toFixed(1)} s (${cpuBy.map(([command, seconds]) => `${command} ${seconds.toFixed(1)} s`).join(', ')}), on ${cpus().length} cores; load average ${load1!.toFixed(1)} at the end |`,
    );
    console.log(
      `| peak RSS of the local cloud (process tree) | ${(peakKiB / 1024).toFixed(0)} MiB |`,
    );
    if (SCREENED) {
      for (;;) {
        const page = (await (
          await fetch(`${url}/v1/cases?noticeId=${noticeId}&status=screening&limit=1`, {
            headers: auth,
          })
        ).json()) as { items: unknown[] };
        if (page.items.length === 0) break;
        if (Date.now() - answered > 60 * 60_000) throw new Error('not screened within an hour');
        await new Promise((r) => setTimeout(r, 2_000));
      }
      const screened = (Date.now() - answered) / 1000;
      console.log(
        `| 202 → no case left in screening (local) | ${screened.toFixed(1)} s (${(LISTINGS / screened).toFixed(0)} cases/s) |`,
      );
    }
    console.log(
      `| implied AWS duration at ${FAN_OUT.startsPerSecond} StartExecution/s (smallest regions refill ${FAN_OUT.smallestRegionRefillPerSecond}/s) | ${impliedAwsStartSeconds(LISTINGS).toFixed(0)} s |`,
    );
  } finally {
    clearInterval(sampler);
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
