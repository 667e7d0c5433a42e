import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { evidenceBucket, s3 } from './s3-client.ts';

/** Whether an object is at the key of the evidence bucket (a catalogue export to scan). */
export async function catalogueExportExists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: evidenceBucket, Key: key }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if ((error as Error).name === 'NotFound' || status === 404) return false;
    throw error;
  }
}
