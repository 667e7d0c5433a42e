import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Starts `npm start`'s stack on a free port with the given DATA_DIR; resolves with its API URL.
 * With STACK_CPU_PROF=<dir>, the local cloud writes a V8 CPU profile there when it stops.
 */
export async function startStack(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; sfn: string }> {
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
  const sfn = /Step Functions \+ SES (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
  if (!url || !sfn) throw new Error(`npm start did not come up:\n${text}`);
  return { child, url, sfn };
}

/** The ready Bearer token of a seeded demo user of the stack at `url`. */
export async function demoTokens(url: string): Promise<(name: string) => string> {
  const users = (await (await fetch(`${url}/_local/users`)).json()) as {
    name: string;
    token: string;
  }[];
  return (name) => users.find((u) => u.name === name)!.token;
}

/**
 * Uploads a CSV manifest through the evidence route (purpose `manifest`) as the holder of
 * `token`, and answers its evidence id once it is sealed.
 */
export async function uploadManifest(url: string, token: string, csv: string): Promise<string> {
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const bytes = Buffer.from(csv);
  const created = (await (
    await fetch(`${url}/v1/evidence`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        fileName: 'manifest.csv',
        contentType: 'text/csv',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        purpose: 'manifest',
      }),
    })
  ).json()) as { evidenceId: string; upload: { url: string; fields: Record<string, string> } };
  const form = new FormData();
  for (const [k, v] of Object.entries(created.upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: 'text/csv' }), 'manifest.csv');
  await fetch(created.upload.url, { method: 'POST', body: form });
  for (let i = 0; i < 100; i++) {
    const evidence = (await (
      await fetch(`${url}/v1/evidence/${created.evidenceId}`, { headers: auth })
    ).json()) as { status: string };
    if (evidence.status === 'sealed') return created.evidenceId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`manifest ${created.evidenceId} was not sealed in 10 s`);
}

/** A bulk notice's body, naming the demo rights holder's US trademark and `manifestEvidenceId`. */
export function bulkNoticeBody(manifestEvidenceId: string) {
  return {
    ipRightId: 'ipr-acme-tm-us',
    infringementType: 'trademark',
    jurisdiction: 'US',
    listingsManifestEvidenceId: manifestEvidenceId,
    explanation: 'The listings sell goods bearing the ACME mark that ACME never made.',
    evidenceIds: ['ev-acme-certificate'],
    statements: { goodFaith: true, accurate: true, authorizedUnderPenaltyOfPerjury: true },
    signature: { fullName: 'Bench Mark', signedAt: new Date().toISOString() },
  };
}

/** Adds live listings of one seller to the stack's demo marketplace. */
export async function seedListings(url: string, sellerId: string, listingIds: string[]) {
  const seeded = await fetch(`${url}/_local/marketplace/listings/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sellerId, title: 'ACME-style widget', listingIds }),
  });
  if (seeded.status !== 201) throw new Error(`seeding listings failed: ${seeded.status}`);
}
