import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { apiClients } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';

let cloud: LocalCloud;
let api: Awaited<ReturnType<typeof apiClients>>;

beforeAll(async () => {
  cloud = await startTestCloud();
  api = await apiClients(cloud);
});
afterAll(async () => {
  await cloud?.stop();
});

/** Posts a presigned form with the given bytes, as a browser would. */
async function postForm(upload: { url: string; fields: Record<string, string> }, text: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([Buffer.from(text)], { type: 'text/plain' }), 'proof.txt');
  return fetch(upload.url, { method: 'POST', body: form });
}

describe('Evidence: versions of the stored object', () => {
  it('serves the sealed bytes after the presigned form is re-posted with other bytes of the same size', async () => {
    const original = 'the genuine proof, v1';
    const forged = 'a forged replacement!';
    expect(forged.length).toBe(original.length);
    const created = await api.rightsHolder.post<{
      evidenceId: string;
      upload: { url: string; fields: Record<string, string> };
    }>('/v1/evidence', {
      fileName: 'proof.txt',
      contentType: 'text/plain',
      size: original.length,
      sha256: createHash('sha256').update(original).digest('hex'),
    });
    expect(created.status).toBe(201);
    const first = await postForm(created.body.upload, original);
    expect(first.status).toBeLessThan(300);
    expect(first.headers.get('x-amz-version-id')).toMatch(/^[0-9a-f]+$/);
    await cloud.settled();
    expect(
      (await api.rightsHolder.get<{ status: string }>(`/v1/evidence/${created.body.evidenceId}`))
        .body.status,
    ).toBe('sealed');

    // The form is still within its 15 minutes: posting it again stores new bytes under the key.
    const second = await postForm(created.body.upload, forged);
    expect(second.status).toBeLessThan(300);
    await cloud.settled();

    const download = await api.rightsHolder.get(`/v1/evidence/${created.body.evidenceId}/download`);
    expect(download.status).toBe(302);
    const served = await (await fetch(download.headers.get('location')!)).text();
    expect(served).toBe(original);
  });
});
