import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnPolicy, Policy } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../infra/config.ts';
import type { AppFunction } from '../../infra/constructs/app-function.ts';
import { addTakedownService, type TakedownService } from '../../infra/service.ts';
import { type CodeNeeds, codeNeeds, rightOf } from './support/code-needs.ts';
import { WEB_ASSETS_FIXTURE } from './synth.ts';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON.
type Json = any;

/**
 * Every function of the service as deployed with a demo marketplace and with a marketplace secret,
 * so the marketplace's two ways of being reached are both granted somewhere.
 */
function synthWith(config: Record<string, string>): TakedownService {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return addTakedownService(app, {
    config: configSchema.parse(config),
    nag: false,
    webAssetsDir: WEB_ASSETS_FIXTURE,
  });
}

const templates = new WeakMap<Stack, Json>();
const templateOf = (stack: Stack): Json => {
  if (!templates.has(stack)) templates.set(stack, Template.fromStack(stack).toJSON());
  return templates.get(stack);
};

/**
 * Every action one function's role may take, but the platform's: its logs, X-Ray, and the
 * dead-letter queue Lambda itself sends failed asynchronous events to.
 */
function grantedActions(fn: AppFunction): Set<string> {
  const stack = Stack.of(fn);
  const roleId = stack.getLogicalId(fn.executionRole.node.defaultChild as never);
  const resources = templateOf(stack).Resources as Record<string, Json>;
  const actions = Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((r) => r.Properties.Roles.some((role: Json) => role.Ref === roleId))
    .flatMap((r) => r.Properties.PolicyDocument.Statement)
    .flatMap((statement: Json) => [statement.Action].flat() as string[]);
  const platform = fn.deadLetterQueue ? /^(logs|xray):|^sqs:SendMessage$/ : /^(logs|xray):/;
  return new Set(actions.filter((action) => !platform.test(action)));
}

/** The marketplace's transports, of which a deployment grants the one it uses. */
const DEPLOYMENT_DEPENDENT = new Set(['lambda:InvokeFunction', 'secretsmanager:GetSecretValue']);

