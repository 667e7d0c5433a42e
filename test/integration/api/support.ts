import { createHash } from 'node:crypto';
import type { LocalCloud } from '../../../local/cloud.ts';

/** A parsed JSON response body: tests read it field by field. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted on, not typed
export type JsonBody = any;

/** A Bearer token for any identity, minted by the local issuer. */
export async function tokenFor(
  cloud: LocalCloud,
  identity: { sub: string; groups: string[]; rightsHolderId?: string; sellerId?: string },
): Promise<string> {
  const res = await fetch(`${cloud.url}/_local/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(identity),
  });
  if (res.status !== 201) throw new Error(`minting a token failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** The ready token of a seeded demo user. */
export async function demoToken(cloud: LocalCloud, name: string): Promise<string> {
  const users = (await (await fetch(`${cloud.url}/_local/users`)).json()) as {
    name: string;
    token: string;
  }[];
  const user = users.find((u) => u.name === name);
  if (!user) throw new Error(`no demo user ${name}`);
  return user.token;
}

/** Calls the API as a token; answers the status, headers and parsed body. */
export async function call(
  cloud: LocalCloud,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: JsonBody }> {
  const res = await fetch(`${cloud.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Posts a file through a presigned POST, as a browser form would. */
export function postForm(
  upload: { url: string; fields: Record<string, string> },
  file: Uint8Array,
  contentType: string,
  fileName = 'evidence',
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([file], { type: contentType }), fileName);
  return fetch(upload.url, { method: 'POST', body: form });
}

/**
 * Uploads evidence end to end: declares it (POST /v1/evidence), posts the file, and waits for the
 * bucket notification to settle it. `declaredSha256` overrides the hash declared.
 */
export async function uploadEvidence(
  cloud: LocalCloud,
  token: string,
  file: Uint8Array,
  options: { contentType?: string; fileName?: string; declaredSha256?: string } = {},
): Promise<{ evidenceId: string; uploadStatus: number }> {
  const contentType = options.contentType ?? 'text/plain';
  const fileName = options.fileName ?? 'evidence.txt';
  const created = await call(cloud, 'POST', '/v1/evidence', token, {
    fileName,
    contentType,
    size: file.byteLength,
    sha256: options.declaredSha256 ?? sha256Hex(file),
  });
  if (created.status !== 201) throw new Error(`POST /v1/evidence: ${created.status}`);
  const res = await postForm(created.body.upload, file, contentType, fileName);
  await res.arrayBuffer();
  await cloud.settled();
  return { evidenceId: created.body.evidenceId, uploadStatus: res.status };
}
