import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { Grants } from '../functions/grants.ts';
import type { AppConfig } from './config.ts';
import { AppFunction } from './constructs/app-function.ts';
import { applyGrants, type GrantTargets } from './constructs/bind-grants.ts';
import { ServiceAlarms } from './constructs/service-alarms.ts';
import type { StatefulResources } from './stateful-stack.ts';

/** The repository root: handler and ASL paths in the tables are relative to it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What the workflow stack gives the stacks above it: where executions start, where domain events
 * go, where alarms go, and the demo marketplace when one is deployed.
 */
export interface WorkflowResources {
  /** State machine logical name → the ARN of the alias executions start through. */
  readonly stateMachineAliases: ReadonlyMap<string, string>;
  readonly eventBus: IEventBus;
  readonly alarmTopic: ITopic;
  /** The demo marketplace function (context `demoMarketplace=true`). */
  readonly marketplaceFunction?: AppFunction;
  /** The SES configuration set every email goes out with; its events report bounces. */
  readonly mailConfigurationSetName: string;
}

export interface FunctionStackProps extends StackProps {
  /** The table, evidence bucket and user pool, from the stateful stack. */
  stateful: StatefulResources;
  config: AppConfig;
  /** Where the tables' paths resolve. @default REPO_ROOT */
  rootDir?: string;
}

/** How one function of a table is made. */
export interface FunctionSpec {
  handler: string;
  exportName?: string;
  description: string;
  timeoutSeconds: number;
  /** @default false */
  asyncInvocation?: boolean;
  /** What the table entry grants; applied by `grantAll`. */
  grants?: Grants;
  /** The table entry, for error messages, e.g. 'route GET /v1/health'. */
  owner: string;
}

/**
 * A stack of the service's functions: it makes each with the same settings, grants each exactly
 * what its table entry names (`grantAll`, once the targets exist) and alarms on each
 * (`addAlarms`), so every stack by area holds its functions' roles, log groups and alarms.
 */
export abstract class FunctionStack extends Stack {
  /** Every function of this stack, by construct id. */
  readonly functions = new Map<string, AppFunction>();
  protected readonly config: AppConfig;
  protected readonly rootDir: string;
  /** The evidence bucket, imported by name (the stateful stack exports it). */
  protected readonly evidenceBucket: IBucket;
  private readonly pendingGrants: { fn: AppFunction; grants?: Grants; owner: string }[] = [];

  constructor(scope: Construct, id: string, props: FunctionStackProps) {
    super(scope, id, props);
    this.config = props.config;
    this.rootDir = props.rootDir ?? REPO_ROOT;
    this.evidenceBucket = Bucket.fromBucketAttributes(this, 'EvidenceBucket', {
      bucketName: props.stateful.evidenceBucket.bucketName,
      bucketArn: props.stateful.evidenceBucket.bucketArn,
    });
  }

  /** A function of this stack, remembered with its grants for `grantAll`. */
  protected addFunction(fnId: string, spec: FunctionSpec): AppFunction {
    const fn = new AppFunction(this, fnId, {
      handlerFile: spec.handler,
      exportName: spec.exportName,
      rootDir: this.rootDir,
      description: spec.description,
      timeout: Duration.seconds(spec.timeoutSeconds),
      logRetention: this.config.logRetentionDays,
      memorySize: 512,
      asyncInvocation: spec.asyncInvocation,
    });
    this.functions.set(fnId, fn);
    this.pendingGrants.push({ fn, grants: spec.grants, owner: spec.owner });
    return fn;
  }

  /** Applies every function's grants, against the stateful resources and the workflow's. */
  protected grantAll(stateful: StatefulResources, workflow: WorkflowResources): void {
    const targets = {
      table: stateful.table,
      evidenceBucket: this.evidenceBucket,
      stateMachineAliases: workflow.stateMachineAliases,
      eventBus: workflow.eventBus,
      userPool: stateful.userPool,
      mailFrom: this.config.mailFrom,
      ...(this.config.reviewersEmail ? { reviewersEmail: this.config.reviewersEmail } : {}),
      portalUrl: this.config.portalOrigin,
      mailConfigurationSetName: workflow.mailConfigurationSetName,
      marketplaceApiUrl: workflow.marketplaceFunction
        ? `lambda:${workflow.marketplaceFunction.functionArn}`
        : this.config.marketplaceApiUrl,
      ...(workflow.marketplaceFunction
        ? { marketplaceFunction: workflow.marketplaceFunction }
        : {}),
      marketplaceSecret: this.marketplaceSecret(),
      transparencyDatabaseUrl: this.config.transparencyDatabaseUrl,
      transparencyDatabaseSecret: this.transparencyDatabaseSecret(),
    } satisfies GrantTargets;
    for (const { fn, grants, owner } of this.pendingGrants) applyGrants(fn, grants, targets, owner);
    this.pendingGrants.length = 0;
  }

  /** Errors, throttles and dead letters of every function of this stack, on the shared topic. */
  protected addAlarms(topic: ITopic): ServiceAlarms {
    return new ServiceAlarms(this, 'Alarms', {
      topic,
      functions: this.functions,
      runbooksUrl: this.config.runbooksUrl,
    });
  }

  private transparencyDatabaseSecret(): ISecret | undefined {
    if (!this.config.transparencyDatabaseTokenSecretName) return undefined;
    return Secret.fromSecretNameV2(
      this,
      'TransparencyDatabaseSecret',
      this.config.transparencyDatabaseTokenSecretName,
    );
  }

  private marketplaceSecret(): ISecret | undefined {
    if (!this.config.marketplaceSecretName) return undefined;
    return Secret.fromSecretNameV2(this, 'MarketplaceSecret', this.config.marketplaceSecretName);
  }
}
