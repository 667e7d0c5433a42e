/**
 * Bundle sizes and cold-start module init times of the deployed functions, from a real
 * `cdk synth` (run `npm run synth` first). For each function it prints the bundle size and the
 * time to import the bundle in a fresh Node process (min of 10), next to a bare handler that
 * imports only the same AWS SDK clients, bundled the same way. Exits 1 if a bundle exceeds 300 KiB,
 * or, for a bundle not there yet, the ceiling bench/bundle-budgets.json gives it.
 *
 * With `--top N`, it also lists the N packages (or folders of ours) that weigh most in each bundle.
 *
 *   npm run synth && npm run bench:bundles [-- [--write-budgets] [--top 8]]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { routes } from '../functions/routes.ts';
import {
  bucketNotifications,
  mailEventHandlers,
  scheduledJobs,
  workflowTasks,
} from '../functions/tasks.ts';
import { LAMBDA_CREDENTIALS, SDK_CREDENTIAL_CHAIN } from '../infra/constructs/app-function.ts';
import { CDK_OUT, synthesizedTemplates } from './cdk-out.ts';

/** The goal of issue 17: every bundle at most 300 KiB. */
const LIMIT_BYTES = 300 * 1024;
/**
 * Bundles not yet down to the goal, each with the ceiling it may not grow past (a ratchet: lower a
 * ceiling, or delete an entry, as a bundle shrinks). `--write-budgets` rewrites the file from the
 * sizes measured, rounded up to the next 10 KiB.
 */
const BUDGETS_FILE = resolve(import.meta.dirname, 'bundle-budgets.json');
const budgets: Record<string, number> = existsSync(BUDGETS_FILE)
  ? JSON.parse(readFileSync(BUDGETS_FILE, 'utf8'))
  : {};
const writeBudgets = process.argv.includes('--write-budgets');
/** `--top N`: also print the N packages (or folders of ours) that weigh most in each bundle. */
const topIndex = process.argv.indexOf('--top');
const topContributors = topIndex > 0 ? Number(process.argv[topIndex + 1] ?? 8) : 0;
const RUNS = Number(process.env.RUNS ?? 10);
const ROOT = resolve(import.meta.dirname, '..');
const OUT = CDK_OUT;
const work = mkdtempSync(join(tmpdir(), 'takedown-bundles-'));

/** Env every function validates at load (dummy values: nothing is called). */
const ENV = {
  ...process.env,
  AWS_REGION: 'us-east-1',
  TABLE_NAME: 'takedown',
  EVIDENCE_BUCKET: 'evidence-bucket',
  TAKEDOWN_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:takedown',
  MAIL_FROM: 'no-reply@example.com',
  PORTAL_URL: 'https://portal.example.com',
  SES_CONFIGURATION_SET: 'takedown-mail',
  MARKETPLACE_API_URL: 'https://marketplace.example/api',
  EVENT_BUS_NAME: 'takedown',
  NODE_NO_WARNINGS: '1',
};

function initMs(file: string): number {
  let best = Number.POSITIVE_INFINITY;
  const script = `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); process.stdout.write(String(performance.now() - t));`;
  for (let i = 0; i < RUNS; i++) {
    let out: string;
    try {
      out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: ENV,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? '');
      const lines = stderr
        .split('\n')
        .filter((l) => /Error/.test(l))
        .slice(0, 3);
      throw new Error(`importing ${file} failed: ${lines.join(' | ').slice(0, 500)}`);
    }
    best = Math.min(best, Number(out));
  }
  return best;
}

/** The deployed bundle of each function, by logical id prefix, from every synthesized stack. */
function deployedBundles(): Map<string, string> {
  const bundles = new Map<string, string>();
  for (const { resources } of synthesizedTemplates()) {
    for (const [id, resource] of Object.entries(resources)) {
      const key = resource.Properties?.Code?.S3Key;
      if (resource.Type !== 'AWS::Lambda::Function' || typeof key !== 'string') continue;
      const file = join(OUT, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
      if (existsSync(file)) bundles.set(id, file);
    }
  }
  return bundles;
}

/** Where a bundled input comes from: its npm package, or its folder in this repository. */
function originOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) return match[1]!;
  return input.split('/').slice(0, 2).join('/');
}

/**
 * The AWS SDK client packages a handler's source pulls in, and the bytes each package (or folder
 * of ours) puts in its bundle, bundled as AppFunction bundles it, largest first.
 */
async function inspect(entry: string): Promise<{ clients: string[]; origins: [string, number][] }> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    minify: true,
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    alias: { [SDK_CREDENTIAL_CHAIN]: join(ROOT, LAMBDA_CREDENTIALS) },
    write: false,
    outdir: work,
    metafile: true,
    logLevel: 'silent',
  });
  const clients = new Set<string>();
  const origins = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/@aws-sdk\/(client-[a-z0-9-]+)\//.exec(input);
      if (match) clients.add(match[1]!);
      const origin = originOf(input);
      origins.set(origin, (origins.get(origin) ?? 0) + bytesInOutput);
    }
  }
  return { clients: [...clients].sort(), origins: [...origins].sort((a, b) => b[1] - a[1]) };
}

