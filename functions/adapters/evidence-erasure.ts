import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './dynamo-client.ts';
import { evidenceObjectKey } from './evidence-store.ts';
import { evidenceBucket, s3 } from './s3-client.ts';

/** Deletes an evidence object (every version the record knows) and marks its record erased. */
export async function deleteEvidence(record: Record<string, unknown>, at: string): Promise<void> {
  const evidenceId = record.evidenceId as string;
  const key = evidenceObjectKey(evidenceId);
  if (typeof record.versionId === 'string') {
    await s3.send(
      new DeleteObjectCommand({ Bucket: evidenceBucket, Key: key, VersionId: record.versionId }),
    );
  }
  await s3.send(new DeleteObjectCommand({ Bucket: evidenceBucket, Key: key }));
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { pk: record.pk, sk: record.sk },
      UpdateExpression: 'SET #status = :erased, #erasedAt = :at, #fileName = :erased',
      ExpressionAttributeNames: {
        '#status': 'status',
        '#erasedAt': 'erasedAt',
        '#fileName': 'fileName',
      },
      ExpressionAttributeValues: { ':erased': 'erased', ':at': at },
    }),
  );
}
