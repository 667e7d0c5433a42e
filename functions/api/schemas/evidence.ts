import * as z from 'zod';
import type { EvidenceRecord } from '../../adapters/evidence-store.ts';
import { idSchema, instantSchema } from '../../domain/vocabulary.ts';
import type { RouteDocs } from '../openapi/route-doc.ts';

/** The schemas of the evidence routes. */

/** Unicode's bidirectional formatting characters: embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

export const evidenceStatusSchema = z.enum(['pending_upload', 'sealed', 'rejected']);

export const evidencePurposeSchema = z.enum(['evidence', 'manifest', 'test_buy_report']);

export const createEvidenceBodySchema = z
  .strictObject({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters
      .regex(/^[^\u0000-\u001f\u007f/\\]+$/, 'A file name, without path or control characters')
      // Bidirectional controls make `invoice_fdp.exe` read as `invoice_exe.pdf` (CVE-2021-42574,
      // "Trojan Source"): a reviewer must see the name as it is.
      .refine((name) => !BIDI_CONTROLS.test(name), {
        message:
          'A file name without bidirectional-control characters (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C)',
      }),
    contentType: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/,
        'A media type, e.g. application/pdf',
      )
      .describe(
        'One of the configured types; by default application/pdf, image/png, image/jpeg, image/webp, text/plain, text/html',
      ),
    size: z
      .number()
      .int()
      .positive()
      .max(Number.MAX_SAFE_INTEGER)
      .describe('Bytes; above the configured limit (default 26214400) the answer is 413'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits')
      .describe('SHA-256 of the file; the service hashes the upload itself and compares'),
    purpose: evidencePurposeSchema
      .default('evidence')
      .describe(
        '`manifest`: the listings of a bulk notice (text/csv or application/x-ndjson), cited as listingsManifestEvidenceId; `test_buy_report`: staff only, the signed report of a mystery test buy (POST /v1/test-buys); `evidence` (default): evidence a notice or reply cites',
      ),
  })
  .describe('An evidence file to upload');

export const evidenceUploadSchema = z.object({
  evidenceId: idSchema,
  upload: z
    .object({
      url: z.string(),
      fields: z.record(z.string(), z.string()),
    })
    .describe('A presigned POST: send every field, then the file as `file`'),
  expiresAt: instantSchema,
});

export const evidenceSchema = z.object({
  evidenceId: idSchema,
  status: evidenceStatusSchema,
  sha256: z.string().describe('The declared hash; once sealed, the one the service measured'),
  size: z.number().int(),
  contentType: z.string(),
  fileName: z.string(),
  createdAt: instantSchema,
  sealedAt: instantSchema.optional(),
  rejectedAt: instantSchema.optional(),
  rejectionReason: z.string().optional(),
  purpose: evidencePurposeSchema,
});

/** The API's view of an evidence record: once sealed, what the service measured. */
export function evidenceView(record: EvidenceRecord): z.infer<typeof evidenceSchema> {
  const sealed = record.status === 'sealed' ? record.stored : undefined;
  return {
    evidenceId: record.evidenceId,
    status: record.status,
    sha256: sealed?.sha256 ?? record.sha256,
    size: sealed?.size ?? record.size,
    contentType: sealed?.contentType ?? record.contentType,
    fileName: record.fileName,
    createdAt: record.createdAt,
    purpose: record.purpose ?? 'evidence',
    ...(record.sealedAt ? { sealedAt: record.sealedAt } : {}),
    ...(record.rejectedAt ? { rejectedAt: record.rejectedAt } : {}),
    ...(record.rejectionReason ? { rejectionReason: record.rejectionReason } : {}),
  };
}

/** OpenAPI descriptions of the evidence routes. */
/** What a party may know of a piece of cited evidence (a case file's, an IP right's proof). */
export const evidenceSummarySchema = z.object({
  evidenceId: idSchema,
  fileName: z.string().optional(),
  contentType: z.string().optional(),
  size: z.number().int().optional(),
  sha256: z.string().optional(),
  status: z.enum(['pending_upload', 'sealed', 'rejected', 'missing']),
});

/** `?caseId=`: fetch evidence as a party of the case that cites it. */
export const evidenceAccessQuerySchema = z.strictObject({
  caseId: idSchema.optional().describe('A case of yours that cites this evidence'),
});

export const openapi = {
  'POST /v1/evidence': {
    summary: 'Start an evidence upload (presigned POST, 15 minutes)',
    request: { body: createEvidenceBodySchema },
    responses: { 201: evidenceUploadSchema },
  },
  'GET /v1/evidence/{evidenceId}': {
    summary: 'An evidence record and its sealing status',
    responses: { 200: evidenceSchema },
  },
  'GET /v1/evidence/{evidenceId}/download': {
    summary: 'Redirect (302) to a 5-minute attachment link of sealed evidence',
    description:
      'Only sealed evidence is served (else 409), always as an attachment. With `caseId`, every party of that case may fetch the evidence it cites.',
    request: { query: evidenceAccessQuerySchema },
    responses: {
      302: {
        description: 'Found: a presigned GET, valid 5 minutes, served as an attachment',
        headers: { Location: 'The presigned GET URL' },
      },
    },
    errors: [409],
  },
  'GET /v1/evidence/{evidenceId}/view': {
    summary:
      'Redirect (302) to a 5-minute inline link of sealed evidence (images, PDF, plain text)',
    description:
      'Other types (HTML snapshots above all) are never shown inline: 409, use /download. With `caseId`, every party of that case may view the evidence it cites.',
    request: { query: evidenceAccessQuerySchema },
    responses: {
      302: {
        description: 'Found: a presigned GET, valid 5 minutes, served inline',
        headers: { Location: 'The presigned GET URL' },
      },
    },
    errors: [409],
  },
} satisfies RouteDocs;
