import { resolve } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { EvidenceRight, TableAccess, TableRight } from '../../functions/grants.ts';
import { tableRights } from '../../functions/grants.ts';
import { tableDefinition } from '../../functions/table.ts';
import { acknowledgeWildcard } from './nag.ts';

/**
 * The newest Node.js runtime this aws-cdk-lib offers (cdk-nag L1). `npm start` and `npm test` run on
 * the same major (the `node` devDependency), so local and deployed code share one runtime.
 */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

/** The IAM actions of each table right (functions/grants.ts). */
const TABLE_ACTIONS: Record<TableRight, readonly string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
  delete: ['dynamodb:DeleteItem'],
};

/** The IAM actions of each evidence right (functions/grants.ts). Never s3:PutObjectTagging. */
const EVIDENCE_ACTIONS: Record<EvidenceRight, readonly string[]> = {
  read: ['s3:GetObject', 's3:GetObjectVersion'],
  readTags: ['s3:GetObjectTagging', 's3:GetObjectVersionTagging'],
  upload: ['s3:PutObject'],
  delete: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
};

/** The SDK's default credential chain, and what the bundles put in its place. */
export const SDK_CREDENTIAL_CHAIN = '@aws-sdk/credential-provider-node';
export const LAMBDA_CREDENTIALS = 'functions/adapters/lambda-credentials.ts';

/** X-Ray accepts no resource narrower than `*`. */
const XRAY_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];

/** The `<NAME>_STATE_MACHINE_ARN` variable, as the local cloud names it too. */
export const stateMachineEnvName = (name: string) =>
  `${name.toUpperCase().replace(/-/g, '_')}_STATE_MACHINE_ARN`;

export interface AppFunctionProps {
  /** The handler module, relative to `rootDir`, e.g. 'functions/api/get-case.ts'. */
  handlerFile: string;
  /** @default 'handler' */
  exportName?: string;
  /** The repository root, where handler paths and package-lock.json are resolved. */
  rootDir: string;
  /** What the function is for, shown in the console. */
  description: string;
  /** @default 256 */
  memorySize?: number;
  timeout: Duration;
  logRetention: RetentionDays;
  /**
   * Invoked asynchronously (S3 notifications, schedules): failed events land in a dead-letter
   * queue after Lambda's retries. @default false (invoked synchronously, the caller sees errors)
   */
  asyncInvocation?: boolean;
}

/**
 * Every Lambda function of the service: the newest Node.js runtime, ARM64, explicit memory and
 * timeout, X-Ray, an explicit log group with retention, its own role with no managed policy, and
 * a minified, tree-shaken ESM bundle with source maps and the AWS SDK inside.
 *
 * Access is granted only through the `bind*` helpers, each setting the environment variable the
 * handler reads and the narrowest grant AWS accepts.
 */
