import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, type ITableV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { type KeyAttribute, tableDefinition } from '../functions/table.ts';
import { type AppConfig, loadConfig } from './config.ts';
import { EvidenceBucket } from './constructs/evidence-bucket.ts';
import { UserDirectory } from './constructs/user-directory.ts';

const attribute = (key: KeyAttribute) => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/**
 * The evidence bucket as another stack refers to it: explicit exports, so that policies and the
 * bucket notification in the stacks above name it the same in every synthesis, and no
 * reference points back from the bucket's stack (an S3 notification would otherwise make a cycle).
 */
export interface EvidenceBucketRef {
  readonly bucketName: string;
  readonly bucketArn: string;
}

/** What the stacks above receive from the stateful one. */
export interface StatefulResources {
  readonly table: ITableV2;
  readonly evidenceBucket: EvidenceBucketRef;
  readonly userPool: IUserPool;
}

export interface StatefulStackProps extends StackProps {
  /** @default loadConfig(this.node): the CDK context */
  config?: AppConfig;
}

/**
 * The resources that hold data: the single table, the evidence bucket and the user pool. They live
 * in their own stack, retained on delete, and reach the stacks above through props.
 */
export class StatefulStack extends Stack implements StatefulResources {
  readonly table: ITableV2;
  readonly evidenceBucket: EvidenceBucketRef;
  readonly userPool: IUserPool;

  constructor(scope: Construct, id: string, props: StatefulStackProps = {}) {
    super(scope, id, props);
    // Log delivery by bucket policy, not the legacy ACL (the log bucket enforces bucket ownership).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const config = props.config ?? loadConfig(this.node);

    // The key schema and indexes come from functions/table.ts, the definition DynamoDB Local uses too.
    this.table = new TableV2(this, 'Table', {
      partitionKey: attribute(tableDefinition.partitionKey),
      sortKey: attribute(tableDefinition.sortKey),
      globalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
      })),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const evidence = new EvidenceBucket(this, 'Evidence', {
      portalOrigin: config.portalOrigin,
      infrequentAccessAfterDays: config.evidenceInfrequentAccessAfterDays,
      archiveAfterDays: config.evidenceArchiveAfterDays,
      accessLogExpirationDays: config.accessLogExpirationDays,
      malwareProtection: config.malwareProtection,
    });
    this.evidenceBucket = {
      bucketName: this.exportValue(evidence.bucket.bucketName, {
        name: `${this.stackName}-EvidenceBucketName`,
      }),
      bucketArn: this.exportValue(evidence.bucket.bucketArn, {
        name: `${this.stackName}-EvidenceBucketArn`,
      }),
    };

    const users = new UserDirectory(this, 'Users', {
      threatProtection: config.threatProtection,
    });
    this.userPool = users.userPool;

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'EvidenceBucket', { value: evidence.bucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
  }
}
