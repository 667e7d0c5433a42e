import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Grants } from '../../functions/grants.ts';
import type { AppFunction } from './app-function.ts';

/** The resources a `grants` entry can name. */
export interface GrantTargets {
  table: ITableV2;
  evidenceBucket: IBucket;
  /** State machine logical name → the ARN of the alias executions start through. */
  stateMachineAliases: ReadonlyMap<string, string>;
  eventBus: IEventBus;
  userPool: IUserPool;
  mailFrom: string;
  /** Where escalations and overdue cases are emailed, if anywhere. */
  reviewersEmail?: string;
  /** The portal's origin: emails link to its pages. */
  portalUrl: string;
  /** The SES configuration set every email is sent with. */
  mailConfigurationSetName: string;
  marketplaceApiUrl: string;
  /** The demo marketplace function, when deployed instead of a real marketplace. */
  marketplaceFunction?: AppFunction;
  marketplaceSecret?: ISecret;
  /** The DSA Transparency Database's base URL, and the secret holding its API token. */
  transparencyDatabaseUrl: string;
  transparencyDatabaseSecret?: ISecret;
}

/**
 * Grants one function exactly what its table entry's `grants` names, through the AppFunction
 * `bind*` helpers, and nothing else. `owner` names the entry in error messages.
 */
export function applyGrants(
  fn: AppFunction,
  grants: Grants | undefined,
  targets: GrantTargets,
  owner: string,
): void {
  if (!grants) return;
  if (grants.table) fn.bindTable({ table: targets.table, access: grants.table });
  if (grants.evidence) fn.bindEvidence({ bucket: targets.evidenceBucket, rights: grants.evidence });
  for (const name of grants.startExecution ?? []) {
    const aliasArn = targets.stateMachineAliases.get(name);
    if (!aliasArn) {
      throw new Error(
        `${owner} may start state machine "${name}", which the task table does not define`,
      );
    }
    fn.bindStateMachine({ name, aliasArn });
  }
  if (grants.sendTaskResult) fn.allowSendTaskResult();
  if (grants.sendEmail) {
    fn.bindMailer({
      mailFrom: targets.mailFrom,
      portalUrl: targets.portalUrl,
      configurationSetName: targets.mailConfigurationSetName,
      ...(targets.reviewersEmail ? { reviewersEmail: targets.reviewersEmail } : {}),
    });
  }
  if (grants.marketplace) {
    fn.bindMarketplace({ apiUrl: targets.marketplaceApiUrl, secret: targets.marketplaceSecret });
    // Exactly the demo function's ARN (grantInvoke would add `:*` for every version).
    if (targets.marketplaceFunction) {
      fn.executionRole.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [targets.marketplaceFunction.functionArn],
        }),
      );
    }
  }
  if (grants.transparencyDatabase) {
    fn.bindTransparencyDatabase({
      url: targets.transparencyDatabaseUrl,
      ...(targets.transparencyDatabaseSecret ? { secret: targets.transparencyDatabaseSecret } : {}),
    });
  }
  if (grants.publishEvents) fn.bindEventBus({ bus: targets.eventBus });
  if (grants.setUserAttributes) fn.bindUserPool({ userPool: targets.userPool });
}
