import * as z from 'zod';

/** The levels of `LOG_LEVEL`, from the most to the least talkative. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

const logLevelSchema = z.string().trim().toLowerCase().pipe(z.enum(LOG_LEVELS));

/**
 * The level `LOG_LEVEL` asks for (any case); unset or empty is `info`.
 * @throws naming the accepted values, for anything else.
 */
export function parseLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw.trim() === '') return 'info';
  const parsed = logLevelSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${raw}"`);
  return parsed.data;
}

/** The local cloud's own log: one line per call, written when its level is at or above the threshold. */
export interface LocalLogger {
  readonly level: LogLevel;
  debug(line: string): void;
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** Where lines go: debug and info to `out`, warn and error to `err`. */
export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

const STDIO: LogSink = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A logger that writes the lines at `level` and above; `silent` writes none. */
export function createLocalLogger(level: LogLevel, sink: LogSink = STDIO): LocalLogger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at = (lineLevel: LogLevel, write: (line: string) => void) => (line: string) => {
    if (LOG_LEVELS.indexOf(lineLevel) >= threshold) write(line);
  };
  return {
    level,
    debug: at('debug', sink.out),
    info: at('info', sink.out),
    warn: at('warn', sink.err),
    error: at('error', sink.err),
  };
}