export class AppFunction extends NodejsFunction {
  /** Where failed asynchronous events land; only with `asyncInvocation`. */
  override readonly deadLetterQueue?: IQueue;
  readonly executionRole: Role;
  /** The handler module, relative to the repository root (the least-privilege test reads it). */
  readonly handlerFile: string;
  /** The handler's export name. */
  readonly exportName: string;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: props.logRetention });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.handlerFile}`,
    });
    const deadLetterQueue = props.asyncInvocation
      ? new Queue(scope, `${id}DeadLetters`, {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          retentionPeriod: Duration.days(14),
        })
      : undefined;

    super(scope, id, {
      entry: resolve(props.rootDir, props.handlerFile),
      handler: props.exportName ?? 'handler',
      projectRoot: props.rootDir,
      depsLockFilePath: resolve(props.rootDir, 'package-lock.json'),
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout,
      // Active tracing without CDK's grant: X-Ray's rights go in a policy of their own (below).
      tracing: Tracing.DISABLED,
      logGroup,
      role,
      ...(deadLetterQueue ? { deadLetterQueue } : {}),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        // Presigned requests carry no empty-body checksum that S3 would reject (aws-sdk-js-v3#6994).
        AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
        AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
        POWERTOOLS_SERVICE_NAME: 'takedown',
        LOG_LEVEL: 'INFO',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        // CommonJS dependencies call require(); an ESM bundle has none unless we make one.
        banner:
          "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        bundleAwsSDK: true,
        // React (email templates) ships its production build only when told so: half the size.
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        esbuildArgs: {
          '--tree-shaking': 'true',
          // Chinese text (the zh-CN messages and legal grounds) as UTF-8, 3 bytes a character, not
          // 6-byte \u escapes: 16-23 kB less in the mail-sending bundles. (An argument, because
          // this aws-cdk-lib leaves the `charset` bundling option out of esbuild's command line.)
          '--charset': 'utf8',
          // On Lambda the credentials are in the environment: the SDK's default chain (SSO, INI,
          // process, web identity, IMDS, and the STS and SSO clients behind them) is left out.
          [`--alias:${SDK_CREDENTIAL_CHAIN}`]: resolve(props.rootDir, LAMBDA_CREDENTIALS),
        },
      },
    });
    this.executionRole = role;
    this.handlerFile = props.handlerFile;
    this.exportName = props.exportName ?? 'handler';
    this.deadLetterQueue = deadLetterQueue;
    // The managed AWSLambdaBasicExecutionRole would allow every log group; this allows one.
    logGroup.grantWrite(role);

    (this.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' };
    // A policy of its own, so the wildcard it needs is acknowledged there and nowhere else: a
    // wildcard added to the role's other policies is a finding.
    const xray = new Policy(this, 'XRay', {
      roles: [role],
      statements: [new PolicyStatement({ actions: XRAY_ACTIONS, resources: ['*'] })],
    });
    Validations.of(xray).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords accept no resource narrower than *.',
    });
    if (deadLetterQueue) {
      for (const rule of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) {
        Validations.of(deadLetterQueue).acknowledge({
          id: rule,
          reason: `This queue is itself the dead-letter queue of ${id}; nothing consumes it but an operator, so it has no queue behind it.`,
        });
      }
    } else {
      Validations.of(this).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously (API Gateway proxy or a Step Functions task): the caller gets the error and Step Functions retries; a Lambda DLQ only catches asynchronous invocations.',
      });
    }
  }

  /** Sets `TABLE_NAME` and grants the table and its indexes, by exact ARN, the rights named. */
  bindTable({ table, access }: { table: ITableV2; access: TableAccess }): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    const indexArns = tableDefinition.globalSecondaryIndexes.map(
      (index) => `${table.tableArn}/index/${index.indexName}`,
    );
    this.executionRole.addToPrincipalPolicy(
      new PolicyStatement({
        actions: tableRights(access).flatMap((right) => TABLE_ACTIONS[right]),
        resources: [table.tableArn, ...indexArns],
      }),
    );
    return this;
  }

  /**
   * Sets `EVIDENCE_BUCKET` and grants the rights named on the bucket's objects, in a policy of its
   * own, so the object wildcard is acknowledged on that policy only. No s3:ListBucket: no code
   * lists the bucket or needs a missing object's 404 (sealing runs on objects that exist, and links
   * are presigned for sealed ones only).
   */
  bindEvidence({ bucket, rights }: { bucket: IBucket; rights: readonly EvidenceRight[] }): this {
    this.addEnvironment('EVIDENCE_BUCKET', bucket.bucketName);
    const objects = bucket.arnForObjects('*');
    const policy = new Policy(this, 'EvidenceObjects', {
      roles: [this.executionRole],
      statements: [
        new PolicyStatement({
          actions: rights.flatMap((right) => EVIDENCE_ACTIONS[right]),
          resources: [objects],
        }),
      ],
    });
    acknowledgeWildcard(policy, objects, {
      reason:
        'Evidence object keys are minted per upload; the grant covers the objects of the evidence bucket only.',
    });
    return this;
  }

  /** Sets `<NAME>_STATE_MACHINE_ARN` to the alias and allows starting executions through it. */
  bindStateMachine({ name, aliasArn }: { name: string; aliasArn: string }): this {
    this.addEnvironment(stateMachineEnvName(name), aliasArn);
    this.executionRole.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [aliasArn] }),
    );
    return this;
  }

  /** Allows SendTaskSuccess, the only callback the code sends: for the deciding functions only. */
  allowSendTaskResult(): this {
    const policy = new Policy(this, 'SendTaskResult', {
      roles: [this.executionRole],
      statements: [
        new PolicyStatement({
          actions: ['states:SendTaskSuccess'],
          resources: ['*'],
        }),
      ],
    });
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'states:SendTaskSuccess cannot be scoped to a resource (a task token names no ARN); only the functions that record a decision get it.',
    });
    return this;
  }

  /**
   * Sets `MAIL_FROM`, `PORTAL_URL` (emails link to the portal's pages),
   * `SES_CONFIGURATION_SET` (bounces and complaints come back through it) and `REVIEWERS_EMAIL`
   * (where alerts go, if configured), and allows sending through SES from that address only, with
   * that configuration set.
   */
  bindMailer({
    mailFrom,
    portalUrl,
    configurationSetName,
    reviewersEmail,
  }: {
    mailFrom: string;
    portalUrl: string;
    configurationSetName: string;
    reviewersEmail?: string;
  }): this {
    this.addEnvironment('MAIL_FROM', mailFrom);
    this.addEnvironment('PORTAL_URL', portalUrl);
    this.addEnvironment('SES_CONFIGURATION_SET', configurationSetName);
    if (reviewersEmail) this.addEnvironment('REVIEWERS_EMAIL', reviewersEmail);
    const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
    const domain = address.slice(address.indexOf('@') + 1);
    const stack = Stack.of(this);
    const identity = (name: string) =>
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    this.executionRole.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        // SES checks the verified identity (the domain, or the address itself) and the
        // configuration set named in the request.
        resources: [
          identity(domain),
          identity(address),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': address } },
      }),
    );
    return this;
  }

  /** Sets `MARKETPLACE_API_URL` (and `MARKETPLACE_SECRET_ARN` with read access, if a secret is given). */
  bindMarketplace({ apiUrl, secret }: { apiUrl: string; secret?: ISecret }): this {
    this.addEnvironment('MARKETPLACE_API_URL', apiUrl);
    if (secret) {
      this.addEnvironment('MARKETPLACE_SECRET_ARN', secret.secretArn);
      // GetSecretValue only: grantRead adds DescribeSecret, which the code never calls.
      this.executionRole.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: [secret.secretArn],
        }),
      );
    }
    return this;
  }

  /**
   * Sets `TRANSPARENCY_DATABASE_URL` and, with a secret, `TRANSPARENCY_DATABASE_TOKEN_SECRET_ARN`
   * with GetSecretValue on that secret only.
   */
  bindTransparencyDatabase({ url, secret }: { url: string; secret?: ISecret }): this {
    this.addEnvironment('TRANSPARENCY_DATABASE_URL', url);
    if (secret) {
      this.addEnvironment('TRANSPARENCY_DATABASE_TOKEN_SECRET_ARN', secret.secretArn);
      this.executionRole.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: [secret.secretArn],
        }),
      );
    }
    return this;
  }

  /** Sets `EVENT_BUS_NAME` and allows putting events on that bus only. */
  bindEventBus({ bus }: { bus: IEventBus }): this {
    this.addEnvironment('EVENT_BUS_NAME', bus.eventBusName);
    bus.grantPutEventsTo(this.executionRole);
    return this;
  }

  /**
   * Sets `USER_POOL_ID` and allows AdminUpdateUserAttributes on that pool only. IAM has no
   * condition key for the attributes written: the user-directory adapter writes only
   * `custom:rightsHolderId`, of the caller, and its unit test holds it to that.
   */
  bindUserPool({ userPool }: { userPool: IUserPool }): this {
    this.addEnvironment('USER_POOL_ID', userPool.userPoolId);
    userPool.grant(this.executionRole, 'cognito-idp:AdminUpdateUserAttributes');
    return this;
  }
}
