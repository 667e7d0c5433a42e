import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENING_SCOPE } from '../../functions/routes.ts';
import { tableDefinition } from '../../functions/table.ts';
import { configSchema } from '../../infra/config.ts';
import { GROUPS, PARTY_ATTRIBUTES } from '../../infra/constructs/user-directory.ts';
import { StatefulStack } from '../../infra/stateful-stack.ts';
import { testConfig } from './synth.ts';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON.
type Json = any;

let template: Template;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(new StatefulStack(app, 'Test', { config: testConfig }));
});

/** The evidence bucket: the versioned one (the access-log bucket is not). */
function evidenceBucket(): Record<string, Json> {
  const buckets = Object.values(template.findResources('AWS::S3::Bucket')) as Json[];
  return buckets.find((b) => b.Properties.VersioningConfiguration)!.Properties;
}

describe('Stack: StatefulStack', () => {
  describe('table', () => {
    it('creates the table from the shared definition, as DynamoDB Local does', () => {
      const tables = template.findResources('AWS::DynamoDB::GlobalTable');
      const [table] = Object.values(tables) as { Properties: Record<string, unknown> }[];
      if (!table) throw new Error('no table');
      expect(table.Properties.KeySchema).toEqual([
        { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
      ]);
      const indexes = (
        table.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown }[]
      ).map((i) => ({
        name: i.IndexName,
        keys: i.KeySchema,
      }));
      expect(indexes).toEqual(
        tableDefinition.globalSecondaryIndexes.map((i) => ({
          name: i.indexName,
          keys: [
            { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: i.sortKey.name, KeyType: 'RANGE' },
          ],
        })),
      );
      expect(table.Properties.TimeToLiveSpecification).toEqual({
        AttributeName: 'ttl',
        Enabled: true,
      });
    });

    it('retains the table, with point-in-time recovery and deletion protection', () => {
      template.hasResource('AWS::DynamoDB::GlobalTable', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          Replicas: [
            Match.objectLike({
              PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
              DeletionProtectionEnabled: true,
            }),
          ],
        }),
      });
    });
  });

  describe('evidence bucket', () => {
    it('blocks public access to evidence and refuses plain HTTP', () => {
      expect(evidenceBucket().PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });

    it('is versioned, encrypted and logged to the access-log bucket', () => {
      expect(evidenceBucket()).toMatchObject({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
          ],
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: expect.any(String) } },
      });
    });

    it('moves evidence to cheaper storage after the configured number of days', () => {
      const [rule] = evidenceBucket().LifecycleConfiguration.Rules;
      expect(rule.Transitions).toEqual([
        {
          StorageClass: 'STANDARD_IA',
          TransitionInDays: testConfig.evidenceInfrequentAccessAfterDays,
        },
        { StorageClass: 'GLACIER_IR', TransitionInDays: testConfig.evidenceArchiveAfterDays },
      ]);
    });

    it('allows cross-origin POST (presigned uploads) and GET (inline views) from the portal origin only', () => {
      expect(evidenceBucket().CorsConfiguration.CorsRules).toEqual([
        expect.objectContaining({
          AllowedMethods: ['POST', 'GET'],
          AllowedOrigins: [testConfig.portalOrigin],
        }),
      ]);
    });

    it('is scanned by GuardDuty Malware Protection, which tags results', () => {
      template.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
        Actions: { Tagging: { Status: 'ENABLED' } },
        ProtectedResource: { S3Bucket: { BucketName: Match.anyValue() } },
      });
    });

    it('refuses to serve an object GuardDuty tagged as a threat', () => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: ['s3:GetObject', 's3:GetObjectVersion'],
              Condition: {
                StringEquals: {
                  's3:ExistingObjectTag/GuardDutyMalwareScanStatus': 'THREATS_FOUND',
                },
              },
            }),
          ]),
        },
      });
    });
  });

  describe('user pool', () => {
    it('requires MFA by TOTP only', () => {
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      });
    });

    it('has a strong password policy', () => {
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 14,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      });
    });

    it('has one group per role', () => {
      const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
        (g: Json) => g.Properties.GroupName,
      );
      expect(groups.sort()).toEqual([...GROUPS].sort());
    });

    it('has the resource server takedown with the scope screening, and a client-credentials client for the marketplace', () => {
      template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
        Identifier: 'takedown',
        Scopes: [Match.objectLike({ ScopeName: 'screening' })],
      });
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: [SCREENING_SCOPE],
        AllowedOAuthFlowsUserPoolClient: true,
      });
    });

    it('declares the party attributes (the portal client may read but not write them: web-stack.test.ts)', () => {
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        Schema: Match.arrayWith(
          PARTY_ATTRIBUTES.map((name) =>
            Match.objectLike({ Name: name, AttributeDataType: 'String' }),
          ),
        ),
      });
    });
  });
});

describe('Stack: StatefulStack → Cognito threat protection', () => {
  const poolOf = (threatProtection: string) => {
    const app = new App();
    const stack = new StatefulStack(app, 'Threats', {
      config: configSchema.parse({ threatProtection }),
    });
    const acks = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === 'aws:cdk:acknowledged-rules')
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    const [pool] = Object.values(Template.fromStack(stack).findResources('AWS::Cognito::UserPool'));
    return { pool: pool as Json, cog8: acks.find(([id]) => id.endsWith('AwsSolutions-COG8')) };
  };

  it('turns threat protection on with context threatProtection=true, and needs no acknowledgement', () => {
    // Act
    const { pool, cog8 } = poolOf('true');
    // Assess
    expect(pool.Properties.UserPoolTier).toBe('PLUS');
    expect(pool.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(cog8).toBeUndefined();
  });

  it('leaves it off by default, acknowledging that MFA does not replace compromised-credential checks', () => {
    // Act
    const { pool, cog8 } = poolOf('false');
    // Assess
    expect(pool.Properties.UserPoolTier).toBe('ESSENTIALS');
    expect(cog8?.[1]).toMatch(/compromised credentials/);
    expect(cog8?.[1]).toMatch(/do not replace/);
  });
});
