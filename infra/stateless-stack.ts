import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { EventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { type AppConfig, loadConfig } from './config.ts';
import { AppFunction } from './constructs/app-function.ts';
import { applyGrants, type GrantTargets } from './constructs/bind-grants.ts';
import { ServiceAlarms } from './constructs/service-alarms.ts';
import { ServiceApi } from './constructs/service-api.ts';
import { WorkflowStateMachine } from './constructs/workflow-state-machine.ts';
import type { StatefulResources } from './stateful-stack.ts';
import { assertUnique, pascalCase, type ServiceTables, sharedTables } from './tables.ts';

/** The repository root: handler and ASL paths in the tables are relative to it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface StatelessStackProps extends StackProps {
  /** The table, evidence bucket and user pool, from the stateful stack. */
  stateful: StatefulResources;
  /** @default loadConfig(this.node): the CDK context */
  config?: AppConfig;
  /** @default sharedTables: functions/routes.ts and functions/tasks.ts */
  tables?: ServiceTables;
  /** Where the tables' paths resolve. @default REPO_ROOT */
  rootDir?: string;
}

/**
 * Everything that holds no data, built from the route and task tables with no second list: one
 * function per route, workflow task, bucket notification and scheduled job; the REST API; the state
 * machines; the schedules; the domain event bus; and the alarms.
 */
export class StatelessStack extends Stack {
  /** Every function, by construct id. */
  readonly functions = new Map<string, AppFunction>();
  readonly stateMachines = new Map<string, WorkflowStateMachine>();
  readonly api: ServiceApi;
  readonly eventBus: EventBus;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const config = props.config ?? loadConfig(this.node);
    const tables = props.tables ?? sharedTables;
    const rootDir = props.rootDir ?? REPO_ROOT;
    checkTables(tables);

    const logRetention = config.logRetentionDays;
    const newFunction = (
      fnId: string,
      entry: { handler: string; exportName?: string },
      options: { description: string; timeoutSeconds: number; asyncInvocation?: boolean },
    ) => {
      const fn = new AppFunction(this, fnId, {
        handlerFile: entry.handler,
        exportName: entry.exportName,
        rootDir,
        description: options.description,
        timeout: Duration.seconds(options.timeoutSeconds),
        logRetention,
        memorySize: 512,
        asyncInvocation: options.asyncInvocation,
      });
      this.functions.set(fnId, fn);
      return fn;
    };

    this.eventBus = new EventBus(this, 'DomainEvents', {
      description: 'Domain events (case status changes) for integrators',
    });
    const evidenceBucket = Bucket.fromBucketAttributes(this, 'EvidenceBucket', {
      bucketName: props.stateful.evidenceBucket.bucketName,
      bucketArn: props.stateful.evidenceBucket.bucketArn,
    });
    // A trial deployment can run against the demo marketplace instead of a real one (context
    // `demoMarketplace=true`): the service's functions invoke it directly, IAM-authorized.
    const demoMarketplace = config.demoMarketplace
      ? newFunction(
          'DemoMarketplace',
          { handler: 'functions/demo-marketplace/handler.ts' },
          {
            description:
              'Demo marketplace for trial deployments (listings and sellers in the table)',
            timeoutSeconds: 10,
          },
        )
      : undefined;
    if (demoMarketplace) demoMarketplace.bindTable({ table: props.stateful.table, access: 'RW' });
    const grantTargets = {
      table: props.stateful.table,
      evidenceBucket,
      stateMachineAliases: new Map<string, string>(),
      eventBus: this.eventBus,
      userPool: props.stateful.userPool,
      mailFrom: config.mailFrom,
      marketplaceApiUrl: demoMarketplace
        ? `lambda:${demoMarketplace.functionArn}`
        : config.marketplaceApiUrl,
      ...(demoMarketplace ? { marketplaceFunction: demoMarketplace } : {}),
      marketplaceSecret: config.marketplaceSecretName
        ? Secret.fromSecretNameV2(this, 'MarketplaceSecret', config.marketplaceSecretName)
        : undefined,
    } satisfies GrantTargets;
    const grantsOf: {
      fn: AppFunction;
      grants: ServiceTables['routes'][number]['grants'];
      owner: string;
    }[] = [];

    // Workflow tasks first: the state machines name them.
    const taskFunctions = new Map<string, AppFunction>();
    for (const task of tables.workflowTasks) {
      const fn = newFunction(`Task${pascalCase(task.functionName)}`, task, {
        description: `Workflow task ${task.substitutionKey}`,
        timeoutSeconds: task.timeoutSeconds ?? 30,
      });
      taskFunctions.set(task.substitutionKey, fn);
      grantsOf.push({ fn, grants: task.grants, owner: `workflow task ${task.functionName}` });
    }
    for (const machine of tables.stateMachines) {
      const workflow = new WorkflowStateMachine(this, `Workflow${pascalCase(machine.name)}`, {
        name: machine.name,
        definitionFile: resolve(rootDir, machine.definitionFile),
        taskFunctions: new Map(machine.tasks.map((key) => [key, taskFunctions.get(key)!])),
        logRetention,
      });
      this.stateMachines.set(machine.name, workflow);
      grantTargets.stateMachineAliases.set(machine.name, workflow.aliasArn);
    }

