import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { ExecutionRecord, ExecutionStore, TokenRecord } from './engine.ts';

/**
 * Keeps executions and task tokens on disk, so a restart of the local cloud finds every case
 * where it was.
 *
 * - An append-only journal of executions (`executions.jsonl`): one line at every checkpoint the
 *   engine reports (start, each top-level state entered, each suspension, each resumption's end,
 *   the end of the execution), holding the record without its history and the history events
 *   added since the execution's previous line. Appending is what keeps a 10,000-case fan-out
 *   cheap: the former file per execution, rewritten through a temp file and a rename at each
 *   checkpoint, spent most of the engine's time in rename(2) (ext4 flushes a file renamed over
 *   another). Every line is written (write(2)) before the engine goes on, so a killed process
 *   loses nothing; a torn last line (a power cut) is skipped. The journal is compacted to one
 *   line per execution at load and whenever it has grown to twice its compacted size.
 *   Execution files of the former layout (`executions/<sha1 of the ARN>.json`) are still read,
 *   and folded into the journal by the first compaction.
 * - Each definition version an execution started on (`definitions/<version>.asl.json`), so a
 *   restart after the ASL file changed resumes it on its own version, as AWS would.
 * - Task tokens in an append-only `tokens.jsonl`: the last line for a token wins. Tokens are
 *   bearer secrets, as in AWS: they stay in DATA_DIR and are never printed.
 */
/** The journal is compacted once it reaches twice its compacted size, and at least this. */
const MIN_COMPACT_BYTES = 64 * 1024 * 1024;

/** One journal line: an execution's record, and its history from `historyFrom` on. */
type JournalLine = Omit<ExecutionRecord, 'history'> & {
  historyFrom: number;
  historyEvents: ExecutionRecord['history'];
};

export class FileExecutionStore implements ExecutionStore {
  private readonly executionsDir: string;
  private readonly definitionsDir: string;
  private readonly tokensFile: string;
  private readonly journalFile: string;
  private journal: number | undefined;
  /** Every execution saved or loaded, with how many of its history events the journal holds. */
  private readonly known = new Map<string, { record: ExecutionRecord; events: number }>();
  private journalBytes = 0;
  private compactAtBytes = MIN_COMPACT_BYTES;

  constructor(dir: string) {
    this.journalFile = join(dir, 'executions.jsonl');
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
    const known = this.known.get(record.executionArn);
    // The history only grows; a shorter one (never expected) is written whole.
    const from = known && known.events <= record.history.length ? known.events : 0;
    const { history, ...rest } = record;
    this.append(
      `${JSON.stringify({ ...rest, historyFrom: from, historyEvents: history.slice(from) })}\n`,
    );
    this.known.set(record.executionArn, { record, events: history.length });
    if (this.journalBytes >= this.compactAtBytes) this.compactExecutions();
  }

  private append(line: string): void {
    this.journal ??= openSync(this.journalFile, 'a');
    this.journalBytes += writeAll(this.journal, line);
  }

  /**
   * Rewrites the journal with one line per execution (temp file + rename), and removes the
   * execution files of the former layout, which it then holds.
   */
  compactExecutions(): void {
    const temp = `${this.journalFile}.tmp`;
    const fd = openSync(temp, 'w');
    let bytes = 0;
    try {
      for (const [arn, entry] of this.known) {
        const { history, ...rest } = entry.record;
        bytes += writeAll(
          fd,
          `${JSON.stringify({ ...rest, historyFrom: 0, historyEvents: history })}\n`,
        );
        this.known.set(arn, { record: entry.record, events: entry.record.history.length });
      }
    } finally {
      closeSync(fd);
    }
    this.close();
    renameSync(temp, this.journalFile);
    this.journalBytes = bytes;
    this.compactAtBytes = Math.max(MIN_COMPACT_BYTES, 2 * bytes);
    for (const name of readdirSync(this.executionsDir))
      if (name.endsWith('.json')) rmSync(join(this.executionsDir, name), { force: true });
  }

  /** Closes the journal (a later save opens it again). */
  close(): void {
    if (this.journal === undefined) return;
    closeSync(this.journal);
    this.journal = undefined;
  }

  saveToken(token: string, record: TokenRecord): void {
    appendFileSync(this.tokensFile, `${JSON.stringify({ token, ...record })}\n`);
  }

  /**
   * Reads everything back: the former layout's execution files, then the journal, whose lines
   * each replace the execution's record and extend its history. A torn last line of a log (a
   * crash mid-write) is skipped.
   */
  load(): { executions: ExecutionRecord[]; tokens: Map<string, TokenRecord> } {
    const records = new Map<string, ExecutionRecord>();
    for (const name of readdirSync(this.executionsDir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const record = JSON.parse(
          readFileSync(join(this.executionsDir, name), 'utf8'),
        ) as ExecutionRecord;
        records.set(record.executionArn, record);
      } catch (error) {
        console.error(`local Step Functions: skipping unreadable execution file ${name}`, error);
      }
    }
    if (existsSync(this.journalFile)) {
      for (const line of readFileSync(this.journalFile, 'utf8').split('\n')) {
        if (!line) continue;
        let entry: JournalLine;
        try {
          entry = JSON.parse(line) as JournalLine;
        } catch {
          continue;
        }
        const { historyFrom, historyEvents, ...rest } = entry;
        const before = records.get(rest.executionArn)?.history ?? [];
        records.set(rest.executionArn, {
          ...rest,
          history: [...before.slice(0, historyFrom), ...historyEvents],
        });
      }
    }
    const executions = [...records.values()];
    for (const record of executions)
      this.known.set(record.executionArn, { record, events: record.history.length });
    this.compactExecutions();
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

/** Writes all of `text` at the end of the file (write(2) may write less than asked). */
function writeAll(fd: number, text: string): number {
  const bytes = Buffer.from(text);
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
  return bytes.length;
}
