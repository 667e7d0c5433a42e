import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../../local/cloud.ts';
import { startTestCloud } from '../../support/cloud.ts';
import { call, demoToken, postForm, sha256Hex, uploadEvidence } from './support.ts';

let cloud: LocalCloud;
let acme: string;
let reviewer: string;
let seller: string;

beforeAll(async () => {
  cloud = await startTestCloud();
  acme = await demoToken(cloud, 'acme-brand');
  reviewer = await demoToken(cloud, 'reviewer');
  seller = await demoToken(cloud, 'seller-1');
});

afterAll(async () => {
  await cloud?.stop();
});

const pdf = Buffer.from('%PDF-1.4\n% Test-buy report, order 7781\n%%EOF\n');

describe('Evidence over HTTP', () => {
  it('seals an upload whose bytes match the declared hash, size and type', async () => {
    // Act
    const { evidenceId, uploadStatus } = await uploadEvidence(cloud, acme, pdf, {
      contentType: 'application/pdf',
      fileName: 'test-buy.pdf',
    });

    // Assess
    expect(uploadStatus).toBe(204);
    const res = await call(cloud, 'GET', `/v1/evidence/${evidenceId}`, acme);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      evidenceId,
      status: 'sealed',
      sha256: sha256Hex(pdf),
      size: pdf.length,
      contentType: 'application/pdf',
    });
    expect((await call(cloud, 'GET', `/v1/evidence/${evidenceId}`, reviewer)).status).toBe(200);
    expect((await call(cloud, 'GET', `/v1/evidence/${evidenceId}`, seller)).status).toBe(404);
  });

  it('rejects an upload whose hash differs from the declared one', async () => {
    const { evidenceId } = await uploadEvidence(cloud, acme, pdf, {
      contentType: 'application/pdf',
      declaredSha256: sha256Hex(Buffer.from('something else')),
    });

    const res = await call(cloud, 'GET', `/v1/evidence/${evidenceId}`, acme);

    expect(res.body).toMatchObject({ status: 'rejected', rejectionReason: 'hash_mismatch' });
    expect((await call(cloud, 'GET', `/v1/evidence/${evidenceId}/download`, acme)).status).toBe(
      409,
    );
  });

  it('redirects a download of sealed evidence to a short-lived attachment link', async () => {
    // Prepare
    const html = Buffer.from('<html><body><script>alert(1)</script>Shop page</body></html>');
    const { evidenceId } = await uploadEvidence(cloud, acme, html, {
      contentType: 'text/html',
      fileName: 'shop snapshot.html',
    });

    // Act
    const res = await call(cloud, 'GET', `/v1/evidence/${evidenceId}/download`, reviewer);

    // Assess
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(Number(location.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    expect(location.searchParams.get('response-content-disposition')).toMatch(
      /^attachment; filename="shop snapshot\.html"/,
    );
    const object = await fetch(location);
    expect(object.status).toBe(200);
    expect(object.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await object.arrayBuffer())).toEqual(html);
  });

  it('answers 409 to a download before the upload is sealed', async () => {
    const created = await call(cloud, 'POST', '/v1/evidence', acme, {
      fileName: 'later.txt',
      contentType: 'text/plain',
      size: 5,
      sha256: sha256Hex(Buffer.from('later')),
    });

    const res = await call(cloud, 'GET', `/v1/evidence/${created.body.evidenceId}/download`, acme);

    expect(res.status).toBe(409);
    expect(
      (await call(cloud, 'GET', `/v1/evidence/${created.body.evidenceId}`, acme)).body.status,
    ).toBe('pending_upload');
  });

  it('lets the upload policy refuse a file larger than declared, storing nothing', async () => {
    const declared = Buffer.from('short');
    const created = await call(cloud, 'POST', '/v1/evidence', seller, {
      fileName: 'note.txt',
      contentType: 'text/plain',
      size: declared.length,
      sha256: sha256Hex(declared),
    });

    const res = await postForm(
      created.body.upload,
      Buffer.from('much longer than declared'),
      'text/plain',
    );
    const xml = await res.text();
    await cloud.settled();

    expect(res.status).toBe(400);
    expect(xml).toContain('<Code>EntityTooLarge</Code>');
    const record = await call(cloud, 'GET', `/v1/evidence/${created.body.evidenceId}`, seller);
    expect(record.body.status).toBe('pending_upload');
  });

  it('answers 413 above the size limit and 400 for a type outside the allow-list', async () => {
    const base = {
      fileName: 'x.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: 'a'.repeat(64),
    };

    expect(
      (await call(cloud, 'POST', '/v1/evidence', acme, { ...base, size: 26_214_401 })).status,
    ).toBe(413);
    const wrongType = await call(cloud, 'POST', '/v1/evidence', acme, {
      ...base,
      contentType: 'application/zip',
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toEqual([{ path: 'contentType', message: expect.any(String) }]);
    // Staff upload only test-buy reports (purpose `test_buy_report`).
    const staff = await call(cloud, 'POST', '/v1/evidence', reviewer, base);
    expect(staff.status).toBe(400);
    expect(staff.body.errors).toEqual([{ path: 'purpose', message: expect.any(String) }]);
  });
});
