import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.ts';

/** The sections of docs/runbooks.md, one per kind of alarm (a test checks each heading exists). */
export const RUNBOOK_SECTIONS = {
  executionsFailed: 'executions-failed',
  executionsTimedOut: 'executions-timed-out',
  functionErrors: 'function-errors',
  functionThrottles: 'function-throttles',
  deadLetters: 'dead-letters',
  api5xx: 'api-5xx',
  actionFailed: 'cases-parked-in-action_failed',
  caseOverdue: 'reviews-past-their-sla',
  statementsDeadLettered: 'statements-of-reasons-dead-lettered',
} as const;
export type RunbookSection = (typeof RUNBOOK_SECTIONS)[keyof typeof RUNBOOK_SECTIONS];

export interface ServiceAlarmsProps {
  /** The one topic every alarm of the service publishes to (the workflow stack owns it). */
  topic: ITopic;
  /** Where docs/runbooks.md is read: each alarm's description links its section. */
  runbooksUrl: string;
  /** @default none */
  functions?: ReadonlyMap<string, AppFunction>;
  /** @default none */
  stateMachines?: ReadonlyMap<string, StateMachine>;
  /** @default none */
  api?: RestApi;
}

/**
 * The alarms an operator acts on, for the resources of one stack, all published to the service's
 * one topic: failed and timed-out executions, function errors and throttles, failed asynchronous
 * events (dead-letter queue depth) and API 5xx.
 */
export class ServiceAlarms extends Construct {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const action = new SnsAction(props.topic);
    const alarm = (
      alarmId: string,
      metric: IMetric,
      description: string,
      section: RunbookSection,
    ) => {
      const created = new Alarm(this, alarmId, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `${description}. Runbook: ${props.runbooksUrl}#${section}`,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
    };
    const period = Duration.minutes(5);

    for (const [name, machine] of props.stateMachines ?? []) {
      alarm(
        `${name}ExecutionsFailed`,
        machine.metricFailed({ period }),
        `${name}: executions failed`,
        RUNBOOK_SECTIONS.executionsFailed,
      );
      alarm(
        `${name}ExecutionsTimedOut`,
        machine.metricTimedOut({ period }),
        `${name}: executions timed out`,
        RUNBOOK_SECTIONS.executionsTimedOut,
      );
    }
    for (const [fnId, fn] of props.functions ?? []) {
      alarm(
        `${fnId}Errors`,
        fn.metricErrors({ period }),
        `${fnId}: invocations failed`,
        RUNBOOK_SECTIONS.functionErrors,
      );
      alarm(
        `${fnId}Throttles`,
        fn.metricThrottles({ period }),
        `${fnId}: invocations throttled`,
        RUNBOOK_SECTIONS.functionThrottles,
      );
      if (fn.deadLetterQueue) {
        alarm(
          `${fnId}DeadLetters`,
          fn.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period }),
          `${fnId}: asynchronous events failed after retries and wait in its dead-letter queue`,
          RUNBOOK_SECTIONS.deadLetters,
        );
      }
    }
    if (props.api)
      alarm(
        'Api5xx',
        props.api.metricServerError({ period }),
        'API: 5xx answers',
        RUNBOOK_SECTIONS.api5xx,
      );

    // The workflow logs an ERROR line with an `alarm` field when a case needs people: parked in
    // action_failed, or past its escalated-review (or re-review) SLA, or a domain event lost.
    // A metric filter per such function counts them.
    const logAlarms: [string, string, string, RunbookSection][] = [
      [
        'TaskOpenPendingTask',
        'ActionFailed',
        'Cases: cases parked in action_failed for an operator',
        RUNBOOK_SECTIONS.actionFailed,
      ],
      [
        'TaskRaiseOverdue',
        'CaseOverdue',
        'Cases: reviews past their escalated or re-review SLA (they stay queued)',
        RUNBOOK_SECTIONS.caseOverdue,
      ],
      [
        'JobTransparencySubmission',
        'TransparencyStatementsDeadLettered',
        'Transparency: statements of reasons the Transparency Database refused, or that failed every retry',
        RUNBOOK_SECTIONS.statementsDeadLettered,
      ],
    ];
    for (const [fnId, name, description, section] of logAlarms) {
      const fn = props.functions?.get(fnId);
      if (!fn) continue;
      const filter = new MetricFilter(this, `${name}Filter`, {
        logGroup: fn.logGroup,
        filterPattern: FilterPattern.stringValue('$.alarm', '=', name),
        metricNamespace: 'Takedown',
        metricName: name,
        metricValue: '1',
        defaultValue: 0,
      });
      alarm(`${name}Cases`, filter.metric({ statistic: 'Sum', period }), description, section);
    }
  }
}
