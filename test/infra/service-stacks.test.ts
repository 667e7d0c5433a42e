import { readFileSync } from 'node:fs';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../infra/config.ts';
import { FUNCTION_RUNTIME } from '../../infra/constructs/app-function.ts';
import { PROBLEM_RESPONSES } from '../../infra/constructs/problem-responses.ts';
import { substitutionKeys } from '../../infra/constructs/workflow-state-machine.ts';
import { addTakedownService, type TakedownService } from '../../infra/service.ts';
import { sharedTables } from '../../infra/tables.ts';
import { fixtureTables } from './fixture-tables.ts';
import { synthService, testConfig, WEB_ASSETS_FIXTURE } from './synth.ts';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON.
type Json = any;
type Resource = { Properties: Record<string, Json>; DependsOn?: string[] };

let service: TakedownService;
const templates = new Map<Stack, Template>();
const templateOf = (stack: Stack) => {
  if (!templates.has(stack)) templates.set(stack, Template.fromStack(stack));
  return templates.get(stack)!;
};

beforeAll(() => {
  service = synthService(fixtureTables);
});

/** Resources of a type, in one stack or across every stack of the service. */
const resources = (type: string, stack?: Stack) =>
  (stack ? [stack] : service.stacks).flatMap((s) =>
    Object.entries(templateOf(s).findResources(type) as Record<string, Resource>),
  );

const fnOf = (fnId: string) => {
  const fn = service.functions.get(fnId);
  if (!fn) throw new Error(`no function ${fnId}`);
  return fn;
};
const stackOf = (fnId: string) => Stack.of(fnOf(fnId));

/** The logical id of an AppFunction by its construct id, e.g. 'RouteGetV1Health'. */
const logicalIdOf = (fnId: string) =>
  stackOf(fnId).getLogicalId(fnOf(fnId).node.defaultChild as never);

/** The synthesized AWS::Lambda::Function of an AppFunction. */
const functionResource = (fnId: string) =>
  templateOf(stackOf(fnId)).toJSON().Resources[logicalIdOf(fnId)];

