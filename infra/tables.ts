import { type RouteDefinition, routes } from '../functions/routes.ts';
import {
  type BucketNotification,
  bucketNotifications,
  type MailEventHandler,
  mailEventHandlers,
  type ScheduledJob,
  type StateMachineDefinition,
  scheduledJobs,
  stateMachines,
  type WorkflowTask,
  workflowTasks,
} from '../functions/tasks.ts';

/** The shared route and task tables, which the stacks by area deploy. */
export interface ServiceTables {
  routes: readonly RouteDefinition[];
  workflowTasks: readonly WorkflowTask[];
  stateMachines: readonly StateMachineDefinition[];
  bucketNotifications: readonly BucketNotification[];
  scheduledJobs: readonly ScheduledJob[];
  mailEventHandlers: readonly MailEventHandler[];
}

/** The tables as functions/ declares them: the ones the local cloud runs too. */
export const sharedTables: ServiceTables = {
  routes,
  workflowTasks,
  stateMachines,
  bucketNotifications,
  scheduledJobs,
  mailEventHandlers,
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

/**
 * Rejects tables the deployment could not honour, with a message naming the entry: duplicate
 * routes or names, a state machine naming an unknown task, a task starting the machine that runs
 * it (a dependency cycle), or two notifications on one bucket (S3 refuses overlapping ones).
 */
export function checkTables(tables: ServiceTables): void {
  assertUnique(tables.routes, (r) => `${r.method} ${r.path}`, 'route');
  assertUnique(tables.workflowTasks, (t) => t.substitutionKey, 'substitution key');
  assertUnique(tables.workflowTasks, (t) => pascalCase(t.functionName), 'workflow function name');
  assertUnique(tables.stateMachines, (m) => pascalCase(m.name), 'state machine name');
  assertUnique(tables.scheduledJobs, (j) => pascalCase(j.name), 'scheduled job name');
  assertUnique(
    tables.mailEventHandlers,
    (h) => pascalCase(h.functionName),
    'mail event handler function name',
  );
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
