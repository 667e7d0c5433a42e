import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as z from 'zod';

const ROOT = resolve(import.meta.dirname, '../..');
const REDOCLY = join(
  dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
  'bin/cli.js',
);

/** What `redocly lint --format json` prints: the totals and one entry per problem. */
const reportSchema = z.object({
  totals: z.object({ errors: z.number(), warnings: z.number() }),
  problems: z.array(
    z.object({
      ruleId: z.string(),
      severity: z.string(),
      message: z.string(),
      location: z.array(z.object({ pointer: z.string().optional() })).default([]),
    }),
  ),
});

export interface LintResult {
  errors: number;
  warnings: number;
  /** One line per problem: `severity rule at pointer: message`. */
  problems: string[];
}

/**
 * Lints an OpenAPI document with Redocly CLI and the project's redocly.yaml (the built-in
 * `recommended` ruleset): writes it to a temporary file, runs `redocly lint`, and reads its report.
 */
export async function lintOpenApi(document: unknown): Promise<LintResult> {
  const dir = mkdtempSync(join(tmpdir(), 'takedown-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const stdout = await runRedocly([
      'lint',
      file,
      '--config',
      join(ROOT, 'redocly.yaml'),
      '--format',
      'json',
    ]);
    const report = reportSchema.parse(JSON.parse(stdout));
    return {
      errors: report.totals.errors,
      warnings: report.totals.warnings,
      problems: report.problems.map(
        (p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '#'}: ${p.message.trim()}`,
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the CLI offline (no telemetry, no update check); it exits 1 on errors, with the report. */
function runRedocly(args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [REDOCLY, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (stdout.trim().startsWith('{')) resolvePromise(stdout);
        else reject(new Error(`redocly lint failed: ${error?.message ?? ''}\n${stderr}`));
      },
    );
  });
}
