import { resolve } from 'node:path';
import { CfnOutput } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { ConfigurationSet } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { AppFunction } from './constructs/app-function.ts';
import { ServiceAlarms } from './constructs/service-alarms.ts';
import { WorkflowStateMachine } from './constructs/workflow-state-machine.ts';
import {
  FunctionStack,
  type FunctionStackProps,
  type WorkflowResources,
} from './function-stack.ts';
import { pascalCase, type ServiceTables } from './tables.ts';

export interface WorkflowStackProps extends FunctionStackProps {
  workflowTasks: ServiceTables['workflowTasks'];
  stateMachines: ServiceTables['stateMachines'];
}

/**
 * The case workflow and what the stacks above it share: one function per workflow task, the state
 * machines (versions behind aliases), the domain-event bus, the alarm topic, and the demo
 * marketplace when deployed. The API and jobs stacks start executions through the aliases.
 */
export class WorkflowStack extends FunctionStack implements WorkflowResources {
  get mailConfigurationSetName(): string {
    return this.mailConfigurationSet.configurationSetName;
  }

  readonly stateMachines = new Map<string, WorkflowStateMachine>();
  readonly stateMachineAliases = new Map<string, string>();
  readonly eventBus: EventBus;
  readonly alarmTopic: Topic;
  readonly marketplaceFunction?: AppFunction;
  readonly mailConfigurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    // Every email goes out with it; the jobs stack adds the event destination that reports
    // bounces and complaints back (it holds the function that records them).
    this.mailConfigurationSet = new ConfigurationSet(this, 'MailConfigurationSet', {});
    this.eventBus = new EventBus(this, 'DomainEvents', {
      description: 'Domain events (case status changes) for integrators',
    });
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: 'Takedown alarms',
      enforceSSL: true,
    });
    if (this.config.alarmEmail) {
      this.alarmTopic.addSubscription(new EmailSubscription(this.config.alarmEmail));
    }

    // A trial deployment can run against the demo marketplace instead of a real one (context
    // `demoMarketplace=true`): the service's functions invoke it directly, IAM-authorized.
    if (this.config.demoMarketplace) {
      this.marketplaceFunction = this.addFunction('DemoMarketplace', {
        handler: 'functions/demo-marketplace/handler.ts',
        description: 'Demo marketplace for trial deployments (listings and sellers in the table)',
        timeoutSeconds: 10,
        grants: { table: 'RW' },
        owner: 'the demo marketplace',
      });
    }

    // Workflow tasks first: the state machines name them.
    const taskFunctions = new Map<string, AppFunction>();
    for (const task of props.workflowTasks) {
      const fn = this.addFunction(`Task${pascalCase(task.functionName)}`, {
        ...task,
        description: `Workflow task ${task.substitutionKey}`,
        timeoutSeconds: task.timeoutSeconds ?? 30,
        owner: `workflow task ${task.functionName}`,
      });
      taskFunctions.set(task.substitutionKey, fn);
    }
    for (const machine of props.stateMachines) {
      const workflow = new WorkflowStateMachine(this, `Workflow${pascalCase(machine.name)}`, {
        name: machine.name,
        definitionFile: resolve(this.rootDir, machine.definitionFile),
        taskFunctions: new Map(machine.tasks.map((key) => [key, taskFunctions.get(key)!])),
        logRetention: this.config.logRetentionDays,
        ...(machine.itemReader
          ? {
              itemReader: {
                bucketArn: props.stateful.evidenceBucket.bucketArn,
                prefix: machine.itemReader.prefix,
              },
            }
          : {}),
      });
      this.stateMachines.set(machine.name, workflow);
      this.stateMachineAliases.set(machine.name, workflow.aliasArn);
    }

    this.grantAll(props.stateful, this);
    new ServiceAlarms(this, 'Alarms', {
      topic: this.alarmTopic,
      runbooksUrl: this.config.runbooksUrl,
      functions: this.functions,
      stateMachines: new Map<string, StateMachine>(
        [...this.stateMachines].map(([name, workflow]) => [name, workflow.stateMachine]),
      ),
    });

    new CfnOutput(this, 'EventBusName', { value: this.eventBus.eventBusName });
    new CfnOutput(this, 'MailConfigurationSetName', {
      value: this.mailConfigurationSet.configurationSetName,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }
}
