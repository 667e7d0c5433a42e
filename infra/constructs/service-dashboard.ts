import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { BUSINESS_METRICS } from '../../functions/business-metrics.ts';

export interface ServiceDashboardProps {
  api: RestApi;
  /** The workflow's state machines, by name. */
  stateMachines: ReadonlyMap<string, StateMachine>;
  /** @default 'Takedown' */
  dashboardName?: string;
}

const NAMESPACE = 'Takedown';
const period = Duration.minutes(5);
const day = Duration.days(1);

/** A business metric summed over every value of its dimensions (a metric-insights search). */
function searchSum(metricName: string, dimensions: readonly string[], label: string): IMetric {
  const keys = ['service', ...dimensions].join(',');
  return new MathExpression({
    expression: `SEARCH('{${NAMESPACE},${keys}} MetricName="${metricName}"', 'Sum', 300)`,
    label,
    usingMetrics: {},
    period,
  });
}

/**
 * The operators' CloudWatch dashboard: the API (traffic, errors, latency), the workflow (executions
 * started, failed, timed out) and the business (functions/adapters/metrics.ts): notices filed,
 * cases closed by outcome and jurisdiction, time from notice to takedown, review SLA breaches,
 * cases parked, marketplace errors and screening verdicts.
 */
export class ServiceDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    super(scope, id);
    const { api } = props;
    const machines = [...props.stateMachines.values()];
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName ?? 'Takedown',
      defaultInterval: Duration.days(7),
    });
    const business = (name: string, dimensions: readonly string[], label: string) =>
      searchSum(name, dimensions, label);
    const timeToTakedown = (statistic: string) =>
      new Metric({
        namespace: NAMESPACE,
        metricName: BUSINESS_METRICS.timeToTakedown,
        dimensionsMap: { service: 'takedown', Jurisdiction: 'US' },
        statistic,
        period: day,
      });

    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Takedown\nAPI, workflow and business metrics. Alarms link their runbook: `docs/runbooks.md`.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and errors',
        left: [api.metricCount({ period })],
        right: [api.metricClientError({ period }), api.metricServerError({ period })],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency (p50, p99)',
        left: [
          api.metricLatency({ period, statistic: 'p50' }),
          api.metricLatency({ period, statistic: 'p99' }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Workflow executions',
        left: machines.flatMap((machine) => [
          machine.metricStarted({ period }),
          machine.metricSucceeded({ period }),
        ]),
        right: machines.flatMap((machine) => [
          machine.metricFailed({ period }),
          machine.metricTimedOut({ period }),
        ]),
        width: 12,
      }),
      new GraphWidget({
        title: 'Notices filed, cases closed by outcome and jurisdiction',
        left: [business(BUSINESS_METRICS.noticesFiled, ['Jurisdiction'], 'notices filed')],
        right: [business(BUSINESS_METRICS.casesClosed, ['Outcome', 'Jurisdiction'], 'closed')],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Time from notice to takedown (US; seconds, p50 and p90 a day)',
        left: [timeToTakedown('p50'), timeToTakedown('p90')],
        width: 8,
      }),
      new GraphWidget({
        title: 'Review SLA breaches and cases parked in action_failed',
        left: [
          business(BUSINESS_METRICS.reviewSlaBreaches, ['Stage'], 'SLA breaches'),
          business(BUSINESS_METRICS.casesParked, ['Jurisdiction'], 'parked'),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: 'Marketplace errors and screening verdicts',
        left: [business(BUSINESS_METRICS.marketplaceErrors, ['Operation', 'Kind'], 'errors')],
        right: [business(BUSINESS_METRICS.screeningVerdicts, ['Verdict'], 'verdicts')],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new SingleValueWidget({
        title: 'Executions failed (7 days)',
        metrics: machines.map((machine) => machine.metricFailed({ period: Duration.days(7) })),
        width: 24,
      }),
    );
  }
}
