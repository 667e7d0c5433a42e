import { Duration, type Stack, Validations } from 'aws-cdk-lib';
import { EventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  EmailSendingEvent,
  EventDestination,
} from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import {
  FunctionStack,
  type FunctionStackProps,
  type WorkflowResources,
} from './function-stack.ts';
import { pascalCase, type ServiceTables } from './tables.ts';

export interface JobsStackProps extends FunctionStackProps {
  workflow: WorkflowResources;
  bucketNotifications: ServiceTables['bucketNotifications'];
  scheduledJobs: ServiceTables['scheduledJobs'];
  /** @default none */
  mailEventHandlers?: ServiceTables['mailEventHandlers'];
}

/** The EventBridge detail types SES gives each delivery event. */
const SES_DETAIL_TYPES = {
  bounce: 'Email Bounced',
  complaint: 'Email Complaint Received',
} as const;

/**
 * Work that no person starts: one function per scheduled job (reconciler, strike sweeper, event
 * relay, …) on an EventBridge schedule, one per bucket notification (evidence sealing), and one per
 * mail event handler (bounces and complaints, from the SES configuration set's event destination).
 */
export class JobsStack extends FunctionStack {
  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);

    for (const notification of props.bucketNotifications) {
      const fn = this.addFunction(`Notification${pascalCase(notification.functionName)}`, {
        ...notification,
        description: `On each object created in the ${notification.bucket} bucket`,
        timeoutSeconds: notification.timeoutSeconds ?? 60,
        asyncInvocation: true,
        owner: `notification ${notification.functionName}`,
      });
      // Uploads only (`evidence/<id>`): a bulk notice's normalised manifest (`fan-out/`) is the
      // service's own object, not an upload to seal.
      this.evidenceBucket.addEventNotification(
        EventType.OBJECT_CREATED,
        new LambdaDestination(fn),
        {
          prefix: 'evidence/',
        },
      );
      // With GuardDuty scanning the bucket, sealing refuses what is not tagged NO_THREATS_FOUND.
      if (this.config.malwareProtection) fn.addEnvironment('REQUIRE_MALWARE_SCAN', 'true');
    }

    for (const job of props.scheduledJobs) {
      const fn = this.addFunction(`Job${pascalCase(job.name)}`, {
        ...job,
        description: `Scheduled job ${job.name}, every ${job.everyMinutes} min`,
        timeoutSeconds: job.timeoutSeconds ?? 60,
        asyncInvocation: true,
        owner: `scheduled job ${job.name}`,
      });
      new Rule(this, `Schedule${pascalCase(job.name)}`, {
        description: `Runs ${job.name} every ${job.everyMinutes} min`,
        schedule: Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [
          new LambdaFunction(fn, {
            deadLetterQueue: fn.deadLetterQueue,
            retryAttempts: 2,
            maxEventAge: Duration.hours(1),
          }),
        ],
      });
    }

    for (const mailHandler of props.mailEventHandlers ?? []) {
      const name = pascalCase(mailHandler.functionName);
      const fn = this.addFunction(`Mail${name}`, {
        ...mailHandler,
        description: `On each email ${mailHandler.events.join(' or ')} reported by SES`,
        timeoutSeconds: mailHandler.timeoutSeconds ?? 30,
        asyncInvocation: true,
        owner: `mail event handler ${mailHandler.functionName}`,
      });
      // SES publishes the configuration set's delivery events on the default bus; the rule
      // takes those of this service's configuration set only.
      const configurationSetName = props.workflow.mailConfigurationSetName;
      const defaultBus = EventBus.fromEventBusName(this, `${name}DefaultBus`, 'default');
      new ConfigurationSetEventDestination(this, `${name}MailEvents`, {
        configurationSet: ConfigurationSet.fromConfigurationSetName(
          this,
          `${name}ConfigurationSet`,
          configurationSetName,
        ),
        destination: EventDestination.eventBus(defaultBus),
        events: mailHandler.events.map((event) =>
          event === 'bounce' ? EmailSendingEvent.BOUNCE : EmailSendingEvent.COMPLAINT,
        ),
      });
      new Rule(this, `${name}Rule`, {
        description: `Sends SES ${mailHandler.events.join(' and ')} events to ${mailHandler.functionName}`,
        eventPattern: {
          source: ['aws.ses'],
          detailType: mailHandler.events.map((event) => SES_DETAIL_TYPES[event]),
          detail: { mail: { tags: { 'ses:configuration-set': [configurationSetName] } } },
        },
        targets: [
          new LambdaFunction(fn, {
            deadLetterQueue: fn.deadLetterQueue,
            retryAttempts: 2,
            maxEventAge: Duration.hours(6),
          }),
        ],
      });
    }

    this.grantAll(props.stateful, props.workflow);
    this.addAlarms(props.workflow.alarmTopic);
    if (props.bucketNotifications.length > 0) acknowledgeNotificationHandler(this);
  }
}

/**
 * The S3 notification is configured by CDK's own deploy-time handler (a singleton function), which
 * is created in this stack because the bucket is imported, so no reference points back at it.
 */
function acknowledgeNotificationHandler(stack: Stack): void {
  const handler = stack.node.tryFindChild(
    'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
  );
  if (!handler) return;
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'CDK’s deploy-time handler for S3 notifications (Custom::S3BucketNotifications) comes with this role; it runs only during deploys.',
  });
}
