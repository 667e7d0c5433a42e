import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../local/cloud.ts';
import { type ApiClient, apiClients } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';

/**
 * Catalogue scans through the local engine: the scan machine's distributed Map reads the export
 * from the local S3 (JSON Lines or CSV), batches it, screens every row with the real handlers on
 * DynamoDB Local, and keeps the counts on the scan as the batches finish.
 */

interface Scan {
  scanId: string;
  status: string;
  counts: Record<string, number>;
}

let cloud: LocalCloud;
let s3: S3Client;
let admin: ApiClient;

async function putExport(key: string, body: string) {
  await s3.send(new PutObjectCommand({ Bucket: cloud.env.EVIDENCE_BUCKET!, Key: key, Body: body }));
}

/** n listings of one seller each; every tenth names ACME, every hundredth is not a listing. */
function jsonLines(n: number, prefix: string): string {
  return Array.from({ length: n }, (_, i) => {
    if (i % 100 === 99) return JSON.stringify({ listingId: `${prefix}-${i}`, title: 'no seller' });
    const title = i % 10 === 0 ? `ＡＣＭＥ scan sneakers ${i}` : `Plain canvas shoes ${i}`;
    return JSON.stringify({
      listingId: `${prefix}-${i}`,
      sellerId: `scan-seller-${i % 50}`,
      title,
    });
  }).join('\n');
}

beforeAll(async () => {
  cloud = await startTestCloud();
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: cloud.endpoints.s3,
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const api = await apiClients(cloud);
  admin = api.admin;
  const rule = await api.reviewer.post('/v1/screening-rules', {
    ipRightId: 'ipr-acme-tm-us',
    terms: ['ACME'],
    action: 'takedown',
  });
  expect(rule.status).toBe(201);
}, 120_000);
afterAll(async () => {
  s3?.destroy();
  await cloud?.stop();
});

describe('Catalogue scan', () => {
  it('screens a JSON Lines export of 5,000 listings in batches through the engine, opening an own-initiative case per takedown', async () => {
    await putExport('catalogue-exports/full.jsonl', jsonLines(5000, 'full'));
    // The marketplace knows the listings that name ACME (as its seller's): those become cases.
    const acme = Array.from({ length: 5000 }, (_, i) => i).filter((i) => i % 10 === 0);
    for (const seller of new Set(acme.map((i) => i % 50))) {
      await fetch(`${cloud.url}/_local/marketplace/listings/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          sellerId: `scan-seller-${seller}`,
          title: 'ACME scan sneakers',
          listingIds: acme.filter((i) => i % 50 === seller).map((i) => `full-${i}`),
        }),
      });
    }

    const started = await admin.post<Scan>('/v1/screening/scans', {
      key: 'catalogue-exports/full.jsonl',
      format: 'jsonl',
    });
    expect(started.status).toBe(202);
    await cloud.settled();
    const scan = await admin.get<Scan>(`/v1/screening/scans/${started.body.scanId}`);

    expect(scan.body.status).toBe('completed');
    expect(scan.body.counts).toEqual({
      screened: 4950,
      takedown: 500,
      flag: 0,
      clear: 4450,
      invalid: 50,
      skipped: 0,
      batches: 25,
    });
    const { queryDue } = await import('../../functions/adapters/due-items.ts');
    const { OWN_INITIATIVE_PENDING_PARTITION } = await import('../../functions/adapters/keys.ts');
    const pending = await queryDue(
      OWN_INITIATIVE_PENDING_PARTITION,
      new Date('9999-12-31T00:00:00Z'),
      1000,
    );
    const opened = pending.filter((item) => String(item.listingId).startsWith('full-'));
    expect(opened).toHaveLength(500);
    expect(new Set(opened.map((item) => item.source))).toEqual(new Set(['own_initiative']));
  }, 600_000);

  it('reads a CSV export with a header row; empty optional cells are absent', async () => {
    await putExport(
      'catalogue-exports/small.csv',
      'listingId,sellerId,title,language\ncsv-1,s-1,ACME bag,\ncsv-2,s-1,Canvas bag,en\ncsv-3,,ACME hat,\n',
    );

    const started = await admin.post<Scan>('/v1/screening/scans', {
      key: 'catalogue-exports/small.csv',
      format: 'csv',
    });
    await cloud.settled();
    const scan = await admin.get<Scan>(`/v1/screening/scans/${started.body.scanId}`);

    expect(scan.body).toMatchObject({
      status: 'completed',
      counts: { screened: 2, takedown: 1, clear: 1, invalid: 1, batches: 1 },
    });
  });

  it('stops when asked: later batches skip their rows, and the scan ends stopped', async () => {
    await putExport('catalogue-exports/stop.jsonl', jsonLines(3000, 'stop'));

    const started = await admin.post<Scan>('/v1/screening/scans', {
      key: 'catalogue-exports/stop.jsonl',
      format: 'jsonl',
    });
    const stop = await admin.post<Scan>(`/v1/screening/scans/${started.body.scanId}/stop`);
    await cloud.settled();
    const scan = await admin.get<Scan>(`/v1/screening/scans/${started.body.scanId}`);
    const again = await admin.post(`/v1/screening/scans/${started.body.scanId}/stop`);

    expect(stop.status).toBe(202);
    expect(scan.body.status).toBe('stopped');
    const { screened, invalid, skipped } = scan.body.counts as Record<string, number>;
    expect(skipped).toBeGreaterThan(0);
    expect(screened! + invalid! + skipped!).toBe(3000);
    expect(again.status).toBe(409);
  }, 600_000);

  it('answers 422 for a key with no export, and 400 for a key outside catalogue-exports/', async () => {
    const missing = await admin.post('/v1/screening/scans', {
      key: 'catalogue-exports/none.jsonl',
      format: 'jsonl',
    });
    const outside = await admin.post('/v1/screening/scans', { key: 'evidence/x', format: 'csv' });

    expect(missing.status).toBe(422);
    expect(outside.status).toBe(400);
  });
});
