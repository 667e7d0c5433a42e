import { Duration, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  type Method,
  MethodLoggingLevel,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { RouteDefinition } from '../../functions/routes.ts';
import { addProblemResponses } from './problem-responses.ts';

export interface ServiceApiRoute {
  route: RouteDefinition;
  fn: IFunction;
}

export interface ServiceApiProps {
  routes: readonly ServiceApiRoute[];
  userPool: IUserPool;
  portalOrigin: string;
  logRetention: RetentionDays;
  rateLimit: number;
  burstLimit: number;
  wafRequestsPer5Minutes: number;
}

/** `{caseId}` → `caseId`, `{proxy+}` → `proxy`. */
const pathParameters = (path: string) =>
  [...path.matchAll(/\{([A-Za-z0-9_]+)\+?\}/g)].map((match) => match[1]!);

/**
 * The public REST API, built from the route table: one method per route, Lambda proxy
 * integrations, the Cognito authorizer (ID tokens) on every `jwt` route, request validation,
 * JSON access logs, stage throttling, a WAF web ACL, CORS for the portal and problem+json errors.
 */
export class ServiceApi extends Construct {
  readonly api: RestApi;
  readonly methods: Method[] = [];

  constructor(scope: Construct, id: string, props: ServiceApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    const methodsInUse = [...new Set(props.routes.map(({ route }) => route.method))];

    this.api = new RestApi(this, 'Api', {
      description: 'Notice-and-takedown API',
      endpointTypes: [EndpointType.REGIONAL],
      // The account-wide API Gateway logging role is not this stack's to own (see the APIG6 note).
      cloudWatchRole: false,
      deployOptions: {
        stageName: 'live',
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
        throttlingRateLimit: props.rateLimit,
        throttlingBurstLimit: props.burstLimit,
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel: MethodLoggingLevel.OFF,
        dataTraceEnabled: false,
      },
      defaultCorsPreflightOptions: {
        allowOrigins: [props.portalOrigin],
        allowMethods: [...methodsInUse, 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
        maxAge: Duration.hours(1),
      },
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG6',
      reason:
        'Execution logging needs the account-wide API Gateway CloudWatch role, which one stack should not take over; JSON access logs record every request, and X-Ray traces each one.',
    });

    // Only when a route needs it: CloudFormation refuses an authorizer no method uses.
    const authorizer = props.routes.some(({ route }) => route.auth === 'jwt')
      ? new CognitoUserPoolsAuthorizer(this, 'Authorizer', {
          cognitoUserPools: [props.userPool],
          identitySource: 'method.request.header.Authorization',
          resultsCacheTtl: Duration.minutes(5),
        })
      : undefined;
    const validator = this.api.addRequestValidator('Validator', {
      validateRequestParameters: true,
      validateRequestBody: true,
    });

    for (const { route, fn } of props.routes) {
      const resource = this.api.root.resourceForPath(route.path);
      const requestParameters = Object.fromEntries(
        pathParameters(route.path).map((name) => [`method.request.path.${name}`, true]),
      );
      const method = resource.addMethod(
        route.method,
        new LambdaIntegration(fn, { allowTestInvoke: false }),
        {
          requestValidator: validator,
          requestParameters,
          ...(route.auth === 'jwt' && authorizer
            ? { authorizationType: AuthorizationType.COGNITO, authorizer }
            : { authorizationType: AuthorizationType.NONE }),
        },
      );
      if (route.auth === 'none') {
        for (const rule of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) {
          Validations.of(method).acknowledge({
            id: rule,
            reason: `${route.method} ${route.path} is public by design (the route table marks it auth: 'none'; only health and the API description are).`,
          });
        }
      }
      this.methods.push(method);
    }
    // Browsers send CORS preflights without credentials, so OPTIONS cannot require a token.
    for (const child of this.api.root.node.findAll()) {
      if (child instanceof Construct && child.node.id === 'OPTIONS') {
        for (const rule of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) {
          Validations.of(child).acknowledge({
            id: rule,
            reason:
              'CORS preflight (OPTIONS) must answer without credentials; it returns only CORS headers, from a mock integration.',
          });
        }
      }
    }

    addProblemResponses(this.api, props.portalOrigin);
    this.addWebAcl(props.wafRequestsPer5Minutes);
  }

  private addWebAcl(requestsPer5Minutes: number): void {
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    const acl = new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('takedown-api'),
      rules: [
        {
          name: 'rate-per-ip',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: requestsPer5Minutes, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('rate-per-ip'),
        },
        {
          name: 'aws-common',
          priority: 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // Notices carry long statements and evidence lists; the handlers bound body sizes.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: visibility('aws-common'),
        },
      ],
    });
    new CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: acl.attrArn,
    });
  }
}
