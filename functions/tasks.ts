/**
 * The task table: which ASL substitution key goes to which workflow handler, and which functions
 * other AWS events trigger. CDK builds one Lambda function per entry and passes
 * `definitionSubstitutions` from it; the local cloud builds its ARN → handler map from it. There is
 * no second list.
 */

import type { Grants, TableRight } from './grants.ts';

/** Reads, writes and deletes: a case's status change clears its pending task and open-case lock. */
const RWD: readonly TableRight[] = ['read', 'write', 'delete'];

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
 * A function run on each delivery problem of the service's email (a bounce or a complaint): in
 * AWS, the SES configuration set's event destination (EventBridge) invokes it; locally, the
 * mailbox delivers the same event when it is told to bounce an address.
 */
export interface MailEventHandler {
  functionName: string;
  handler: string;
  exportName?: string;
  /** The SES events it receives. */
  events: readonly ('bounce' | 'complaint')[];
  /** @default 30 */
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

/** Every workflow task may change a case's status, which publishes a domain event. */
const workflow = (
  substitutionKey: string,
  functionName: string,
  file: string,
  grants: Grants,
): WorkflowTask => ({
  substitutionKey,
  functionName,
  handler: `functions/workflow/${file}.ts`,
  grants: { ...grants, publishEvents: true },
});

/** One handler per Task state of statemachines/takedown.asl.json and redress.asl.json. */
export const workflowTasks: readonly WorkflowTask[] = [
  workflow('ScreenCaseFunctionArn', 'screen-case', 'screen-case', {
    table: RWD,
    marketplace: true,
    sendEmail: true,
  }),
  workflow('OpenPendingTaskFunctionArn', 'open-pending-task', 'open-pending-task', {
    table: RWD,
    sendEmail: true,
    sendTaskResult: true,
  }),
  workflow('RaiseOverdueFunctionArn', 'raise-overdue', 'raise-overdue', {
    table: RWD,
    sendEmail: true,
  }),
  workflow('CloseCaseFunctionArn', 'close-case', 'close-case', { table: RWD, sendEmail: true }),
  workflow('TakeDownListingFunctionArn', 'take-down-listing', 'take-down-listing', {
    table: RWD,
    marketplace: true,
  }),
  workflow('RecordStrikeFunctionArn', 'record-strike', 'record-strike', { table: RWD }),
  workflow('ApplySellerMeasureFunctionArn', 'apply-seller-measure', 'apply-seller-measure', {
    table: RWD,
    marketplace: true,
  }),
  workflow('NotifyPartiesFunctionArn', 'notify-parties', 'notify-parties', {
    table: RWD,
    sendEmail: true,
  }),
  workflow(
    'CounterNoticeReceivedFunctionArn',
    'counter-notice-received',
    'counter-notice-received',
    { table: RWD, sendEmail: true },
  ),
  workflow('RestoreListingFunctionArn', 'restore-listing', 'restore-listing', {
    table: RWD,
    marketplace: true,
    sendEmail: true,
  }),
  workflow('WithdrawCaseFunctionArn', 'withdraw-case', 'withdraw-case', {
    table: RWD,
    marketplace: true,
    sendEmail: true,
  }),
  // The follow-ups' own tasks (statemachines/redress.asl.json).
  workflow('ApplyAppealDecisionFunctionArn', 'apply-appeal-decision', 'apply-appeal-decision', {
    table: RWD,
    marketplace: true,
    sendEmail: true,
  }),
  workflow('ReopenCaseFunctionArn', 'reopen-case', 'reopen-case', {
    table: RWD,
    startExecution: ['takedown'],
  }),
  workflow('FinishFollowUpFunctionArn', 'finish-follow-up', 'finish-follow-up', { table: RWD }),
];

/** The tasks only a follow-up runs: the case's own machine does not invoke them. */
const FOLLOW_UP_ONLY = [
  'ApplyAppealDecisionFunctionArn',
  'ReopenCaseFunctionArn',
  'FinishFollowUpFunctionArn',
];

export const stateMachines: readonly StateMachineDefinition[] = [
  {
    name: 'takedown',
    definitionFile: 'statemachines/takedown.asl.json',
    tasks: workflowTasks
      .map((task) => task.substitutionKey)
      .filter((key) => !FOLLOW_UP_ONLY.includes(key)),
  },
  {
    // A case's follow-ups: appeals, late counter-notices, withdrawals after closure.
    name: 'redress',
    definitionFile: 'statemachines/redress.asl.json',
    tasks: [
      'OpenPendingTaskFunctionArn',
      'RaiseOverdueFunctionArn',
      'CounterNoticeReceivedFunctionArn',
      'RestoreListingFunctionArn',
      'CloseCaseFunctionArn',
      'WithdrawCaseFunctionArn',
      ...FOLLOW_UP_ONLY,
    ],
  },
];

export const bucketNotifications: readonly BucketNotification[] = [
  {
    // Seals each uploaded evidence object: hashes it server-side, re-checks size and type.
    bucket: 'evidence',
    functionName: 'seal-evidence',
    handler: 'functions/events/seal-evidence.ts',
    // 25 MiB streamed through SHA-256 takes seconds; the margin covers a slow read.
    timeoutSeconds: 120,
    grants: { table: 'RW', evidence: ['read', 'readTags'] },
  },
];

export const mailEventHandlers: readonly MailEventHandler[] = [
  {
    // Records an undeliverable email (or a complaint) on the timeline of its case.
    functionName: 'record-mail-event',
    handler: 'functions/events/record-mail-event.ts',
    events: ['bounce', 'complaint'],
    grants: { table: 'RW' },
  },
];

export const scheduledJobs: readonly ScheduledJob[] = [
  {
    name: 'reconciler',
    functionName: 'reconcile-case-starts',
    handler: 'functions/jobs/reconcile-case-starts.ts',
    everyMinutes: 5,
    grants: { table: 'RW', startExecution: ['takedown', 'redress'] },
  },
  {
    name: 'event-relay',
    functionName: 'relay-domain-events',
    handler: 'functions/jobs/relay-domain-events.ts',
    everyMinutes: 5,
    // It also adds the events' tallies to the transparency counters (writes).
    grants: { table: RWD, publishEvents: true },
  },
  {
    name: 'strike-sweeper',
    functionName: 'sweep-strikes',
    handler: 'functions/jobs/sweep-strikes.ts',
    everyMinutes: 60,
    grants: { table: RWD, marketplace: true },
  },
  {
    // DSA Art 24(5): new EU statements of reasons to the Commission's Transparency Database.
    name: 'transparency-submission',
    functionName: 'submit-statements',
    handler: 'functions/jobs/submit-statements.ts',
    everyMinutes: 5,
    timeoutSeconds: 300,
    grants: { table: 'RW', transparencyDatabase: true },
  },
  {
    // Pseudonymises a party's contact data, and deletes its evidence, once no case needs them.
    name: 'retention',
    functionName: 'apply-retention',
    handler: 'functions/jobs/apply-retention.ts',
    everyMinutes: 24 * 60,
    timeoutSeconds: 300,
    grants: { table: RWD, evidence: ['delete'] },
  },
];
