import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalCloud } from '../../local/cloud.ts';

/**
 * A fingerprint of everything the service stored: every table item (keys and content) and every
 * object key in the evidence bucket. A test-only Scan: the service itself never scans.
 */
export async function storageSnapshot(cloud: LocalCloud): Promise<string> {
  const { dynamo, tableName } = await import('../../functions/adapters/dynamo-client.ts');
  const items: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) items.push(JSON.stringify(item, Object.keys(item).sort()));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const s3 = new S3Client({ forcePathStyle: true });
  const objects = await s3.send(new ListObjectsV2Command({ Bucket: cloud.env.EVIDENCE_BUCKET }));
  s3.destroy();
  return JSON.stringify({
    items: items.sort(),
    objects: (objects.Contents ?? []).map((o) => o.Key).sort(),
  });
}