/** Every action an AppFunction's role may take, from all of its policies. */
function actionsOf(fnId: string): string[] {
  const stack = stackOf(fnId);
  const roleId = stack.getLogicalId(fnOf(fnId).executionRole.node.defaultChild as never);
  return resources('AWS::IAM::Policy', stack)
    .filter(([, policy]) => policy.Properties.Roles.some((role: Json) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement)
    .flatMap((statement: Json) => [statement.Action].flat());
}

describe('Stacks of the service (fixture tables)', () => {
  describe('functions', () => {
    it('deploys one function per route, workflow task, bucket notification, scheduled job and mail event handler', () => {
      const expected =
        fixtureTables.routes.length +
        fixtureTables.workflowTasks.length +
        fixtureTables.bucketNotifications.length +
        fixtureTables.scheduledJobs.length +
        fixtureTables.mailEventHandlers.length;
      const appFunctions = resources('AWS::Lambda::Function').filter(
        ([, fn]) => fn.Properties.Runtime === FUNCTION_RUNTIME.name,
      );
      expect(appFunctions).toHaveLength(expected);
    });

    it('runs every function on the newest Node.js runtime, ARM64, traced, with its own log group', () => {
      for (const fnId of service.functions.keys()) {
        const fn = functionResource(fnId);
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          MemorySize: 512,
          LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
        });
        expect(fn.Properties.Timeout).toBeGreaterThan(0);
      }
    });

    it('gives every log group a retention', () => {
      for (const [, group] of resources('AWS::Logs::LogGroup')) {
        expect(group.Properties.RetentionInDays).toBe(testConfig.logRetentionDays);
      }
    });

    it('sets the checksum and source-map environment the SDK and stack traces need', () => {
      templateOf(stackOf('RouteGetV1Health')).hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({
            NODE_OPTIONS: '--enable-source-maps',
            AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
            AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
          }),
        },
      });
    });

    it('attaches no AWS managed policy to Json function role', () => {
      for (const fn of service.functions.values()) {
        const stack = Stack.of(fn);
        const role =
          templateOf(stack).toJSON().Resources[
            stack.getLogicalId(fn.executionRole.node.defaultChild as never)
          ];
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });
  });

  describe('grants', () => {
    it('gives a route with table RO no write action on the table', () => {
      const actions = actionsOf('RouteGetV1CasesCaseId');
      expect(actions).toContain('dynamodb:Query');
      expect(actions.filter((a) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
    });

    it('gives states:SendTask* only to functions whose grants say sendTaskResult', () => {
      const senders = [...service.functions.keys()].filter((fnId) =>
        actionsOf(fnId).some((action) => action.startsWith('states:SendTask')),
      );
      expect(senders).toEqual(['RoutePostV1CasesCaseIdDecision']);
    });

    it('points <NAME>_STATE_MACHINE_ARN at the alias and allows starting executions there only', () => {
      // The alias lives in the workflow stack: the route's stack imports CDK's export of it.
      const { workflow } = service;
      const aliasId = workflow.getLogicalId(workflow.stateMachines.get('callback')!.alias);
      const imported = {
        'Fn::ImportValue': Match.stringLikeRegexp(`^TakedownWorkflow:.*${aliasId}Arn`),
      };
      const fn = functionResource('RoutePostV1Notices');
      expect(fn.Properties.Environment.Variables.CALLBACK_STATE_MACHINE_ARN).toEqual({
        'Fn::ImportValue': expect.stringMatching(new RegExp(`^TakedownWorkflow:.*${aliasId}Arn`)),
      });
      templateOf(stackOf('RoutePostV1Notices')).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            { Action: 'states:StartExecution', Effect: 'Allow', Resource: imported },
          ]),
        },
      });
    });

    it('sets MAIL_FROM, PORTAL_URL, SES_CONFIGURATION_SET and MARKETPLACE_API_URL from config on the functions that need them', () => {
      const fn = functionResource('TaskRecordToken');
      expect(fn.Properties.Environment.Variables).toMatchObject({
        MAIL_FROM: testConfig.mailFrom,
        PORTAL_URL: testConfig.portalOrigin,
        SES_CONFIGURATION_SET: { Ref: expect.stringMatching(/^MailConfigurationSet/) },
        MARKETPLACE_API_URL: testConfig.marketplaceApiUrl,
      });
      expect(actionsOf('TaskRecordToken')).toContain('ses:SendEmail');
      expect(
        functionResource('RouteGetV1Health').Properties.Environment.Variables,
      ).not.toHaveProperty('PORTAL_URL');
    });

    it('sends bounces and complaints of the configuration set to the mail event handler, through the default bus', () => {
      const jobs = templateOf(stackOf('MailRecordMailEvent'));
      jobs.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: Match.objectLike({
          Enabled: true,
          MatchingEventTypes: ['bounce', 'complaint'],
          EventBridgeDestination: {
            EventBusArn: Match.objectLike({
              'Fn::Join': Match.arrayWith([Match.arrayWith([':event-bus/default'])]),
            }),
          },
        }),
      });
      jobs.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: {
          source: ['aws.ses'],
          'detail-type': ['Email Bounced', 'Email Complaint Received'],
          detail: { mail: { tags: { 'ses:configuration-set': [Match.anyValue()] } } },
        },
        Targets: [Match.objectLike({ DeadLetterConfig: Match.anyValue() })],
      });
    });

    it('gives EVENT_BUS_NAME and events:PutEvents only to functions that publish events', () => {
      const publishers = [...service.functions.keys()].filter((fnId) =>
        actionsOf(fnId).includes('events:PutEvents'),
      );
      expect(publishers).toEqual(['RoutePostV1CasesCaseIdDecision']);
      const fn = functionResource('RoutePostV1CasesCaseIdDecision');
      expect(fn.Properties.Environment.Variables.EVENT_BUS_NAME).toBeDefined();
    });

    it('grants no function or role states:GetExecutionHistory or DescribeExecution (histories hold task tokens)', () => {
      const readers = resources('AWS::IAM::Policy').filter(([, policy]) =>
        policy.Properties.PolicyDocument.Statement.some((statement: Json) =>
          [statement.Action]
            .flat()
            .some((action: string) =>
              /^states:(GetExecutionHistory|DescribeExecution|\*|Get\*|Describe\*)$/.test(action),
            ),
        ),
      );
      expect(readers.map(([id]) => id)).toEqual([]);
    });

    it('allows no wildcard resource except X-Ray, SendTask*, log delivery and evidence objects', () => {
      const allowed = (statement: Json) =>
        [statement.Action]
          .flat()
          .every((action: string) =>
            /^(xray:|states:SendTask|logs:.*(Delivery|Deliveries|ResourcePolic|DescribeLogGroups))/.test(
              action,
            ),
          );
      for (const [, policy] of resources('AWS::IAM::Policy')) {
        for (const statement of policy.Properties.PolicyDocument.Statement) {
          const wildcard = [statement.Resource].flat().some((r: unknown) => r === '*');
          if (wildcard) expect(allowed(statement), JSON.stringify(statement)).toBe(true);
        }
      }
    });
  });

  describe('REST API', () => {
    let template: Template;
    beforeAll(() => {
      template = templateOf(service.api);
    });
    const methods = () =>
      resources('AWS::ApiGateway::Method').filter(([, m]) => m.Properties.HttpMethod !== 'OPTIONS');

    it('has one method per route', () => {
      expect(
        methods()
          .map(([, m]) => m.Properties.HttpMethod)
          .sort(),
      ).toEqual(fixtureTables.routes.map((r) => r.method).sort());
    });

    it('puts the Cognito authorizer on every jwt and machine route and none on the public health route', () => {
      const byAuth = methods()
        .map(([, m]) => m.Properties.AuthorizationType)
        .sort();
      const expected = fixtureTables.routes
        .map((r) => (r.auth !== 'none' ? 'COGNITO_USER_POOLS' : 'NONE'))
        .sort();
      expect(byAuth).toEqual(expected);
      template.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
      template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
        Type: 'COGNITO_USER_POOLS',
        IdentitySource: 'method.request.header.Authorization',
      });
    });

    it('asks the scope of a machine route only there, so every other method takes ID tokens', () => {
      const scoped = methods().filter(([, m]) => m.Properties.AuthorizationScopes !== undefined);
      expect(scoped.map(([, m]) => m.Properties.AuthorizationScopes)).toEqual([
        ['takedown/screening'],
      ]);
      expect(scoped.length).toBe(fixtureTables.routes.filter((r) => r.auth === 'machine').length);
    });

    it('validates requests and requires the path parameters of each route', () => {
      template.hasResourceProperties('AWS::ApiGateway::Method', {
        HttpMethod: 'GET',
        RequestParameters: { 'method.request.path.caseId': true },
        RequestValidatorId: Match.anyValue(),
      });
      for (const [, method] of methods())
        expect(method.Properties.RequestValidatorId).toBeDefined();
    });

    it('builds the resource tree from the route paths under /v1', () => {
      const parts = resources('AWS::ApiGateway::Resource').map(([, r]) => r.Properties.PathPart);
      expect(parts.sort()).toEqual(
        [
          'v1',
          'health',
          'cases',
          '{caseId}',
          'decision',
          'notices',
          'screening',
          'listings',
        ].sort(),
      );
    });

    it('answers API Gateway errors as problem+json with type, title, status and detail', () => {
      const responses = resources('AWS::ApiGateway::GatewayResponse').map(([, r]) => r.Properties);
      expect(responses).toHaveLength(PROBLEM_RESPONSES.length);
      for (const response of responses) {
        expect(response.ResponseParameters['gatewayresponse.header.Content-Type']).toBe(
          "'application/problem+json'",
        );
        const body = JSON.parse(
          response.ResponseTemplates['application/json'].replace(
            '$context.error.messageString',
            '"m"',
          ),
        );
        expect(Object.keys(body)).toEqual(['type', 'title', 'status', 'detail']);
        expect(String(body.status)).toBe(response.StatusCode);
      }
    });

    it('maps an unknown path (MISSING_AUTHENTICATION_TOKEN) to 404', () => {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
        StatusCode: '404',
      });
    });

    it('logs access as JSON, throttles the stage and traces it', () => {
      template.hasResourceProperties('AWS::ApiGateway::Stage', {
        AccessLogSetting: { Format: Match.stringLikeRegexp('^\\{.*\\}$') },
        TracingEnabled: true,
        MethodSettings: Match.arrayWith([
          Match.objectLike({
            ThrottlingRateLimit: testConfig.apiRateLimit,
            ThrottlingBurstLimit: testConfig.apiBurstLimit,
          }),
        ]),
      });
    });

    it('associates a WAF web ACL with a rate rule and the AWS common rule set', () => {
      template.hasResourceProperties('AWS::WAFv2::WebACL', {
        Scope: 'REGIONAL',
        Rules: Match.arrayWith([
          Match.objectLike({
            Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP' }) },
          }),
          Match.objectLike({
            Statement: {
              ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesCommonRuleSet' }),
            },
          }),
        ]),
      });
      template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    });

    it('adds AWS’s IP-reputation and known-bad-inputs rule groups, and blocks long bodies outside notices and counter-notices', () => {
      const [acl] = Object.values(template.findResources('AWS::WAFv2::WebACL')) as {
        Properties: { Rules: Json[] };
      }[];
      const rules = acl!.Properties.Rules;
      const groups = rules.map((r) => r.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean);
      expect(groups).toEqual([
        'AWSManagedRulesAmazonIpReputationList',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'AWSManagedRulesCommonRuleSet',
      ]);
      const sizeRule = rules.find((r) => r.Name === 'body-size-outside-long-bodies');
      expect(sizeRule.Action).toEqual({ Block: {} });
      const [label, exempt] = sizeRule.Statement.AndStatement.Statements;
      expect(label.LabelMatchStatement.Key).toBe(
        'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body',
      );
      expect(
        exempt.NotStatement.Statement.OrStatement.Statements.map(
          (s: Json) => s.ByteMatchStatement.SearchString,
        ),
      ).toEqual(['/v1/notices', '/counter-notice']);
      // Every other rule of the common set blocks; only the body size is counted, then judged above.
      const common = rules.find((r) => r.Name === 'aws-common');
      expect(common.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([
        { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
      ]);
      expect(sizeRule.Priority).toBeGreaterThan(common.Priority);
    });

    it('answers CORS preflights for the portal origin only', () => {
      template.hasResourceProperties('AWS::ApiGateway::Method', {
        HttpMethod: 'OPTIONS',
        Integration: Match.objectLike({
          IntegrationResponses: Match.arrayWith([
            Match.objectLike({
              ResponseParameters: Match.objectLike({
                'method.response.header.Access-Control-Allow-Origin': `'${testConfig.portalOrigin}'`,
              }),
            }),
          ]),
        }),
      });
    });
  });

  describe('state machines', () => {
    let template: Template;
    beforeAll(() => {
      template = templateOf(service.workflow);
    });
    const machine = () => resources('AWS::StepFunctions::StateMachine')[0]![1].Properties;

    it('is a Standard machine whose substitutions are exactly the ASL file’s keys', () => {
      const definition = fixtureTables.stateMachines[0]!;
      const keys = substitutionKeys(readFileSync(definition.definitionFile, 'utf8'));
      expect(machine().StateMachineType).toBe('STANDARD');
      expect(Object.keys(machine().DefinitionSubstitutions).sort()).toEqual(keys.sort());
      expect(machine().DefinitionSubstitutions.RecordTokenFunctionArn).toEqual({
        'Fn::GetAtt': [logicalIdOf('TaskRecordToken'), 'Arn'],
      });
    });

    it('logs ALL without execution data, which would carry task tokens, and traces', () => {
      expect(machine().LoggingConfiguration).toMatchObject({
        Level: 'ALL',
        IncludeExecutionData: false,
      });
      expect(machine().TracingConfiguration).toEqual({ Enabled: true });
    });

    it('publishes a retained version behind an alias', () => {
      template.hasResource('AWS::StepFunctions::StateMachineVersion', { DeletionPolicy: 'Retain' });
      template.hasResourceProperties('AWS::StepFunctions::StateMachineAlias', {
        RoutingConfiguration: [{ StateMachineVersionArn: Match.anyValue(), Weight: 100 }],
      });
    });

    it('lets the state machine invoke exactly its task functions', () => {
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Action: 'lambda:InvokeFunction',
              Effect: 'Allow',
              Resource: { 'Fn::GetAtt': [logicalIdOf('TaskRecordToken'), 'Arn'] },
            },
          ]),
        },
      });
    });
  });

  describe('events, schedules and alarms', () => {
    let template: Template;
    beforeAll(() => {
      template = templateOf(service.jobs);
    });
    it('runs the sealing function on every object created in the evidence bucket', () => {
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        NotificationConfiguration: {
          LambdaFunctionConfigurations: [
            {
              Events: ['s3:ObjectCreated:*'],
              LambdaFunctionArn: { 'Fn::GetAtt': [logicalIdOf('NotificationSealEvidence'), 'Arn'] },
            },
          ],
        },
      });
    });

    it('counts cases parked in action_failed and reviews past their SLA from the workflow logs, with alarms', () => {
      const shared = Template.fromStack(synthService().workflow);
      for (const name of ['ActionFailed', 'CaseOverdue']) {
        shared.hasResourceProperties('AWS::Logs::MetricFilter', {
          FilterPattern: `{ $.alarm = "${name}" }`,
          MetricTransformations: [
            Match.objectLike({ MetricName: name, MetricNamespace: 'Takedown' }),
          ],
        });
        shared.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: name,
          Namespace: 'Takedown',
        });
      }
    });

    it('makes sealing require a GuardDuty verdict when malware protection is on', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('^On each object created'),
        Environment: { Variables: Match.objectLike({ REQUIRE_MALWARE_SCAN: 'true' }) },
      });
    });

    it('schedules each job every everyMinutes, with a dead-letter queue', () => {
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: 'rate(5 minutes)',
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [logicalIdOf('JobReconciler'), 'Arn'] },
            DeadLetterConfig: Match.anyValue(),
          }),
        ],
      });
    });

    it('gives asynchronously invoked functions a dead-letter queue, and others none', () => {
      const withDlq = [...service.functions.entries()]
        .filter(([, fn]) => fn.deadLetterQueue)
        .map(([fnId]) => fnId);
      expect(withDlq.sort()).toEqual([
        'JobReconciler',
        'MailRecordMailEvent',
        'NotificationSealEvidence',
      ]);
    });

    it('alarms on failed and timed-out executions, function errors, dead letters and API 5xx', () => {
      const metrics = resources('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties.MetricName);
      expect(metrics.filter((m) => m === 'ExecutionsFailed')).toHaveLength(1);
      expect(metrics.filter((m) => m === 'ExecutionsTimedOut')).toHaveLength(1);
      expect(metrics.filter((m) => m === 'Errors')).toHaveLength(service.functions.size);
      expect(metrics.filter((m) => m === 'ApproximateNumberOfMessagesVisible')).toHaveLength(3);
      expect(metrics).toContain('5XXError');
    });
  });
});

