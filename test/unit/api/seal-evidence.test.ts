import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetObjectCommand, GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { S3Event } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { conditionalCheckFailed, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/events/seal-evidence.ts');

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);

const content = Buffer.from('%PDF-1.7\nA test-buy report.\n');
const sha256 = createHash('sha256').update(content).digest('hex');
const pending = {
  evidenceId: 'evd-1',
  owner: 'RH#rh-1',
  fileName: 'report.pdf',
  contentType: 'application/pdf',
  size: content.length,
  sha256,
  status: 'pending_upload',
  createdAt: '2026-01-01T00:00:00.000Z',
};

function s3Event(key: string, size: number, bucket: string = TEST_ENV.EVIDENCE_BUCKET): S3Event {
  return {
    Records: [
      {
        eventName: 'ObjectCreated:Post',
        s3: { bucket: { name: bucket }, object: { key, size } },
      },
    ],
  } as unknown as S3Event;
}

function stored(body: Buffer, contentType = 'application/pdf') {
  s3.on(GetObjectCommand).callsFake(() =>
    Promise.resolve({
      Body: Readable.from([body.subarray(0, 5), body.subarray(5)]),
      ContentType: contentType,
      ContentLength: body.length,
      VersionId: 'v-1',
    }),
  );
}

const update = () => db.commandCalls(UpdateCommand)[0]?.args[0].input;

/** The fields an UpdateCommand sets, by attribute name. */
function fieldsSet(input: {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}): Record<string, unknown> {
  const names = input.ExpressionAttributeNames ?? {};
  const values = input.ExpressionAttributeValues ?? {};
  return Object.fromEntries(
    Object.entries(names)
      .filter(([alias]) => values[`:${alias.slice(1)}`] !== undefined)
      .map(([alias, name]) => [name, values[`:${alias.slice(1)}`]]),
  );
}

beforeEach(() => {
  db.reset();
  s3.reset();
  db.on(GetCommand).resolves({});
  db.on(GetCommand, { Key: { pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' } }).resolves({ Item: pending });
  db.on(UpdateCommand).resolves({});
  stored(content);
});

describe('seal-evidence (bucket notification)', () => {
  it('seals an object whose streamed hash, size and type match the declaration', async () => {
    // Act
    await handler(s3Event('evidence/evd-1', content.length));

    // Assess
    const input = update()!;
    expect(input.Key).toEqual({ pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' });
    expect(input.ConditionExpression).toContain('#status = :pending');
    expect(fieldsSet(input)).toMatchObject({
      status: 'sealed',
      stored: { size: content.length, contentType: 'application/pdf', sha256 },
      versionId: 'v-1',
    });
    expect(s3.commandCalls(GetObjectTaggingCommand)).toHaveLength(0);
  });

  it('rejects an object whose hash differs from the declared one', async () => {
    const other = Buffer.from('%PDF-1.7\nA forged test report\n');
    db.on(GetCommand, { Key: { pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' } }).resolves({
      Item: { ...pending, size: other.length },
    });
    stored(other);

    await handler(s3Event('evidence/evd-1', other.length));

    expect(fieldsSet(update()!)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'hash_mismatch',
    });
  });

  it('rejects, without reading it, an object whose notified size differs from the declaration', async () => {
    await handler(s3Event('evidence/evd-1', content.length + 1));

    expect(fieldsSet(update()!)).toMatchObject({ rejectionReason: 'size_mismatch' });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('rejects an object stored with another content type', async () => {
    stored(content, 'text/html');

    await handler(s3Event('evidence/evd-1', content.length));

    expect(fieldsSet(update()!)).toMatchObject({
      rejectionReason: 'content_type_mismatch',
    });
  });

  it('rejects an object whose bytes are not of the declared type', async () => {
    const notPdf = Buffer.from('MZ\x90\x00 an executable pretending');
    const hash = createHash('sha256').update(notPdf).digest('hex');
    db.on(GetCommand, { Key: { pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' } }).resolves({
      Item: { ...pending, size: notPdf.length, sha256: hash },
    });
    stored(notPdf);

    await handler(s3Event('evidence/evd-1', notPdf.length));

    expect(fieldsSet(update()!)).toMatchObject({
      rejectionReason: 'content_not_of_declared_type',
    });
  });

  it('changes nothing on a repeated notification of sealed evidence', async () => {
    db.on(GetCommand, { Key: { pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' } }).resolves({
      Item: { ...pending, status: 'sealed' },
    });

    await handler(s3Event('evidence/evd-1', content.length));

    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('accepts losing a race to a concurrent notification', async () => {
    db.on(UpdateCommand).rejects(conditionalCheckFailed());

    await expect(handler(s3Event('evidence/evd-1', content.length))).resolves.toBeUndefined();
  });

  it('ignores objects of other buckets and keys that are not evidence', async () => {
    await handler(s3Event('evidence/evd-1', content.length, 'another-bucket'));
    await handler(s3Event('uploads/evd-1', content.length));

    expect(db.commandCalls(GetCommand)).toHaveLength(0);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });
});
