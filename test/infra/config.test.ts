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

  it('takes a custom domain for the web app only with its us-east-1 certificate', () => {
    expect(() => configFrom({ portalDomainName: 'portal.example.org' })).toThrow(
      /portalCertificateArn/,
    );
    expect(() =>
      configFrom({
        portalDomainName: 'portal.example.org',
        portalCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc-123',
      }),
    ).toThrow(/portalCertificateArn/);
    const config = configFrom({
      portalDomainName: 'portal.example.org',
      portalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
    });
    expect(config.portalDomainName).toBe('portal.example.org');
  });

  it('refuses a managed-login domain prefix Cognito would refuse', () => {
    expect(() => configFrom({ cognitoDomainPrefix: 'my-cognito-login' })).toThrow(
      /cognitoDomainPrefix/,
    );
    expect(() => configFrom({ cognitoDomainPrefix: 'Upper' })).toThrow(/cognitoDomainPrefix/);
    expect(configFrom({ cognitoDomainPrefix: 'acme-takedown' }).cognitoDomainPrefix).toBe(
      'acme-takedown',
    );
  });
});
