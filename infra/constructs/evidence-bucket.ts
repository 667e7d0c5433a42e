import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { MalwareProtection } from './malware-protection.ts';

/** The tag GuardDuty Malware Protection for S3 writes on every scanned object. */
export const MALWARE_SCAN_TAG = 'GuardDutyMalwareScanStatus';

export interface EvidenceBucketProps {
  /** The only origin allowed to upload by presigned POST. */
  portalOrigin: string;
  /** Days before evidence moves to Standard-IA (S3 requires at least 30). */
  infrequentAccessAfterDays: number;
  /** Days before evidence moves to Glacier Instant Retrieval; must be later than Standard-IA. */
  archiveAfterDays: number;
  /** Days the server access logs are kept. */
  accessLogExpirationDays: number;
  /** Scan every new object with GuardDuty Malware Protection for S3. */
  malwareProtection: boolean;
}

/**
 * The evidence bucket: private, SSL only, versioned, SSE-S3, logged, with uploads by presigned POST
 * from the portal only, and (optionally) every object scanned for malware by GuardDuty.
 *
 * GuardDuty tags each scanned object `GuardDutyMalwareScanStatus` = `NO_THREATS_FOUND`,
 * `THREATS_FOUND`, `UNSUPPORTED`, `ACCESS_DENIED` or `FAILED`, asynchronously. The bucket policy
 * refuses every read of an object tagged `THREATS_FOUND`; sealing must also refuse to seal any
 * object whose tag is not `NO_THREATS_FOUND` (and retry while the tag is still absent).
 */
export class EvidenceBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: EvidenceBucketProps) {
    super(scope, id);
    if (props.archiveAfterDays <= props.infrequentAccessAfterDays) {
      throw new Error(
        `evidenceArchiveAfterDays (${props.archiveAfterDays}) must be later than evidenceInfrequentAccessAfterDays (${props.infrequentAccessAfterDays})`,
      );
    }

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // Server access log delivery supports SSE-S3 only.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(props.accessLogExpirationDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the evidence bucket’s server access logs; logging it to itself would loop and another log bucket only moves the finding.',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'evidence/',
      // Browsers upload evidence straight to S3 with a presigned POST, and the web app reads
      // evidence it shows inline through the presigned GET `/view` redirects to (a fetch, which
      // needs CORS): only those, only from the portal.
      cors: [
        {
          allowedMethods: [HttpMethods.POST, HttpMethods.GET],
          allowedOrigins: [props.portalOrigin],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'evidence-to-cheaper-storage',
          transitions: [
            {
              storageClass: StorageClass.INFREQUENT_ACCESS,
              transitionAfter: Duration.days(props.infrequentAccessAfterDays),
            },
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(props.archiveAfterDays),
            },
          ],
          noncurrentVersionTransitions: [
            {
              storageClass: StorageClass.INFREQUENT_ACCESS,
              transitionAfter: Duration.days(props.infrequentAccessAfterDays),
            },
          ],
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    if (props.malwareProtection) {
      new MalwareProtection(this, 'MalwareProtection', { bucket: this.bucket });
      // A scanned-and-infected object is never served, whoever asks.
      this.bucket.addToResourcePolicy(
        new PolicyStatement({
          sid: 'DenyReadingObjectsWithThreats',
          effect: Effect.DENY,
          principals: [new AnyPrincipal()],
          actions: ['s3:GetObject', 's3:GetObjectVersion'],
          resources: [this.bucket.arnForObjects('*')],
          conditions: {
            StringEquals: { [`s3:ExistingObjectTag/${MALWARE_SCAN_TAG}`]: 'THREATS_FOUND' },
          },
        }),
      );
    }
  }
}
