/**
 * What a function's deployed code can call, read from its bundle: the handler is bundled the way
 * CDK bundles it (esbuild, ESM, tree-shaken) with the AWS SDK and Powertools left external, so the
 * output holds exactly our code that ships, and every SDK call site in it names its command.
 * Each command maps to the IAM actions AWS checks for it.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** The IAM actions each SDK command (or helper) needs. */
const COMMAND_ACTIONS: Record<string, readonly string[]> = {
  // DynamoDB (document client and low-level client)
  GetCommand: ['dynamodb:GetItem'],
  GetItemCommand: ['dynamodb:GetItem'],
  PutCommand: ['dynamodb:PutItem'],
  PutItemCommand: ['dynamodb:PutItem'],
  UpdateCommand: ['dynamodb:UpdateItem'],
  UpdateItemCommand: ['dynamodb:UpdateItem'],
  DeleteCommand: ['dynamodb:DeleteItem'],
  DeleteItemCommand: ['dynamodb:DeleteItem'],
  QueryCommand: ['dynamodb:Query'],
  ScanCommand: ['dynamodb:Scan'],
  BatchGetCommand: ['dynamodb:BatchGetItem'],
  BatchWriteCommand: ['dynamodb:BatchWriteItem'],
  // A transaction needs the action of each item it holds (TRANSACT_ITEM_ACTIONS).
  TransactWriteCommand: [],
  TransactGetCommand: ['dynamodb:GetItem'],
  // S3
  GetObjectCommand: ['s3:GetObject'],
  GetObjectTaggingCommand: ['s3:GetObjectTagging'],
  HeadObjectCommand: ['s3:GetObject'],
  PutObjectCommand: ['s3:PutObject'],
  PutObjectTaggingCommand: ['s3:PutObjectTagging'],
  DeleteObjectCommand: ['s3:DeleteObject'],
  DeleteObjectsCommand: ['s3:DeleteObject'],
  ListObjectsV2Command: ['s3:ListBucket'],
  // A presigned POST is signed with the function's credentials: S3 checks s3:PutObject.
  createPresignedPost: ['s3:PutObject'],
  // Step Functions
  StartExecutionCommand: ['states:StartExecution'],
  SendTaskSuccessCommand: ['states:SendTaskSuccess'],
  SendTaskFailureCommand: ['states:SendTaskFailure'],
  SendTaskHeartbeatCommand: ['states:SendTaskHeartbeat'],
  // Others
  PutEventsCommand: ['events:PutEvents'],
  SendEmailCommand: ['ses:SendEmail'],
  InvokeCommand: ['lambda:InvokeFunction'],
  AdminUpdateUserAttributesCommand: ['cognito-idp:AdminUpdateUserAttributes'],
  getSecret: ['secretsmanager:GetSecretValue'],
  GetSecretValueCommand: ['secretsmanager:GetSecretValue'],
  PutMetricDataCommand: ['cloudwatch:PutMetricData'],
};

/** The item kinds of TransactWriteItems, each checked as its own action. */
const TRANSACT_ITEM_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

export interface CodeNeeds {
  /** Every IAM action the bundle's call sites need. */
  actions: Set<string>;
  /** Which command names were found (for failure messages). */
  calls: Set<string>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

/** The bundle of one handler, as CDK ships it, with the SDK left out. */
async function ourCode(handlerFile: string, exportName = 'handler'): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { ${exportName} } from ${JSON.stringify(`./${handlerFile}`)};`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    write: false,
    treeShaking: true,
    minify: false,
    external: ['@aws-sdk/*', '@aws-lambda-powertools/*', '@smithy/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The IAM actions the code of one handler can need, found at its call sites. */
export async function codeNeeds(handlerFile: string, exportName?: string): Promise<CodeNeeds> {
  const code = await ourCode(handlerFile, exportName);
  const actions = new Set<string>();
  const calls = new Set<string>();
  for (const [command, needed] of Object.entries(COMMAND_ACTIONS)) {
    const callSite = command.endsWith('Command')
      ? new RegExp(`new (?:[\\w$]+\\.)?${command}\\d*\\(`)
      : new RegExp(`\\b${command}\\d*\\(`);
    if (!callSite.test(code)) continue;
    calls.add(command);
    for (const action of needed) actions.add(action);
  }
  if (calls.has('TransactWriteCommand')) {
    for (const [item, action] of Object.entries(TRANSACT_ITEM_ACTIONS)) {
      if (new RegExp(`\\b${item}:\\s*[{\\w]`).test(code)) actions.add(action);
    }
  }
  return { actions, calls };
}

/**
 * Actions that are one right: a function that needs one of a group may be granted the group.
 * Every other action stands alone, so a policy that grants it must have a call site that needs it.
 */
const RIGHTS: readonly (readonly string[])[] = [
  // Reading items by key: the same data, one page or many.
  ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  // Writing items: a put and an update change the same items.
  ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // An object and a pinned version of it.
  ['s3:GetObject', 's3:GetObjectVersion'],
  ['s3:GetObjectTagging', 's3:GetObjectVersionTagging'],
  ['s3:DeleteObject', 's3:DeleteObjectVersion'],
];

/** The right an action belongs to: its group, or itself. */
export function rightOf(action: string): string {
  return RIGHTS.find((group) => group.includes(action))?.join('|') ?? action;
}
