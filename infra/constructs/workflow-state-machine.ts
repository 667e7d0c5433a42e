import { readFileSync } from 'node:fs';
import { ArnFormat, type CfnResource, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  CfnStateMachineAlias,
  CfnStateMachineVersion,
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledgeWildcard } from './nag.ts';

/** The `${Key}` placeholders an ASL file uses, in order of first use. */
export function substitutionKeys(aslText: string): string[] {
  return [...new Set([...aslText.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]!))];
}

export interface WorkflowStateMachineProps {
  /** Logical name, e.g. 'takedown'. */
  name: string;
  /** Absolute path of the ASL file. */
  definitionFile: string;
  /** Substitution key → the task function it stands for. */
  taskFunctions: ReadonlyMap<string, IFunction>;
  logRetention: RetentionDays;
  /**
   * For a machine with a distributed Map: the objects its item reader reads. The machine is then
   * named (its child executions' ARNs derive from the name), and its role may read under the
   * prefix and run, describe and stop its own child executions.
   * @default none: no S3 access, no child executions
   */
  itemReader?: { bucketArn: string; prefix: string };
}

/**
 * A Standard state machine from an ASL file of statemachines/, with a published version behind an
 * alias: executions start through the alias, so a case in flight keeps the version it started on
 * across deploys (old versions are retained, not deleted, when a new one is published).
 */
export class WorkflowStateMachine extends Construct {
  readonly stateMachine: StateMachine;
  readonly alias: CfnStateMachineAlias;
  /** The ARN functions start executions through. */
  readonly aliasArn: string;

  constructor(scope: Construct, id: string, props: WorkflowStateMachineProps) {
    super(scope, id);
    const keys = substitutionKeys(readFileSync(props.definitionFile, 'utf8'));
    const missing = keys.filter((key) => !props.taskFunctions.has(key));
    if (missing.length > 0) {
      throw new Error(
        `State machine "${props.name}" (${props.definitionFile}) uses ${missing.map((k) => `\${${k}}`).join(', ')}, which no workflow task of the task table supplies`,
      );
    }
    const unused = [...props.taskFunctions.keys()].filter((key) => !keys.includes(key));
    if (unused.length > 0) {
      throw new Error(
        `State machine "${props.name}" lists tasks ${unused.join(', ')}, which ${props.definitionFile} never uses`,
      );
    }

    // Execution data is off: task inputs carry task tokens, which are bearer secrets.
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    const stack = Stack.of(this);
    const stateMachineName = props.itemReader ? `${stack.stackName}-${props.name}` : undefined;
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      ...(stateMachineName ? { stateMachineName } : {}),
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(props.definitionFile),
      definitionSubstitutions: Object.fromEntries(
        keys.map((key) => [key, props.taskFunctions.get(key)!.functionArn]),
      ),
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    // Exact function ARNs: the ASL names unqualified functions, so no `:*` is needed.
    const functionArns = keys.map((key) => props.taskFunctions.get(key)!.functionArn);
    // In a policy of its own: the role's default policy holds only what CDK adds for logging and
    // tracing, the wildcards acknowledged below.
    if (functionArns.length > 0) {
      const invoke = new Policy(this, 'InvokeTasks', {
        roles: [this.stateMachine.role],
        statements: [
          new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: functionArns }),
        ],
      });
      (this.stateMachine.node.defaultChild as CfnResource).addDependency(
        invoke.node.defaultChild as CfnResource,
      );
    }
    if (props.itemReader && stateMachineName) {
      // What a distributed Map's role needs (Step Functions developer guide, "IAM policies for
      // Distributed Map states"): the item reader's objects, and its own child executions.
      const arn = (resource: string, name: string) =>
        stack.formatArn({
          service: 'states',
          resource,
          resourceName: name,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        });
      const objects = `${props.itemReader.bucketArn}/${props.itemReader.prefix}*`;
      const children = arn('execution', `${stateMachineName}/*`);
      const distributed = new Policy(this, 'DistributedMap', {
        roles: [this.stateMachine.role],
        statements: [
          new PolicyStatement({ actions: ['s3:GetObject'], resources: [objects] }),
          new PolicyStatement({
            actions: ['states:StartExecution'],
            resources: [arn('stateMachine', stateMachineName)],
          }),
          new PolicyStatement({
            actions: ['states:DescribeExecution', 'states:StopExecution'],
            resources: [children],
          }),
        ],
      });
      acknowledgeWildcard(distributed, objects, {
        reason:
          'The item reader reads the export an admin names, any key under the export prefix of the bucket (only there).',
      });
      acknowledgeWildcard(distributed, children, {
        reason:
          'A distributed Map describes and stops its own child executions, whose names Step Functions generates under the machine’s name.',
      });
    }
    const defaultPolicy = this.stateMachine.role.node.findChild('DefaultPolicy');
    Validations.of(defaultPolicy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions log delivery (logs:CreateLogDelivery and related) and X-Ray (xray:PutTraceSegments and related) accept no resource narrower than *.',
    });

    const version = new CfnStateMachineVersion(this, 'Version', {
      stateMachineArn: this.stateMachine.stateMachineArn,
      stateMachineRevisionId: this.stateMachine.stateMachineRevisionId,
      description: `Published by the deploy of ${props.definitionFile}`,
    });
    // A new definition publishes a new version; the old one stays for the executions still on it.
    version.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.alias = new CfnStateMachineAlias(this, 'Alias', {
      name: 'live',
      description: 'Where new executions start',
      routingConfiguration: [{ stateMachineVersionArn: version.attrArn, weight: 100 }],
    });
    this.aliasArn = this.alias.attrArn;
  }
}
