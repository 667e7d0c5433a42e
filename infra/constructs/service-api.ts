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

/** The label AWS's common rule set puts on a request whose body is over 8 KB. */
export const OVERSIZE_BODY_LABEL = 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body';
/** The paths (by their end, with or without a stage prefix) whose bodies may be longer than 8 KB. */
export const LONG_BODY_PATH_SUFFIXES = ['/v1/notices', '/counter-notice'] as const;

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
    const authorizer = props.routes.some(({ route }) => route.auth !== 'none')
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
          ...(route.auth !== 'none' && authorizer
            ? {
                authorizationType: AuthorizationType.COGNITO,
                authorizer,
                // A machine route takes an access token with the route's scope (an ID token, or
                // another scope, is refused by API Gateway before the function runs).
                ...(route.auth === 'machine' && route.scope
                  ? { authorizationScopes: [route.scope] }
                  : {}),
              }
            : { authorizationType: AuthorizationType.NONE }),
        },
      );
      if (route.auth === 'none') {
        for (const rule of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) {
          Validations.of(method).acknowledge({
            id: rule,
            reason: `${route.method} ${route.path} is public by design (the route table marks it auth: 'none'; only health, the API description and the CN Art 44 decisions feed are).`,
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
          name: 'aws-ip-reputation',
          priority: 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesAmazonIpReputationList',
            },
          },
          visibilityConfig: visibility('aws-ip-reputation'),
        },
        {
          name: 'aws-known-bad-inputs',
          priority: 2,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesKnownBadInputsRuleSet',
            },
          },
          visibilityConfig: visibility('aws-known-bad-inputs'),
        },
        {
          name: 'aws-common',
          priority: 3,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // Counted (and labelled) here; the next rule blocks it except where bodies are long.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: visibility('aws-common'),
        },
        {
          // Bodies over 8 KB are refused, but for the routes whose bodies are long by nature: a
          // notice (up to 100 listings, an explanation, statements) and a counter-notice (a
          // statement and contact details). The handlers bound those bodies themselves. (Evidence
          // never passes the API: it goes to S3 by presigned POST.)
          name: 'body-size-outside-long-bodies',
          priority: 4,
          action: { block: {} },
          statement: {
            andStatement: {
              statements: [
                { labelMatchStatement: { scope: 'LABEL', key: OVERSIZE_BODY_LABEL } },
                {
                  notStatement: {
                    statement: {
                      orStatement: {
                        statements: LONG_BODY_PATH_SUFFIXES.map((suffix) => ({
                          byteMatchStatement: {
                            fieldToMatch: { uriPath: {} },
                            positionalConstraint: 'ENDS_WITH',
                            searchString: suffix,
                            textTransformations: [{ priority: 0, type: 'NONE' }],
                          },
                        })),
                      },
                    },
                  },
                },
              ],
            },
          },
          visibilityConfig: visibility('body-size-outside-long-bodies'),
        },
      ],
    });
    new CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: acl.attrArn,
    });
  }
}
