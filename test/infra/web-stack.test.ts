import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../infra/config.ts';
import { PARTY_ATTRIBUTES } from '../../infra/constructs/user-directory.ts';
import { addTakedownService } from '../../infra/service.ts';
import { contentSecurityPolicy } from '../../web/security-headers.ts';
import { fixtureTables } from './fixture-tables.ts';
import { synthService, WEB_ASSETS_FIXTURE } from './synth.ts';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON.
type Json = any;

let web: Template;

beforeAll(() => {
  web = Template.fromStack(synthService(fixtureTables).web);
});

const only = (type: string): Json => {
  const found = Object.values(web.findResources(type)) as Json[];
  expect(found, type).toHaveLength(1);
  return found[0].Properties;
};

/** Runs the SPA routing CloudFront Function's code on a request URI. */
function routed(uri: string): string {
  const code: string = only('AWS::CloudFront::Function').FunctionCode;
  const handler = new Function(`${code}; return handler;`)() as (e: Json) => Json;
  return handler({ request: { uri } }).uri;
}

describe('Stack: WebStack', () => {
  describe('hosting', () => {
    it('keeps the app in a private bucket that only this distribution reads (origin access control)', () => {
      web.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'web-bucket/' }),
      });
      expect(only('AWS::CloudFront::OriginAccessControl').OriginAccessControlConfig).toMatchObject({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      });
      web.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Principal: { Service: 'cloudfront.amazonaws.com' },
              Action: 's3:GetObject',
              Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
            }),
          ]),
        },
      });
    });

    it('serves index.html for app routes and leaves files alone (SPA routing)', () => {
      expect(routed('/queue')).toBe('/index.html');
      expect(routed('/cases/case-1')).toBe('/index.html');
      expect(routed('/auth/callback')).toBe('/index.html');
      expect(routed('/assets/index-abc.js')).toBe('/assets/index-abc.js');
      expect(routed('/config.json')).toBe('/config.json');
      expect(routed('/review/appeals/case-1.a1')).toBe('/index.html');
    });

    it('serves the API under /v1/* on the same origin, uncached, with the Authorization header', () => {
      const config = only('AWS::CloudFront::Distribution').DistributionConfig;
      expect(config.DefaultRootObject).toBe('index.html');
      expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
        expect.objectContaining({ EventType: 'viewer-request' }),
      ]);
      const [api] = config.CacheBehaviors;
      expect(api).toMatchObject({
        PathPattern: '/v1/*',
        ViewerProtocolPolicy: 'https-only',
        AllowedMethods: expect.arrayContaining(['GET', 'POST', 'DELETE', 'OPTIONS']),
        // Managed CachingDisabled and AllViewerExceptHostHeader (which forwards Authorization
        // when caching is off; Host would not match API Gateway's).
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      });
      expect(api.FunctionAssociations).toBeUndefined();
    });

    it('sends a strict CSP and the security headers with every response', () => {
      const headers = only('AWS::CloudFront::ResponseHeadersPolicy').ResponseHeadersPolicyConfig;
      const csp = JSON.stringify(headers.SecurityHeadersConfig.ContentSecurityPolicy);
      for (const directive of [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
      ])
        expect(csp).toContain(directive);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain('cognito-idp.');
      expect(csp).toContain('.amazoncognito.com');
      expect(headers.SecurityHeadersConfig).toMatchObject({
        StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, Override: true },
        ContentTypeOptions: { Override: true },
        FrameOptions: { FrameOption: 'DENY' },
        ReferrerPolicy: { ReferrerPolicy: 'no-referrer' },
      });
    });

    it('builds the CSP from the same definition the local cloud serves', () => {
      expect(contentSecurityPolicy({ connect: ['https://issuer.example'] })).toMatch(
        /connect-src 'self' https:\/\/issuer\.example;/,
      );
    });
  });

  describe('sign-in', () => {
    it('has a managed-login domain, with Cognito’s branding on the portal client', () => {
      expect(only('AWS::Cognito::UserPoolDomain').ManagedLoginVersion).toBe(2);
      expect(only('AWS::Cognito::ManagedLoginBranding')).toMatchObject({
        UseCognitoProvidedValues: true,
        ClientId: { Ref: expect.stringMatching(/^LoginPortalClient/) },
      });
    });

    it('lets the portal client use the authorization-code flow only, back to this distribution', () => {
      const client = only('AWS::Cognito::UserPoolClient');
      expect(client.AllowedOAuthFlows).toEqual(['code']);
      expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
      expect(client.GenerateSecret).toBe(false);
      expect(client.AllowedOAuthScopes).toEqual(['openid', 'email', 'profile']);
      expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
      const text = JSON.stringify({ cb: client.CallbackURLs, out: client.LogoutURLs });
      expect(text).not.toContain('example.com');
      expect(JSON.stringify(client.CallbackURLs)).toMatch(
        /HostingDistribution.*DomainName.*\/auth\/callback/,
      );
      expect(client.CallbackURLs).toHaveLength(1);
      expect(client.LogoutURLs).toHaveLength(1);
    });

    it('lets the portal client read the party attributes but never write them', () => {
      const client = only('AWS::Cognito::UserPoolClient');
      const writable: string[] = client.WriteAttributes;
      expect(writable.length).toBeGreaterThan(0);
      expect(writable.filter((a) => a.startsWith('custom:'))).toEqual([]);
      expect(client.ReadAttributes).toEqual(
        expect.arrayContaining(PARTY_ATTRIBUTES.map((name) => `custom:${name}`)),
      );
    });
  });

  describe('deployment', () => {
    it('deploys the files and a runtime config.json naming this deployment’s client, issuer and domain', () => {
      const deployments = Object.values(web.findResources('Custom::CDKBucketDeployment')) as Json[];
      expect(deployments).toHaveLength(2);
      const markers = JSON.stringify(deployments.map((d) => d.Properties.SourceMarkers ?? []));
      // config.json's values are deploy-time tokens: the client, the pool (the issuer), the
      // distribution (redirect URIs) and the managed-login domain.
      expect(markers).toMatch(/LoginPortalClient/);
      expect(markers).toMatch(/UserPool/);
      expect(markers).toMatch(/HostingDistribution[^"]*","DomainName/);
      expect(markers).toMatch(/LoginDomain/);
      expect(JSON.stringify(deployments.map((d) => d.Properties.SystemMetadata))).toMatch(
        /no-cache/,
      );
    });
  });
});