describe('Stacks of the service (table checks)', () => {
  it('refuses an ASL placeholder that no workflow task supplies, naming it', () => {
    const tables = {
      ...fixtureTables,
      workflowTasks: [{ ...fixtureTables.workflowTasks[0]!, substitutionKey: 'OtherFunctionArn' }],
      stateMachines: [{ ...fixtureTables.stateMachines[0]!, tasks: ['OtherFunctionArn'] }],
    };
    expect(() => synthService(tables)).toThrow(/\$\{RecordTokenFunctionArn\}/);
  });

  it('builds an API whose routes are all public, with no authorizer', () => {
    const tables = { ...fixtureTables, routes: [fixtureTables.routes[0]!] };
    const template = Template.fromStack(synthService(tables).api);
    template.resourceCountIs('AWS::ApiGateway::Authorizer', 0);
  });

  it('refuses a grant to start a state machine the task table does not define', () => {
    const tables = {
      ...fixtureTables,
      scheduledJobs: [{ ...fixtureTables.scheduledJobs[0]!, grants: { startExecution: ['nope'] } }],
    };
    expect(() => synthService(tables)).toThrow(/state machine "nope"/);
  });
});

describe('Stacks of the service with the demo marketplace (context demoMarketplace=true)', () => {
  it('deploys the demo marketplace and lets the marketplace-granted functions invoke it, and only them', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const { stacks, workflow } = addTakedownService(app, {
      config: configSchema.parse({ demoMarketplace: 'true' }),
      nag: false,
      webAssetsDir: WEB_ASSETS_FIXTURE,
    });
    const template = Template.fromStack(workflow);
    const demo = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('DemoMarketplace'),
    );
    expect(demo).toBeDefined();
    const screen = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('TaskScreenCase'),
    )!;
    const url = JSON.stringify(
      (screen[1] as { Properties: { Environment: { Variables: Record<string, unknown> } } })
        .Properties.Environment.Variables.MARKETPLACE_API_URL,
    );
    expect(url).toContain('lambda:');
    expect(url).toContain(demo![0]);
    // Functions of other stacks name it through CDK's export, whose name holds its logical id.
    const policies = stacks.flatMap((stack) =>
      Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')),
    );
    const invokers = policies.filter(
      (p) =>
        JSON.stringify(p).includes('lambda:InvokeFunction') && JSON.stringify(p).includes(demo![0]),
    );
    const marketplaceFunctions = [
      ...sharedTables.workflowTasks,
      ...sharedTables.scheduledJobs,
      ...sharedTables.routes,
    ].filter((t) => t.grants?.marketplace).length;
    expect(invokers.length).toBe(marketplaceFunctions);
  });
});