    const routes = tables.routes.map((route) => {
      const fn = newFunction(`Route${pascalCase(route.method.toLowerCase(), route.path)}`, route, {
        description: `${route.method} ${route.path}`,
        // API Gateway gives up after 29 s.
        timeoutSeconds: 25,
      });
      grantsOf.push({ fn, grants: route.grants, owner: `route ${route.method} ${route.path}` });
      return { route, fn };
    });

    for (const notification of tables.bucketNotifications) {
      const fn = newFunction(`Notification${pascalCase(notification.functionName)}`, notification, {
        description: `On each object created in the ${notification.bucket} bucket`,
        timeoutSeconds: notification.timeoutSeconds ?? 60,
        asyncInvocation: true,
      });
      evidenceBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn));
      // With GuardDuty scanning the bucket, sealing refuses what is not tagged NO_THREATS_FOUND.
      if (config.malwareProtection) fn.addEnvironment('REQUIRE_MALWARE_SCAN', 'true');
      grantsOf.push({
        fn,
        grants: notification.grants,
        owner: `notification ${notification.functionName}`,
      });
    }

    for (const job of tables.scheduledJobs) {
      const fn = newFunction(`Job${pascalCase(job.name)}`, job, {
        description: `Scheduled job ${job.name}, every ${job.everyMinutes} min`,
        timeoutSeconds: job.timeoutSeconds ?? 60,
        asyncInvocation: true,
      });
      new Rule(this, `Schedule${pascalCase(job.name)}`, {
        description: `Runs ${job.name} every ${job.everyMinutes} min`,
        schedule: Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [
          new LambdaFunction(fn, {
            deadLetterQueue: fn.deadLetterQueue,
            retryAttempts: 2,
            maxEventAge: Duration.hours(1),
          }),
        ],
      });
      grantsOf.push({ fn, grants: job.grants, owner: `scheduled job ${job.name}` });
    }

    for (const { fn, grants, owner } of grantsOf) applyGrants(fn, grants, grantTargets, owner);

    this.api = new ServiceApi(this, 'Api', {
      routes,
      userPool: props.stateful.userPool,
      portalOrigin: config.portalOrigin,
      logRetention,
      rateLimit: config.apiRateLimit,
      burstLimit: config.apiBurstLimit,
      wafRequestsPer5Minutes: config.wafRequestsPer5Minutes,
    });

    new ServiceAlarms(this, 'Alarms', {
      functions: this.functions,
      stateMachines: new Map<string, StateMachine>(
        [...this.stateMachines].map(([name, workflow]) => [name, workflow.stateMachine]),
      ),
      api: this.api.api,
      alarmEmail: config.alarmEmail,
    });

    if (tables.bucketNotifications.length > 0) acknowledgeNotificationHandler(this);

    new CfnOutput(this, 'ApiUrl', { value: this.api.api.url });
    new CfnOutput(this, 'EventBusName', { value: this.eventBus.eventBusName });
  }
}

/**
 * Rejects tables the deployment could not honour, with a message naming the entry: duplicate
 * routes or names, a state machine naming an unknown task, a task starting the machine that runs
 * it (a dependency cycle), or two notifications on one bucket (S3 refuses overlapping ones).
 */
function checkTables(tables: ServiceTables): void {
  assertUnique(tables.routes, (r) => `${r.method} ${r.path}`, 'route');
  assertUnique(tables.workflowTasks, (t) => t.substitutionKey, 'substitution key');
  assertUnique(tables.workflowTasks, (t) => pascalCase(t.functionName), 'workflow function name');
  assertUnique(tables.stateMachines, (m) => pascalCase(m.name), 'state machine name');
  assertUnique(tables.scheduledJobs, (j) => pascalCase(j.name), 'scheduled job name');
  assertUnique(
    tables.bucketNotifications,
    (n) => n.bucket,
    'object-created notification for bucket',
  );
  const keys = new Map(tables.workflowTasks.map((task) => [task.substitutionKey, task]));
  for (const machine of tables.stateMachines) {
    for (const key of machine.tasks) {
      const task = keys.get(key);
      if (!task) {
        throw new Error(
          `State machine "${machine.name}" lists task ${key}, which no workflow task supplies`,
        );
      }
      if (task.grants?.startExecution?.includes(machine.name)) {
        throw new Error(
          `Workflow task ${task.functionName} may start "${machine.name}", the machine that runs it: CloudFormation cannot deploy that cycle`,
        );
      }
    }
  }
}

/**
 * The S3 notification is configured by CDK's own deploy-time handler (a singleton function), which
 * is created in this stack because the bucket is imported, so no reference points back at it.
 */
function acknowledgeNotificationHandler(stack: Stack): void {
  const handler = stack.node.tryFindChild(
    'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
  );
  if (!handler) return;
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'CDK’s deploy-time handler for S3 notifications (Custom::S3BucketNotifications) comes with this role; it runs only during deploys.',
  });
}
