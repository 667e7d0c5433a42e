import { Annotations, CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { RestApiBase } from 'aws-cdk-lib/aws-apigateway';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { AppConfig } from './config.ts';
import { acknowledgeWildcard } from './constructs/nag.ts';
import { PortalLogin } from './constructs/portal-login.ts';
import { WebHosting } from './constructs/web-hosting.ts';
import type { EvidenceBucketRef, StatefulResources } from './stateful-stack.ts';

export interface WebStackProps extends StackProps {
  stateful: StatefulResources & { evidenceBucket: EvidenceBucketRef };
  config: AppConfig;
  api: RestApiBase;
  /** The built app (web/dist, from `npm run build:web`). */
  webAssetsDir: string;
}

/**
 * The web app in AWS: its hosting (private bucket, CloudFront with origin access control, CSP,
 * SPA routing, the API under /v1 on the same origin), the sign-in (Cognito managed login and the
 * portal's code-flow client, with this distribution's callback and sign-out URLs), and the files
 * with the runtime `config.json` that points the same build at this deployment.
 */
export class WebStack extends Stack {
  readonly hosting: WebHosting;
  readonly login: PortalLogin;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;
    const domain =
      config.portalDomainName && config.portalCertificateArn
        ? {
            name: config.portalDomainName,
            certificate: Certificate.fromCertificateArn(
              this,
              'Certificate',
              config.portalCertificateArn,
            ),
          }
        : undefined;
    if (domain && config.portalOrigin !== `https://${domain.name}`) {
      // Evidence uploads and inline views reach the evidence bucket, whose CORS admits portalOrigin.
      Annotations.of(this).addWarningV2(
        'takedown:portalOrigin',
        `portalOrigin is ${config.portalOrigin} but the web app is served at https://${domain.name}: set -c portalOrigin=https://${domain.name}`,
      );
    }
    const cognitoDomainPrefix = config.cognitoDomainPrefix ?? `takedown-${this.account}`;
    const managedLogin = `https://${cognitoDomainPrefix}.auth.${this.region}.amazoncognito.com`;

    this.hosting = new WebHosting(this, 'Hosting', {
      api: props.api,
      logExpirationDays: config.accessLogExpirationDays,
      ...(domain ? { domain } : {}),
      connectSources: [
        // Discovery and keys (the issuer), the token endpoint (managed login).
        `https://cognito-idp.${this.region}.amazonaws.com`,
        managedLogin,
        // Inline evidence: the presigned GET the API's /view redirects to.
        `https://${props.stateful.evidenceBucket.bucketName}.s3.${this.region}.amazonaws.com`,
      ],
    });
    this.login = new PortalLogin(this, 'Login', {
      userPool: props.stateful.userPool,
      appOrigin: this.hosting.origin,
      domainPrefix: cognitoDomainPrefix,
    });

    // Hashed assets are immutable; index.html and config.json are revalidated on every load.
    const assets = new BucketDeployment(this, 'Assets', {
      destinationBucket: this.hosting.bucket,
      sources: [Source.asset(props.webAssetsDir, { exclude: ['index.html', '.*'] })],
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
    });
    const entry = new BucketDeployment(this, 'Entry', {
      destinationBucket: this.hosting.bucket,
      sources: [
        Source.asset(props.webAssetsDir, { exclude: ['*', '!index.html'] }),
        Source.jsonData('config.json', {
          apiUrl: '',
          authority: this.login.authority,
          clientId: this.login.client.userPoolClientId,
          redirectUri: this.login.callbackUrl,
          postLogoutRedirectUri: this.login.signOutUrl,
          // Cognito's discovery document lists no end-session endpoint: managed login's /logout.
          logoutUrl: `${this.login.baseUrl}/logout`,
          userPoolId: props.stateful.userPool.userPoolId,
          region: this.region,
          domain: this.login.baseUrl,
        }),
      ],
      // no-cache: CloudFront revalidates them on every load, so a deploy needs no invalidation
      // (and the deployment role no cloudfront:CreateInvalidation on every distribution).
      cacheControl: [CacheControl.noCache()],
      prune: false,
    });
    entry.node.addDependency(assets);
    acknowledgeDeploymentHandler(this, `${this.hosting.bucket.bucketArn}/*`);

    new CfnOutput(this, 'WebUrl', { value: `${this.hosting.origin}/` });
    new CfnOutput(this, 'UserPoolClientId', { value: this.login.client.userPoolClientId });
    new CfnOutput(this, 'ManagedLoginUrl', { value: this.login.baseUrl });
  }
}

/**
 * cdk-nag findings on CDK's BucketDeployment provider (a singleton Lambda of aws-cdk-lib, which the
 * stack cannot configure), each matched exactly, with its reason.
 */
function acknowledgeDeploymentHandler(stack: Stack, webObjects: string): void {
  const copies =
    'CDK’s BucketDeployment provider copies the app’s files from the CDK asset bucket into the web bucket during a deployment: it reads the asset objects and writes, lists and deletes objects of the web bucket, and nothing else.';
  const reasons: Record<string, string> = {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      'CDK’s BucketDeployment provider runs with AWSLambdaBasicExecutionRole (writing its own logs); the construct takes no other role.',
    'AwsSolutions-IAM5[Action::s3:GetObject*]': copies,
    'AwsSolutions-IAM5[Action::s3:GetBucket*]': copies,
    'AwsSolutions-IAM5[Action::s3:List*]': copies,
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]': copies,
    'AwsSolutions-IAM5[Action::s3:Abort*]': copies,
    'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]':
      copies,
    'AwsSolutions-L1':
      'The runtime of CDK’s BucketDeployment provider is pinned by aws-cdk-lib, not by this stack; it runs only during deployments.',
    'Serverless-LambdaLatestVersion':
      'The runtime of CDK’s BucketDeployment provider is pinned by aws-cdk-lib, not by this stack; it runs only during deployments.',
    'Serverless-LambdaDLQ':
      'CDK’s BucketDeployment provider is a CloudFormation custom resource invoked synchronously: a failure fails the deployment, which reports it.',
    'Serverless-LambdaTracing':
      'CDK’s BucketDeployment provider runs only during deployments, and the construct has no tracing switch; CloudFormation events record each run.',
  };
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    for (const [id, reason] of Object.entries(reasons))
      Validations.of(child).acknowledge({ id, reason });
    acknowledgeWildcard(child, webObjects, { reason: copies });
  }
}