/** The client class each SDK package exports. */
const CLIENT_CLASS: Record<string, string> = {
  'client-dynamodb': 'DynamoDBClient',
  'client-sfn': 'SFNClient',
  'client-s3': 'S3Client',
  'client-sesv2': 'SESv2Client',
  'client-eventbridge': 'EventBridgeClient',
  'client-cognito-identity-provider': 'CognitoIdentityProviderClient',
  'client-lambda': 'LambdaClient',
  'client-secrets-manager': 'SecretsManagerClient',
};

const bareCache = new Map<string, { bytes: number; ms: number }>();
async function bareHandler(clients: string[]): Promise<{ bytes: number; ms: number }> {
  const key = clients.join(',');
  const cached = bareCache.get(key);
  if (cached) return cached;
  const source = join(work, `bare-${bareCache.size}.ts`);
  const names = clients
    .map((c, i) => `import { ${CLIENT_CLASS[c] ?? 'Unknown'} as C${i} } from '@aws-sdk/${c}';`)
    .join('\n');
  const instances = clients.map((_, i) => `new C${i}({})`).join(', ');
  writeFileSync(
    source,
    `${names}\nconst clients = [${instances}];\nexport const handler = async () => clients.length;\n`,
  );
  const outfile = join(work, `bare-${bareCache.size}.mjs`);
  await build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: true,
    charset: 'utf8',
    target: 'node24',
    outfile,
    nodePaths: [join(ROOT, 'node_modules')],
    // Bundled the way AppFunction bundles: Lambda's credentials come from the environment.
    alias: { [SDK_CREDENTIAL_CHAIN]: join(ROOT, LAMBDA_CREDENTIALS) },
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  const measured = { bytes: statSync(outfile).size, ms: initMs(outfile) };
  bareCache.set(key, measured);
  return measured;
}

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
const entries = [
  ...routes.map((r) => ({
    name: `${r.method} ${r.path}`,
    handler: r.handler,
    prefix: `Route${pascal(`${r.method.charAt(0)}${r.method.slice(1).toLowerCase()} ${r.path}`)}`,
  })),
  ...workflowTasks.map((t) => ({
    name: `task ${t.functionName}`,
    handler: t.handler,
    prefix: `Task${pascal(t.functionName)}`,
  })),
  ...bucketNotifications.map((n) => ({
    name: `notification ${n.functionName}`,
    handler: n.handler,
    prefix: `Notification${pascal(n.functionName)}`,
  })),
  ...scheduledJobs.map((j) => ({
    name: `job ${j.name}`,
    handler: j.handler,
    prefix: `Job${pascal(j.name)}`,
  })),
  ...mailEventHandlers.map((h) => ({
    name: `mail ${h.functionName}`,
    handler: h.handler,
    prefix: `Mail${pascal(h.functionName)}`,
  })),
];

const bundles = deployedBundles();
if (bundles.size === 0) {
  console.error('No bundles in cdk.out: run `npm run synth` first.');
  process.exit(1);
}
const rows: string[][] = [];
const contributors: string[] = [];
const oversize: string[] = [];
const measuredOver: Record<string, number> = {};
for (const entry of entries) {
  const id = [...bundles.keys()].find((key) => key.replace(/[A-F0-9]{8}$/, '') === entry.prefix);
  if (!id) throw new Error(`no deployed bundle for ${entry.name} (${entry.prefix})`);
  const file = bundles.get(id)!;
  const bytes = statSync(file).size;
  if (bytes > LIMIT_BYTES) {
    measuredOver[entry.name] = Math.ceil(bytes / 10_240) * 10_240;
    const ceiling = budgets[entry.name] ?? LIMIT_BYTES;
    if (bytes > ceiling) oversize.push(`${entry.name}: ${bytes} > ${ceiling} bytes`);
  }
  const { clients, origins } = await inspect(entry.handler);
  if (topContributors > 0)
    contributors.push(
      `${entry.name}: ${origins
        .slice(0, topContributors)
        .map(([origin, size]) => `${origin} ${(size / 1024).toFixed(0)}k`)
        .join(', ')}`,
    );
  const bare = await bareHandler(clients);
  rows.push([
    entry.name,
    String(bytes),
    initMs(file).toFixed(1),
    String(bare.bytes),
    bare.ms.toFixed(1),
    clients.map((c) => c.replace('client-', '')).join(' '),
  ]);
}
const header = ['function', 'bytes', 'init ms', 'bare bytes', 'bare ms', 'SDK clients'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
console.log(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
for (const row of rows)
  console.log(
    row
      .map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  '),
  );
console.log(
  `\n${rows.length} functions; largest ${Math.max(...rows.map((r) => Number(r[1])))} bytes; limit ${LIMIT_BYTES} bytes; init = min of ${RUNS} fresh Node processes.`,
);
if (contributors.length > 0)
  console.log(`\nLargest parts of each bundle (KiB, minified):\n${contributors.join('\n')}`);
rmSync(work, { recursive: true, force: true });
const overGoal = Object.keys(measuredOver).length;
if (overGoal > 0)
  console.log(
    `${overGoal} bundle(s) above the ${LIMIT_BYTES}-byte goal, each within its ceiling in bench/bundle-budgets.json unless listed below.`,
  );
if (writeBudgets) {
  writeFileSync(BUDGETS_FILE, `${JSON.stringify(measuredOver, null, 2)}\n`);
  console.log(`wrote ${BUDGETS_FILE}`);
} else if (oversize.length > 0) {
  console.error(`${oversize.length} bundle(s) exceed their limit:\n${oversize.join('\n')}`);
  process.exit(1);
}
