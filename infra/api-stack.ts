import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { RouteDefinition } from '../functions/routes.ts';
import type { AppConfig } from './config.ts';
import type { AppFunction } from './constructs/app-function.ts';
import { ServiceAlarms } from './constructs/service-alarms.ts';
import { ServiceApi } from './constructs/service-api.ts';
import { ServiceDashboard } from './constructs/service-dashboard.ts';
import type { StatefulResources } from './stateful-stack.ts';

export interface ApiStackProps extends StackProps {
  stateful: StatefulResources;
  config: AppConfig;
  /** Every route with its function, from the route-function stacks. */
  routes: readonly { route: RouteDefinition; fn: AppFunction }[];
  alarmTopic: ITopic;
  /** The workflow's state machines, by name, for the dashboard. */
  stateMachines: ReadonlyMap<string, StateMachine>;
}

/**
 * The public REST API: resources, methods, the Cognito authorizer, problem+json gateway responses,
 * throttling, WAF and access logs, wired to the route functions of the stacks by area. Each
 * function is imported by ARN, so its invoke permission lives here with the method, and no
 * reference points back from a function's stack to the API (which would make a cycle).
 */
export class ApiStack extends Stack {
  readonly api: ServiceApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const routes = props.routes.map(({ route, fn }) => ({
      route,
      fn: LambdaFunction.fromFunctionAttributes(this, `${fn.node.id}Function`, {
        functionArn: fn.functionArn,
        sameEnvironment: true,
      }),
    }));
    this.api = new ServiceApi(this, 'Api', {
      routes,
      userPool: props.stateful.userPool,
      portalOrigin: props.config.portalOrigin,
      logRetention: props.config.logRetentionDays,
      rateLimit: props.config.apiRateLimit,
      burstLimit: props.config.apiBurstLimit,
      wafRequestsPer5Minutes: props.config.wafRequestsPer5Minutes,
    });
    new ServiceAlarms(this, 'Alarms', {
      topic: props.alarmTopic,
      api: this.api.api,
      runbooksUrl: props.config.runbooksUrl,
    });
    new ServiceDashboard(this, 'Dashboard', {
      api: this.api.api,
      stateMachines: props.stateMachines,
    });
    new CfnOutput(this, 'ApiUrl', { value: this.api.api.url });
  }
}
