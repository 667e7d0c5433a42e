/**
 * The task table: which ASL substitution key goes to which workflow handler, and which functions
 * other AWS events trigger. CDK builds one Lambda function per entry and passes
 * `definitionSubstitutions` from it; the local cloud builds its ARN → handler map from it. There is
 * no second list.
 */

import type { Grants } from './grants.ts';

export interface WorkflowTask {
  /** The `${...}` key in the ASL, e.g. 'ScreenCaseFunctionArn'. */
  substitutionKey: string;
  /** Logical function name; the deployed and local function names derive from it. */
  functionName: string;
  /** Module path relative to the repo root. */
  handler: string;
  /** @default 'handler' */
  exportName?: string;
  /** @default 30 */
  timeoutSeconds?: number;
  /** What the function may touch; CDK grants exactly this. @default {} (nothing) */
  grants?: Grants;
}

export interface StateMachineDefinition {
  /** Logical name, e.g. 'takedown'. */
  name: string;
  /** The ASL file, relative to the repo root: the same file CDK deploys and the local engine runs. */
  definitionFile: string;
  /** Substitution keys the definition uses; each must be a `substitutionKey` of `workflowTasks`. */
  tasks: readonly string[];
}

/** A function run on each object created in a bucket (an S3 event notification in AWS). */
export interface BucketNotification {
  /** The logical bucket, as named in the stateful stack. */
  bucket: 'evidence';
  functionName: string;
  handler: string;
  exportName?: string;
  /** @default 60 */
  timeoutSeconds?: number;
  grants?: Grants;
}

/**
 * Work that runs on a schedule: an EventBridge schedule in AWS, the local cloud's clock locally.
 * The function receives an EventBridge "Scheduled Event".
 */
export interface ScheduledJob {
  /** Logical name, e.g. 'reconciler'. */
  name: string;
  functionName: string;
  handler: string;
  exportName?: string;
  /** How often it runs, in minutes. */
  everyMinutes: number;
  /** @default 60 */
  timeoutSeconds?: number;
  grants?: Grants;
}

export const workflowTasks: readonly WorkflowTask[] = [];

export const stateMachines: readonly StateMachineDefinition[] = [];

export const bucketNotifications: readonly BucketNotification[] = [];

export const scheduledJobs: readonly ScheduledJob[] = [
  {
    name: 'reconciler',
    functionName: 'reconcile-case-starts',
    handler: 'functions/jobs/reconcile-case-starts.ts',
    everyMinutes: 5,
    grants: { table: 'RW', startExecution: ['takedown'] },
  },
];
