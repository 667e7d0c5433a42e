import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/config.ts';

const configFrom = (context: Record<string, unknown>) => loadConfig(new App({ context }).node);

describe('Function: loadConfig', () => {
  it('reads numbers and flags given as strings on the cdk command line', () => {
    const config = configFrom({ logRetentionDays: '30', malwareProtection: 'false' });
    expect({ days: config.logRetentionDays, scan: config.malwareProtection }).toEqual({
      days: 30,
      scan: false,
    });
  });

  it('throws naming the key when the portal origin has a path', () => {
    expect(() => configFrom({ portalOrigin: 'https://portal.example.com/app' })).toThrow(
      /portalOrigin/,
    );
  });

  it('throws naming the key when the log retention is one CloudWatch does not offer', () => {
    expect(() => configFrom({ logRetentionDays: 42 })).toThrow(/logRetentionDays/);
  });
});
