import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { FanOutRow } from '../domain/bulk-notice.ts';
import { evidenceBucket, s3 } from './s3-client.ts';

/** The normalised manifest the distributed Map reads: JSON Lines of FanOutRow. */
export const fanOutRowsKey = (noticeId: string) => `fan-out/${noticeId}.jsonl`;

/** Writes the normalised manifest (valid, distinct rows with their row numbers) for the Map. */
export async function writeFanOutRows(
  noticeId: string,
  rows: readonly FanOutRow[],
): Promise<{
  bucket: string;
  key: string;
}> {
  const key = fanOutRowsKey(noticeId);
  await s3.send(
    new PutObjectCommand({
      Bucket: evidenceBucket,
      Key: key,
      Body: rows.map((row) => JSON.stringify(row)).join('\n'),
      ContentType: 'application/x-ndjson',
    }),
  );
  return { bucket: evidenceBucket, key };
}
