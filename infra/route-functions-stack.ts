import type { Construct } from 'constructs';
import { ROUTE_TIMEOUT_SECONDS, type RouteDefinition } from '../functions/routes.ts';
import type { AppFunction } from './constructs/app-function.ts';
import {
  FunctionStack,
  type FunctionStackProps,
  type WorkflowResources,
} from './function-stack.ts';
import { pascalCase } from './tables.ts';

export interface RouteFunctionsStackProps extends FunctionStackProps {
  workflow: WorkflowResources;
  /** The routes of this stack's area. */
  routes: readonly RouteDefinition[];
}

/** The construct id of a route's function, e.g. 'RouteGetV1CasesCaseId'. */
export const routeFunctionId = (route: RouteDefinition) =>
  `Route${pascalCase(route.method.toLowerCase(), route.path)}`;

/**
 * The functions behind one area's routes, with their roles, log groups and alarms. The API stack
 * wires them to its methods; this stack knows nothing of the API.
 */
export class RouteFunctionsStack extends FunctionStack {
  /** Each route of the area with its function. */
  readonly routes: { route: RouteDefinition; fn: AppFunction }[];

  constructor(scope: Construct, id: string, props: RouteFunctionsStackProps) {
    super(scope, id, props);
    this.routes = props.routes.map((route) => ({
      route,
      fn: this.addFunction(routeFunctionId(route), {
        ...route,
        description: `${route.method} ${route.path}`,
        timeoutSeconds: ROUTE_TIMEOUT_SECONDS,
        owner: `route ${route.method} ${route.path}`,
      }),
    }));
    this.grantAll(props.stateful, props.workflow);
    this.addAlarms(props.workflow.alarmTopic);
  }
}
