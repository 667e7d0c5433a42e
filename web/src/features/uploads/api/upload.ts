import { useCallback, useRef, useState } from 'react';
import { useApi } from '../../../api/api-context.tsx';
import { type ApiClient, unwrap } from '../../../api/client.ts';
import { ApiProblem } from '../../../api/problem.ts';

/** The evidence types the service accepts by default (API.md, POST /v1/evidence). */
export const EVIDENCE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'text/plain',
  'text/html',
] as const;

/** The default size limit of one evidence file (a manifest too): 25 MiB. */
export const MAX_EVIDENCE_BYTES = 26_214_400;

/**
 * What an upload is for (API.md, Bulk notices): a bulk notice's listings, staff's signed report
 * of a mystery test buy, or evidence.
 */
export type UploadPurpose = 'evidence' | 'manifest' | 'test_buy_report';

/** The types a manifest may be (API.md, Bulk notices): CSV or JSON Lines. */
export const MANIFEST_TYPES = ['text/csv', 'application/x-ndjson'] as const;

export type UploadStatus = 'hashing' | 'uploading' | 'sealing' | 'sealed' | 'failed';

/** One file on its way to becoming sealed evidence. */
export interface Upload {
  id: string;
  file: File;
  status: UploadStatus;
  /** 0..100 of the bytes sent to storage. */
  progress: number;
  sha256?: string;
  evidenceId?: string;
  error?: unknown;
}

/** The file's SHA-256, as 64 lowercase hex digits, computed in the browser (Web Crypto). */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The type to declare: the browser's, or by extension where the browser does not know it. A
 * manifest goes by its extension (`.csv`, `.jsonl`, `.ndjson`), since browsers name CSV
 * differently (Windows: application/vnd.ms-excel) and JSON Lines not at all.
 */
export function contentTypeOf(file: File, purpose: UploadPurpose = 'evidence'): string {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  if (purpose === 'manifest') {
    const manifestType = (
      { csv: 'text/csv', jsonl: 'application/x-ndjson', ndjson: 'application/x-ndjson' } as Record<
        string,
        string
      >
    )[ext];
    if (manifestType) return manifestType;
  }
  if (file.type) return file.type;
  return (
    (
      { pdf: 'application/pdf', txt: 'text/plain', html: 'text/html', htm: 'text/html' } as Record<
        string,
        string
      >
    )[ext] ?? 'application/octet-stream'
  );
}

/**
 * Sends the file to the presigned POST as a form (XMLHttpRequest, the one browser API that reports
 * upload progress). Storage answers 204 or an S3 XML error.
 */
function postToStorage(
  url: string,
  fields: Record<string, string>,
  file: File,
  onProgress: (percent: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else {
        const code = /<Code>([^<]+)<\/Code>/.exec(xhr.responseText)?.[1];
        const message = /<Message>([^<]+)<\/Message>/.exec(xhr.responseText)?.[1];
        reject(
          new ApiProblem({
            type: 'about:blank',
            title: code ?? 'Upload refused',
            status: xhr.status,
            detail: message ?? '',
          }),
        );
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiProblem({ type: 'about:blank', title: 'Network error', status: 0, detail: '' }),
      );
    xhr.send(form);
  });
}

/** Waits until the service has hashed the stored object and sealed (or rejected) it. */
async function awaitSealing(api: ApiClient, evidenceId: string): Promise<'sealed' | 'rejected'> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const evidence = await unwrap(
      api.GET('/v1/evidence/{evidenceId}', { params: { path: { evidenceId } } }),
    );
    if (evidence.status === 'sealed' || evidence.status === 'rejected') return evidence.status;
    await new Promise((r) => setTimeout(r, Math.min(2000, 250 + attempt * 100)));
  }
  throw new ApiProblem({
    type: 'about:blank',
    title: 'Sealing takes longer than expected',
    status: 504,
    detail: evidenceId,
  });
}

/**
 * Uploads evidence files: each is hashed in the browser, registered (POST /v1/evidence with its
 * SHA-256), sent to storage with a progress bar, then awaited until the service sealed it. With
 * `purpose: 'manifest'` the files are a bulk notice's listings (CSV or JSON Lines).
 */
export function useEvidenceUploads(options: { purpose?: UploadPurpose } = {}) {
  const purpose = options.purpose ?? 'evidence';
  const api = useApi();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const counter = useRef(0);
  const patch = useCallback(
    (id: string, change: Partial<Upload>) =>
      setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...change } : u))),
    [],
  );

  const uploadOne = useCallback(
    async (id: string, file: File) => {
      try {
        const sha256 = await sha256Hex(file);
        patch(id, { sha256, status: 'uploading' });
        const created = await unwrap(
          api.POST('/v1/evidence', {
            body: {
              fileName: file.name,
              contentType: contentTypeOf(file, purpose),
              size: file.size,
              sha256,
              ...(purpose !== 'evidence' ? { purpose } : {}),
            },
          }),
        );
        patch(id, { evidenceId: created.evidenceId });
        await postToStorage(
          created.upload.url,
          created.upload.fields as Record<string, string>,
          file,
          (progress) => patch(id, { progress }),
        );
        patch(id, { progress: 100, status: 'sealing' });
        const sealed = await awaitSealing(api, created.evidenceId);
        patch(id, { status: sealed === 'sealed' ? 'sealed' : 'failed' });
      } catch (error) {
        patch(id, { status: 'failed', error });
      }
    },
    [api, patch, purpose],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      const added = files.map((file) => {
        counter.current += 1;
        return { id: `u${counter.current}`, file, status: 'hashing' as const, progress: 0 };
      });
      setUploads((all) => [...all, ...added]);
      for (const upload of added) void uploadOne(upload.id, upload.file);
    },
    [uploadOne],
  );

  const remove = useCallback(
    (id: string) => setUploads((all) => all.filter((u) => u.id !== id)),
    [],
  );

  const sealedIds = uploads.flatMap((u) =>
    u.status === 'sealed' && u.evidenceId ? [u.evidenceId] : [],
  );
  const busy = uploads.some((u) => u.status !== 'sealed' && u.status !== 'failed');
  return { uploads, add, remove, sealedIds, busy, purpose };
}

export type EvidenceUploads = ReturnType<typeof useEvidenceUploads>;
