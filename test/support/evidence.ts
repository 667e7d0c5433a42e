import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import type { ApiClient } from './api.ts';

/**
 * Uploads a text file as evidence through the presigned POST, as the given party; returns its id
 * and its status once the service has sealed (or rejected) it.
 */
export async function uploadTextEvidence(
  cloud: LocalCloud,
  client: ApiClient,
  text: string,
  fileName = 'proof.txt',
  purpose?: 'evidence' | 'test_buy_report',
): Promise<{ evidenceId: string; status: string }> {
  const bytes = Buffer.from(text);
  const created = await client.post<{
    evidenceId: string;
    upload: { url: string; fields: Record<string, string> };
  }>('/v1/evidence', {
    fileName,
    contentType: 'text/plain',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(purpose ? { purpose } : {}),
  });
  expect(created.status).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(created.body.upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: 'text/plain' }), fileName);
  const uploaded = await fetch(created.body.upload.url, { method: 'POST', body: form });
  expect(uploaded.status).toBeLessThan(300);
  await cloud.settled();
  const evidence = await client.get<{ status: string }>(`/v1/evidence/${created.body.evidenceId}`);
  return { evidenceId: created.body.evidenceId, status: evidence.body.status };
}
