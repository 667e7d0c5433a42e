import { parse as parseCsv } from 'csv-parse/sync';
import { DomainRuleError } from './errors.ts';
import { idSchema, listingUrlSchema } from './vocabulary.ts';

/**
 * A bulk notice's manifest (API.md, Bulk notices): a CSV file whose header names `listingId`
 * and/or `url` (each row filling one), or JSON Lines of `{"listingId"}` or `{"url"}`, of up to
 * 10,000 listings. A problem with the file itself refuses the notice (422); a bad row is only
 * rejected, with its row number; a listing named twice is one case.
 */
export const MAX_MANIFEST_ROWS = 10_000;

/** The content types a manifest may be uploaded as (`purpose: "manifest"`). */
export const MANIFEST_CONTENT_TYPES = ['text/csv', 'application/x-ndjson'] as const;
export type ManifestContentType = (typeof MANIFEST_CONTENT_TYPES)[number];

/** One listing of a manifest, by its 1-based row number (the CSV header is row 0). */
export type ManifestRow = { row: number } & ({ listingId: string } | { url: string });

export interface RejectedRow {
  row: number;
  reason: string;
}

export interface ParsedManifest {
  rows: ManifestRow[];
  rejectedRows: RejectedRow[];
  /** Rows that named a listing named before: folded into its case. */
  duplicates: number;
}

const COLUMNS = new Set(['listingId', 'url']);

/**
 * Parses a manifest's bytes.
 *
 * @throws DomainRuleError (422) for a file without a usable header, with an unknown column,
 *   that is not CSV or JSON Lines, or with more than 10,000 rows.
 */
export function parseManifest(body: Buffer, contentType: string): ParsedManifest {
  const records =
    contentType === 'application/x-ndjson' ? jsonLines(body) : csvRecords(body.toString('utf8'));
  if (records.length > MAX_MANIFEST_ROWS) {
    throw manifestRefused(
      `A manifest may name at most ${MAX_MANIFEST_ROWS} listings; this one has ${records.length} rows.`,
    );
  }
  const rows: ManifestRow[] = [];
  const rejectedRows: RejectedRow[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  records.forEach((record, i) => {
    const row = i + 1;
    if ('invalid' in record) {
      rejectedRows.push({ row, reason: record.invalid });
      return;
    }
    const listingId = text(record.fields.listingId);
    const url = text(record.fields.url);
    if (listingId && url) {
      rejectedRows.push({ row, reason: 'Fill listingId or url, not both' });
      return;
    }
    if (!listingId && !url) {
      rejectedRows.push({ row, reason: 'The row names no listing' });
      return;
    }
    if (listingId && !idSchema.safeParse(listingId).success) {
      rejectedRows.push({ row, reason: 'Not a listing id' });
      return;
    }
    if (url && !isListingUrl(url)) {
      rejectedRows.push({ row, reason: 'Not an http(s) URL' });
      return;
    }
    const key = listingId ? `id:${listingId}` : `url:${url}`;
    if (seen.has(key)) {
      duplicates++;
      return;
    }
    seen.add(key);
    rows.push(listingId ? { row, listingId } : { row, url: url! });
  });
  return { rows, rejectedRows, duplicates };
}

type RawRecord = { fields: Record<string, unknown> } | { invalid: string };

function csvRecords(text: string): RawRecord[] {
  let parsed: string[][];
  try {
    parsed = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw manifestRefused(`The manifest is not readable CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = parsed;
  const columns = (header ?? []).map((name) => name.trim());
  if (columns.length === 0 || !columns.some((name) => COLUMNS.has(name))) {
    throw manifestRefused('The first row must be a header naming listingId and/or url.');
  }
  const unknown = columns.filter((name) => !COLUMNS.has(name));
  if (unknown.length > 0) {
    throw manifestRefused(`Unknown column(s): ${unknown.join(', ')}. Use listingId and/or url.`);
  }
  return rows.map((cells) =>
    cells.length > columns.length
      ? { invalid: `The row has ${cells.length} cells; the header has ${columns.length}` }
      : { fields: Object.fromEntries(columns.map((name, i) => [name, cells[i] ?? ''])) },
  );
}

function jsonLines(body: Buffer): RawRecord[] {
  const lines = body
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) throw manifestRefused('The manifest names no listings.');
  return lines.map((line): RawRecord => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { invalid: 'Not a JSON object' };
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return { invalid: 'Not a JSON object' };
    const unknown = Object.keys(value).filter((key) => !COLUMNS.has(key));
    if (unknown.length > 0) return { invalid: `Unknown field(s): ${unknown.join(', ')}` };
    return { fields: value as Record<string, unknown> };
  });
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const isListingUrl = (value: string): boolean => listingUrlSchema.safeParse(value).success;

function manifestRefused(message: string): DomainRuleError {
  return new DomainRuleError('manifest_invalid', message, [
    { path: 'listingsManifestEvidenceId', message },
  ]);
}
