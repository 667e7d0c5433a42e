import { type App, type Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { DIST_DIR } from '../web/build.ts';
import { ApiStack } from './api-stack.ts';
import { type AppConfig, loadConfig } from './config.ts';
import type { AppFunction } from './constructs/app-function.ts';
import { JobsStack } from './jobs-stack.ts';
import { ROUTE_AREAS, type RouteArea, routeArea } from './route-areas.ts';
import { RouteFunctionsStack } from './route-functions-stack.ts';
import { StatefulStack } from './stateful-stack.ts';
import { checkTables, type ServiceTables, sharedTables } from './tables.ts';
import { WebStack } from './web-stack.ts';
import { WorkflowStack } from './workflow-stack.ts';

export interface TakedownServiceOptions {
  /** @default loadConfig(app.node): the CDK context */
  config?: AppConfig;
  /** @default sharedTables */
  tables?: ServiceTables;
  /** Register the cdk-nag packs as validation plugins, so a finding fails synth. @default true */
  nag?: boolean;
  /** Where the tables' paths resolve. @default REPO_ROOT */
  rootDir?: string;
  /** The built web app to deploy. @default web/dist (infra/app.ts builds it first) */
  webAssetsDir?: string;
}

/** The stacks of the service, in deploy order. */
export interface TakedownService {
  stateful: StatefulStack;
  workflow: WorkflowStack;
  jobs: JobsStack;
  /** The route functions, one stack per area that has routes. */
  routeStacks: Map<RouteArea, RouteFunctionsStack>;
  api: ApiStack;
  web: WebStack;
  /** Every stack, in deploy order. */
  stacks: Stack[];
  /** Every function of every stack, by construct id (unique across the service). */
  functions: Map<string, AppFunction>;
}

/**
 * The service's stacks on `app`, built from the route and task tables, each well under
 * CloudFormation's 500-resource limit, checked at synth by the cdk-nag AwsSolutions and
 * Serverless packs:
 * - `TakedownStateful`: the table, the evidence bucket and the user pool (retained on delete);
 * - `TakedownWorkflow`: workflow tasks, state machines, the event bus and the alarm topic;
 * - `TakedownJobs`: scheduled jobs, bucket notifications and mail delivery events;
 * - `Takedown<Area>Routes`: the route functions of one area of the API (infra/route-areas.ts);
 * - `TakedownApi`: the REST API over those functions;
 * - `TakedownWeb`: the web app (bucket, CloudFront, sign-in client and domain, config.json).
 * Cross-stack references are CDK's own; `cdk deploy --all` deploys them in this order.
 */
export function addTakedownService(
  app: App,
  options: TakedownServiceOptions = {},
): TakedownService {
  const config = options.config ?? loadConfig(app.node);
  const tables = options.tables ?? sharedTables;
  checkTables(tables);
  const common = { config, ...(options.rootDir ? { rootDir: options.rootDir } : {}) };

  const stateful = new StatefulStack(app, 'TakedownStateful', {
    description: 'Notice-and-takedown service: table, evidence bucket, user pool',
    config,
  });
  const workflow = new WorkflowStack(app, 'TakedownWorkflow', {
    description:
      'Notice-and-takedown service: workflow tasks, state machines, domain-event bus, alarm topic',
    stateful,
    ...common,
    workflowTasks: tables.workflowTasks,
    stateMachines: tables.stateMachines,
  });
  workflow.addStackDependency(stateful);
  const jobs = new JobsStack(app, 'TakedownJobs', {
    description: 'Notice-and-takedown service: scheduled jobs and bucket notifications',
    stateful,
    ...common,
    workflow,
    bucketNotifications: tables.bucketNotifications,
    scheduledJobs: tables.scheduledJobs,
    mailEventHandlers: tables.mailEventHandlers,
  });
  jobs.addStackDependency(workflow);

  const routeStacks = new Map<RouteArea, RouteFunctionsStack>();
  for (const area of Object.keys(ROUTE_AREAS) as RouteArea[]) {
    const routes = tables.routes.filter((route) => routeArea(route) === area);
    if (routes.length === 0) continue;
    const stack = new RouteFunctionsStack(app, `Takedown${area}Routes`, {
      description: `Notice-and-takedown service: the functions of the ${area.toLowerCase()} routes`,
      stateful,
      ...common,
      workflow,
      routes,
    });
    stack.addStackDependency(workflow);
    routeStacks.set(area, stack);
  }
  // Every route belongs to an area (routeArea throws otherwise), so none is left out.
  const api = new ApiStack(app, 'TakedownApi', {
    description: 'Notice-and-takedown service: the REST API, its authorizer, WAF and access logs',
    stateful,
    config,
    routes: [...routeStacks.values()].flatMap((stack) => stack.routes),
    alarmTopic: workflow.alarmTopic,
    stateMachines: new Map(
      [...workflow.stateMachines].map(([name, machine]) => [name, machine.stateMachine]),
    ),
  });
  for (const stack of routeStacks.values()) api.addStackDependency(stack);
  const web = new WebStack(app, 'TakedownWeb', {
    description:
      'Notice-and-takedown service: the web app, its sign-in client and its CloudFront distribution',
    stateful,
    config,
    api: api.api.api,
    webAssetsDir: options.webAssetsDir ?? DIST_DIR,
  });
  web.addStackDependency(api);

  if (options.nag ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  }
  const stacks = [stateful, workflow, jobs, ...routeStacks.values(), api, web];
  const functions = new Map<string, AppFunction>();
  for (const stack of [workflow, jobs, ...routeStacks.values()]) {
    for (const [fnId, fn] of stack.functions) functions.set(fnId, fn);
  }
  return { stateful, workflow, jobs, routeStacks, api, web, stacks, functions };
}
