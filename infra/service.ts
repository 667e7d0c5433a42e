import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { type AppConfig, loadConfig } from './config.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';
import type { ServiceTables } from './tables.ts';

export interface TakedownServiceOptions {
  /** @default loadConfig(app.node): the CDK context */
  config?: AppConfig;
  /** @default sharedTables */
  tables?: ServiceTables;
  /** Register the cdk-nag packs as validation plugins, so a finding fails synth. @default true */
  nag?: boolean;
}

/** Both stacks of the service on `app`, checked at synth by the cdk-nag AwsSolutions and Serverless packs. */
export function addTakedownService(app: App, options: TakedownServiceOptions = {}) {
  const config = options.config ?? loadConfig(app.node);
  const stateful = new StatefulStack(app, 'TakedownStateful', {
    description: 'Notice-and-takedown service: table, evidence bucket, user pool',
    config,
  });
  const stateless = new StatelessStack(app, 'TakedownStateless', {
    description: 'Notice-and-takedown service: functions, API, state machines, schedules, alarms',
    stateful,
    config,
    tables: options.tables,
  });
  stateless.addStackDependency(stateful);
  if (options.nag ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  }
  return { stateful, stateless };
}
