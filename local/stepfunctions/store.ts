import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { ExecutionRecord, ExecutionStore, TokenRecord } from './engine.ts';

/**
 * Keeps executions and task tokens on disk, so a restart of the local cloud finds every case
 * where it was.
 *
 * - One JSON file per execution (`executions/<sha1 of the ARN>.json`), rewritten atomically
 *   (temp file + rename) at every checkpoint the engine reports: start, each top-level state
 *   entered, each suspension, each resumption's end, and the end of the execution.
 * - Each definition version an execution started on (`definitions/<version>.asl.json`), so a
 *   restart after the ASL file changed resumes it on its own version, as AWS would.
 * - Task tokens in an append-only `tokens.jsonl`: the last line for a token wins. Tokens are
 *   bearer secrets, as in AWS: they stay in DATA_DIR and are never printed.
 */
export class FileExecutionStore implements ExecutionStore {
  private readonly executionsDir: string;
  private readonly definitionsDir: string;
  private readonly tokensFile: string;

  constructor(dir: string) {
    this.executionsDir = join(dir, 'executions');
    this.definitionsDir = join(dir, 'definitions');
    this.tokensFile = join(dir, 'tokens.jsonl');
    mkdirSync(this.executionsDir, { recursive: true });
    mkdirSync(this.definitionsDir, { recursive: true });
  }

  /** Keeps a definition version once (`definitions/<version>.asl.json`): executions resume on it. */
  saveDefinition(version: string, aslText: string): void {
    const file = join(this.definitionsDir, `${version}.asl.json`);
    if (existsSync(file)) return;
    const temp = `${file}.tmp`;
    writeFileSync(temp, aslText);
    renameSync(temp, file);
  }

  loadDefinition(version: string): string | undefined {
    if (!/^[0-9a-f]{16}$/.test(version)) return undefined;
    const file = join(this.definitionsDir, `${version}.asl.json`);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }

  saveExecution(record: ExecutionRecord): void {
    const file = join(
      this.executionsDir,
      `${createHash('sha1').update(record.executionArn).digest('hex')}.json`,
    );
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(record));
    renameSync(temp, file);
  }

  saveToken(token: string, record: TokenRecord): void {
    appendFileSync(this.tokensFile, `${JSON.stringify({ token, ...record })}\n`);
  }

  /** Reads everything back. A torn last line of the token log (a crash mid-write) is skipped. */
  load(): { executions: ExecutionRecord[]; tokens: Map<string, TokenRecord> } {
    const executions: ExecutionRecord[] = [];
    for (const name of readdirSync(this.executionsDir)) {
      if (!name.endsWith('.json')) continue;
      try {
        executions.push(
          JSON.parse(readFileSync(join(this.executionsDir, name), 'utf8')) as ExecutionRecord,
        );
      } catch (error) {
        console.error(`local Step Functions: skipping unreadable execution file ${name}`, error);
      }
    }
    const tokens = new Map<string, TokenRecord>();
    if (existsSync(this.tokensFile)) {
      for (const line of readFileSync(this.tokensFile, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const { token, ...record } = JSON.parse(line) as TokenRecord & { token: string };
          tokens.set(token, record);
        } catch {
          // A torn write at a crash: the execution file still says what the task waits for.
        }
      }
    }
    return { executions, tokens };
  }

  /** Rewrites the token log with only the tokens of running executions' pending tasks, plus closed ones. */
  compactTokens(tokens: Map<string, TokenRecord>): void {
    const temp = `${this.tokensFile}.tmp`;
    writeFileSync(
      temp,
      [...tokens].map(([token, record]) => `${JSON.stringify({ token, ...record })}\n`).join(''),
    );
    renameSync(temp, this.tokensFile);
  }
}
