import { describe, expect, it } from 'vitest';
import { requestLogLine } from '../../local/apigw/request-log.ts';
import { createLocalLogger, type LogLevel, parseLogLevel } from '../../local/log.ts';

/** A logger at `level` that keeps what it writes, by stream. */
function captured(level: LogLevel) {
  const out: string[] = [];
  const err: string[] = [];
  const logger = createLocalLogger(level, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { logger, out, err };
}

describe('Function: parseLogLevel', () => {
  it('defaults to info when LOG_LEVEL is unset or empty', () => {
    expect(parseLogLevel(undefined)).toBe('info');
    expect(parseLogLevel(' ')).toBe('info');
  });

  it('accepts each level in any case', () => {
    expect(parseLogLevel('DEBUG')).toBe('debug');
    expect(parseLogLevel(' Warn ')).toBe('warn');
    expect(parseLogLevel('silent')).toBe('silent');
  });

  it('throws for an unknown level, naming the accepted ones', () => {
    expect(() => parseLogLevel('verbose')).toThrow(
      'LOG_LEVEL must be one of debug, info, warn, error, silent; got "verbose"',
    );
  });
});

describe('Function: createLocalLogger', () => {
  it('writes the lines at its level and above: info and warn at info, not debug', () => {
    // Prepare
    const { logger, out, err } = captured('info');
    // Act
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    // Assess
    expect(out).toEqual(['i']);
    expect(err).toEqual(['w', 'e']);
  });

  it('writes nothing when silent', () => {
    // Prepare
    const { logger, out, err } = captured('silent');
    // Act
    logger.error('e');
    logger.info('i');
    // Assess
    expect([...out, ...err]).toEqual([]);
  });
});

describe('Function: requestLogLine', () => {
  it('puts method, path, status, duration and request id on one line', () => {
    // Act
    const line = requestLogLine({
      method: 'GET',
      path: '/v1/cases/c-1',
      status: 404,
      durationMs: 12,
      requestId: 'req-1',
    });
    // Assess
    expect(line).toBe('api method=GET path=/v1/cases/c-1 status=404 durationMs=12 requestId=req-1');
  });
});
