import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { RestApiBase } from 'aws-cdk-lib/aws-apigateway';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../../web/security-headers.ts';
import { SPA_ROUTING_FUNCTION } from '../spa-routing.ts';

export interface WebHostingProps {
  /** The REST API, served by the distribution under `/v1/*` on the app's own origin. */
  api: RestApiBase;
  /** Origins the app fetches besides its own: the OIDC issuer and managed login, the evidence storage. */
  connectSources: string[];
  /** Days the access logs are kept. */
  logExpirationDays: number;
  /** A custom domain for the app, with its ACM certificate (us-east-1). @default the distribution's own domain */
  domain?: { name: string; certificate: ICertificate };
}

/**
 * The web app's hosting: a private bucket read only by CloudFront (origin access control), a
 * distribution serving the SPA (any path that is not a built file gets index.html) under a strict
 * Content-Security-Policy and the usual security headers, with the API under `/v1/*` on the same
 * origin (no caching, every viewer header but Host forwarded), so the app needs no CORS.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<the app's domain>` */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);

    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(props.logExpirationDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the web bucket’s server access logs and the distribution’s logs; logging it to itself would loop and another log bucket only moves the finding.',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'web-bucket/',
      // The app is rebuilt from source on every deploy; nothing here needs keeping.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Takedown web app: CSP and security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({ connect: props.connectSources }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: SECURITY_HEADERS['Permissions-Policy'],
            override: true,
          },
          {
            header: 'Cross-Origin-Opener-Policy',
            value: SECURITY_HEADERS['Cross-Origin-Opener-Policy'],
            override: true,
          },
        ],
      },
    });

    // SPA routing: a path that is not one of the build's files is a route of the app.
    const spaRouting = new EdgeFunction(this, 'SpaRouting', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves index.html for the app routes',
      code: FunctionCode.fromInline(SPA_ROUTING_FUNCTION),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Takedown web app and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      // The default *.cloudfront.net certificate has a fixed policy; a custom domain gets TLS 1.2+.
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: props.domain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          { function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        '/v1/*': {
          // The origin path is the API's stage, so /v1/... reaches the stage's /v1/....
          origin: new RestApiOrigin(props.api),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // With caching off, this policy forwards Authorization (and every header but Host).
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    this.origin = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Rights holders, reviewers and sellers work from any country (US, EU and CN jurisdictions); a geo restriction would lock out parties the law gives a right to act.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'The API behind /v1 has its own regional WAF web ACL (rate limit and AWS common rules); a CloudFront web ACL must live in us-east-1, a separate stack, left to operators who need it.',
    });
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; with portalDomainName and portalCertificateArn it is TLSv1.2_2021.',
      });
    }
  }
}
