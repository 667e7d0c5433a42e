import { type RouteDefinition, routes } from '../functions/routes.ts';
import {
  type BucketNotification,
  bucketNotifications,
  type ScheduledJob,
  type StateMachineDefinition,
  scheduledJobs,
  stateMachines,
  type WorkflowTask,
  workflowTasks,
} from '../functions/tasks.ts';

/** The shared route and task tables, which the stateless stack deploys. */
export interface ServiceTables {
  routes: readonly RouteDefinition[];
  workflowTasks: readonly WorkflowTask[];
  stateMachines: readonly StateMachineDefinition[];
  bucketNotifications: readonly BucketNotification[];
  scheduledJobs: readonly ScheduledJob[];
}

/** The tables as functions/ declares them: the ones the local cloud runs too. */
export const sharedTables: ServiceTables = {
  routes,
  workflowTasks,
  stateMachines,
  bucketNotifications,
  scheduledJobs,
};

/** 'get', '/v1/cases/{caseId}' → 'GetV1CasesCaseId': a stable construct id from table text. */
export function pascalCase(...parts: string[]): string {
  return parts
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** Throws on duplicates the deployed resources could not tell apart. */
export function assertUnique<T>(items: readonly T[], key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const id = key(item);
    if (seen.has(id)) throw new Error(`Duplicate ${what} in the shared tables: ${id}`);
    seen.add(id);
  }
}
