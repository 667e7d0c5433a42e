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
  /**
   * For a machine with a distributed Map: the objects its item reader may read (the machine's
   * role gets s3:GetObject under the prefix, and may run its own child executions).
   */
  itemReader?: { bucket: 'evidence'; prefix: string };
}

/** Where catalogue exports are put for a scan: a prefix of the evidence bucket. */
export const CATALOGUE_EXPORT_PREFIX = 'catalogue-exports/';
/** Where a bulk notice's fan-out writes the manifest's valid rows for its item reader. */
export const FAN_OUT_PREFIX = 'fan-out/';

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
    marketplace: true,
    sendEmail: true,
    sendTaskResult: true,
  }),
  workflow('RaiseOverdueFunctionArn', 'raise-overdue', 'raise-overdue', {
    table: RWD,
    sendEmail: true,
  }),
  workflow('CloseCaseFunctionArn', 'close-case', 'close-case', {
    table: RWD,
    sendEmail: true,
    marketplace: true,
  }),
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
    marketplace: true,
    sendEmail: true,
  }),
  workflow(
    'CounterNoticeReceivedFunctionArn',
    'counter-notice-received',
    'counter-notice-received',
    { table: RWD, sendEmail: true, marketplace: true },
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
  // A bulk notice's fan-out (statemachines/bulk-notice.asl.json). No status changes: no events.
  {
    substitutionKey: 'PrepareFanOutFunctionArn',
    functionName: 'prepare-fan-out',
    handler: 'functions/workflow/prepare-fan-out.ts',
    // Reads and parses a manifest of up to 10,000 rows.
    timeoutSeconds: 60,
    grants: { table: 'RW', evidence: ['read', 'upload'], sendEmail: true },
  },
  {
    substitutionKey: 'StartBulkCasesFunctionArn',
    functionName: 'start-bulk-cases',
    handler: 'functions/workflow/start-bulk-cases.ts',
    // 100 starts paced at 10 a second, plus the writes.
    timeoutSeconds: 120,
    grants: { table: 'RW', marketplace: true, startExecution: ['takedown'] },
  },
  {
    substitutionKey: 'FinishFanOutFunctionArn',
    functionName: 'finish-fan-out',
    handler: 'functions/workflow/finish-fan-out.ts',
    grants: { table: 'RW', sendEmail: true },
  },
  // A catalogue scan's tasks (statemachines/scan.asl.json): they change no case, so they
  // publish no event.
  {
    substitutionKey: 'ScreenCatalogueBatchFunctionArn',
    functionName: 'screen-catalogue-batch',
    handler: 'functions/workflow/screen-catalogue-batch.ts',
    timeoutSeconds: 120,
    grants: { table: 'RW', marketplace: true },
  },
  {
    substitutionKey: 'FinishCatalogueScanFunctionArn',
    functionName: 'finish-catalogue-scan',
    handler: 'functions/workflow/finish-catalogue-scan.ts',
    grants: { table: 'RW' },
  },
];

/** The tasks only a catalogue scan runs. */
const SCAN_ONLY = ['ScreenCatalogueBatchFunctionArn', 'FinishCatalogueScanFunctionArn'];

/** The tasks only a follow-up runs: the case's own machine does not invoke them. */
const FOLLOW_UP_ONLY = [
  'ApplyAppealDecisionFunctionArn',
  'ReopenCaseFunctionArn',
  'FinishFollowUpFunctionArn',
];

/** The tasks only a bulk notice's fan-out runs. */
const FAN_OUT_ONLY = [
  'PrepareFanOutFunctionArn',
  'StartBulkCasesFunctionArn',
  'FinishFanOutFunctionArn',
];

export const stateMachines: readonly StateMachineDefinition[] = [
  {
    name: 'takedown',
    definitionFile: 'statemachines/takedown.asl.json',
    tasks: workflowTasks
      .map((task) => task.substitutionKey)
      .filter(
        (key) =>
          !FOLLOW_UP_ONLY.includes(key) && !FAN_OUT_ONLY.includes(key) && !SCAN_ONLY.includes(key),
      ),
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
  {
    // A bulk notice's fan-out: a distributed Map over its manifest in the evidence bucket.
    name: 'bulk-notice',
    definitionFile: 'statemachines/bulk-notice.asl.json',
    tasks: FAN_OUT_ONLY,
    itemReader: { bucket: 'evidence', prefix: FAN_OUT_PREFIX },
  },
  {
    // A catalogue scan (issue 18): a distributed Map over an export in the evidence bucket.
    name: 'scan',
    definitionFile: 'statemachines/scan.asl.json',
    tasks: SCAN_ONLY,
    itemReader: { bucket: 'evidence', prefix: CATALOGUE_EXPORT_PREFIX },
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
    grants: { table: 'RW', startExecution: ['takedown', 'redress', 'bulk-notice'] },
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
    // Own-initiative cases (issue 19): the immediate part, without a Standard execution.
    name: 'own-initiative',
    functionName: 'act-on-own-initiative',
    handler: 'functions/jobs/act-on-own-initiative.ts',
    everyMinutes: 1,
    timeoutSeconds: 300,
    grants: { table: RWD, marketplace: true, sendEmail: true, publishEvents: true },
  },
  {
    // Own-initiative cases: their counter-notice windows closed in bulk.
    name: 'parked-windows',
    functionName: 'close-parked-windows',
    handler: 'functions/jobs/close-parked-windows.ts',
    everyMinutes: 60,
    timeoutSeconds: 300,
    grants: { table: RWD, publishEvents: true },
  },
  {
    // One email per party and period for many case messages (bulk outcomes, own-initiative).
    name: 'digests',
    functionName: 'send-digests',
    handler: 'functions/jobs/send-digests.ts',
    everyMinutes: 60,
    timeoutSeconds: 300,
    grants: { table: RWD, sendEmail: true },
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