describe('Stack: WebStack with a custom domain', () => {
  const withDomain = (portalOrigin: string) => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const { web } = addTakedownService(app, {
      config: configSchema.parse({
        portalOrigin,
        portalDomainName: 'portal.example.org',
        portalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
      }),
      tables: fixtureTables,
      nag: false,
      webAssetsDir: WEB_ASSETS_FIXTURE,
    });
    return web;
  };

  it('serves the app on the domain, TLS 1.2 or later, with the sign-in client returning there', () => {
    const template = Template.fromStack(withDomain('https://portal.example.org'));
    const [dist] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as Json[];
    expect(dist.Properties.DistributionConfig.Aliases).toEqual(['portal.example.org']);
    expect(dist.Properties.DistributionConfig.ViewerCertificate).toMatchObject({
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://portal.example.org/auth/callback'],
      LogoutURLs: ['https://portal.example.org/'],
    });
  });

  it('warns at synth when portalOrigin (CORS, evidence uploads) is not the app’s domain', () => {
    const warnings = (origin: string) =>
      Annotations.fromStack(withDomain(origin)).findWarning(
        '*',
        Match.stringLikeRegexp('portalOrigin'),
      );
    expect(warnings('https://portal.example.com')).toHaveLength(1);
    expect(warnings('https://portal.example.org')).toHaveLength(0);
  });
});