describe('Least privilege: every function’s policies against its code', () => {
  const deployments = {
    'the demo marketplace': { demoMarketplace: 'true' },
    // Secrets: the marketplace's credentials, and the Transparency Database's token.
    'a marketplace secret': {
      marketplaceSecretName: 'takedown/marketplace',
      transparencyDatabaseTokenSecretName: 'takedown/transparency-database',
    },
  };
  const functions: { deployment: string; id: string; fn: AppFunction }[] = [];
  const needs = new Map<string, CodeNeeds>();

  beforeAll(async () => {
    for (const [deployment, config] of Object.entries(deployments)) {
      for (const [id, fn] of synthWith(config).functions) functions.push({ deployment, id, fn });
    }
    for (const { fn } of functions) {
      const key = `${fn.handlerFile}#${fn.exportName}`;
      if (!needs.has(key)) needs.set(key, await codeNeeds(fn.handlerFile, fn.exportName));
    }
  }, 120_000);

  const needsOf = (fn: AppFunction) => needs.get(`${fn.handlerFile}#${fn.exportName}`)!;

  it('grants no function an action its code cannot call', () => {
    const excess: string[] = [];
    for (const { deployment, id, fn } of functions) {
      const neededRights = new Set([...needsOf(fn).actions].map(rightOf));
      for (const action of grantedActions(fn)) {
        if (!neededRights.has(rightOf(action))) excess.push(`${id} (${deployment}): ${action}`);
      }
    }
    expect(excess).toEqual([]);
  });

  it('grants every function each action its code can call', () => {
    const missing: string[] = [];
    for (const { deployment, id, fn } of functions) {
      const granted = grantedActions(fn);
      for (const action of needsOf(fn).actions) {
        if (!granted.has(action) && !DEPLOYMENT_DEPENDENT.has(action))
          missing.push(`${id} (${deployment}): ${action}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('grants the marketplace’s transport to the functions that call it, as deployed', () => {
    const missing: string[] = [];
    for (const { deployment, id, fn } of functions) {
      const transport =
        deployment === 'the demo marketplace'
          ? 'lambda:InvokeFunction'
          : 'secretsmanager:GetSecretValue';
      if (needsOf(fn).actions.has(transport) && !grantedActions(fn).has(transport))
        missing.push(`${id} (${deployment}): ${transport}`);
    }
    expect(missing).toEqual([]);
  });

  it('finds the calls it judges by: reading, writing, deleting, presigning and callbacks', () => {
    const all = new Set(functions.flatMap(({ fn }) => [...needsOf(fn).calls]));
    for (const call of [
      'GetCommand',
      'QueryCommand',
      'TransactWriteCommand',
      'DeleteCommand',
      'createPresignedPost',
      'SendTaskSuccessCommand',
      'StartExecutionCommand',
      'AdminUpdateUserAttributesCommand',
    ])
      expect(all, call).toContain(call);
  });

  it('keeps tagging, listing, scanning and batch writes out of every policy', () => {
    const forbidden =
      /^(s3:PutObjectTagging|s3:PutObjectVersionTagging|s3:ListBucket|dynamodb:Scan|dynamodb:BatchWriteItem|dynamodb:DescribeTable)$/;
    const found = functions.flatMap(({ id, fn }) =>
      [...grantedActions(fn)].filter((a) => forbidden.test(a)).map((a) => `${id}: ${a}`),
    );
    expect(found).toEqual([]);
  });

  it('lets only the deciding functions send task results, and only SendTaskSuccess', () => {
    const senders = functions.filter(({ fn }) =>
      [...grantedActions(fn)].some((a) => a.startsWith('states:SendTask')),
    );
    expect(senders.length).toBeGreaterThan(0);
    for (const { id, fn } of senders) {
      expect(needsOf(fn).calls, id).toContain('SendTaskSuccessCommand');
      expect(
        [...grantedActions(fn)].filter((a) => a.startsWith('states:')),
        id,
      ).not.toContain('states:SendTaskFailure');
    }
  });
});

describe('cdk-nag acknowledgements of wildcards', () => {
  /** Constructs of AWS's own that come with their role (CDK's singleton deploy-time handlers). */
  const CDK_PROVIDED = /(Custom::CDKBucketDeployment|BucketNotificationsHandler)/;

  it('sit on a policy of their own, never on a role or its default policy', () => {
    const { app } = { app: synthWith({}).stateful.node.root };
    const misplaced: string[] = [];
    let scoped = 0;
    for (const construct of app.node.findAll()) {
      const ids = construct.node.metadata
        .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
        .flatMap((entry) => Object.keys(entry.data as Record<string, string>))
        .filter((id) => /AwsSolutions-IAM5/.test(id));
      if (ids.length === 0 || CDK_PROVIDED.test(construct.node.path)) continue;
      const isPolicy = construct instanceof Policy || construct instanceof CfnPolicy;
      const isDefault = construct.node.id === 'DefaultPolicy';
      const isStateMachineDefault =
        isDefault && /StateMachine\/Role\/DefaultPolicy$/.test(construct.node.path);
      if (!isPolicy || (isDefault && !isStateMachineDefault))
        misplaced.push(`${construct.node.path}: ${ids.join(', ')}`);
      else scoped++;
    }
    expect(misplaced).toEqual([]);
    expect(scoped).toBeGreaterThan(0);
  });

  it('name the exact resource they excuse (no bare AwsSolutions-IAM5)', () => {
    const app = synthWith({}).stateful.node.root;
    const bare = app.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
      .flatMap((entry) => Object.keys(entry.data as Record<string, string>))
      .filter((id) => /AwsSolutions-IAM5$/.test(id));
    expect(bare).toEqual([]);
  });
});
