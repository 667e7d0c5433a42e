/**
 * A bulk notice's manifest as the browser checks it before the upload (API.md, Bulk notices): a
 * CSV file whose header names `listingId` and/or `url`, or JSON Lines of `{"listingId"}` or
 * `{"url"}`, of at most 10,000 rows and 25 MiB. The service checks again and reports each bad
 * row; this only spares the user an upload the service would refuse whole.
 */
export const MAX_MANIFEST_ROWS = 10_000;

/** A manifest's size limit: the evidence limit (25 MiB). */
export const MAX_MANIFEST_BYTES = 26_214_400;

export type ManifestKind = 'csv' | 'jsonl';

/** Why a manifest cannot be sent, as a translation key under `portal.notice.manifest.errors`. */
export type ManifestProblem =
  | { problem: 'type' }
  | { problem: 'size'; max: number }
  | { problem: 'empty' }
  | { problem: 'header' }
  | { problem: 'rows'; rows: number; max: number };

/** The kind of manifest a file is, by its extension or type; undefined for any other file. */
export function manifestKind(file: { name: string; type: string }): ManifestKind | undefined {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'csv' || file.type === 'text/csv') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson' || file.type === 'application/x-ndjson') return 'jsonl';
  return undefined;
}

/** The kind and size of a file, before reading it. */
export function checkManifestFile(file: {
  name: string;
  type: string;
  size: number;
}): ManifestProblem | undefined {
  if (!manifestKind(file)) return { problem: 'type' };
  if (file.size > MAX_MANIFEST_BYTES) return { problem: 'size', max: MAX_MANIFEST_BYTES };
  if (file.size === 0) return { problem: 'empty' };
  return undefined;
}

/**
 * The text of a manifest: a CSV needs a header naming only `listingId` and `url`, and neither
 * kind may hold more than 10,000 rows (non-empty lines; a CSV's header excluded). A quoted CSV
 * cell spanning lines is rare in a list of ids and URLs; the service counts exactly.
 */
export function checkManifestText(kind: ManifestKind, text: string): ManifestProblem | undefined {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return { problem: 'empty' };
  if (kind === 'csv') {
    const columns = lines[0]!.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (!columns.every((c) => c === 'listingId' || c === 'url')) return { problem: 'header' };
  }
  const rows = kind === 'csv' ? lines.length - 1 : lines.length;
  if (rows === 0) return { problem: 'empty' };
  if (rows > MAX_MANIFEST_ROWS) return { problem: 'rows', rows, max: MAX_MANIFEST_ROWS };
  return undefined;
}
