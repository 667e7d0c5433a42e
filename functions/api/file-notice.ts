import { VolumeQuotaExceeded } from '../domain/bulk-notice.ts';
import { noticeBodySchema, parseNotice } from '../domain/notice.ts';
import { acceptNotice, IdempotencyKeyReused } from '../use-cases/file-notice.ts';
import { apiHandler, json } from './lib/handler.ts';
import { requireCallerRightsHolder } from './lib/parties.ts';
import { badRequest, conflict, HttpProblem } from './lib/problem.ts';

/**
 * POST /v1/notices (rights holder), with a required `Idempotency-Key`: parses the header and the
 * body (400, field errors), resolves the caller's rights holder, and hands the notice to the use
 * case (acceptNotice: statutory elements, eligibility, evidence, idempotency, quota, filing). 202
 * only once every case is written and its execution started or left to the reconciler; for a bulk
 * notice (a manifest), once the notice is written and its fan-out started or left to the
 * reconciler (`status: "fanning_out"`). Past the daily volume quota: 429 with `resetsAt`.
 */
export const handler = apiHandler('POST /v1/notices', async ({ caller, event, body }) => {
  const key = headerValue(event.headers, 'idempotency-key');
  if (!key || !/^[\x21-\x7e]{8,128}$/.test(key)) {
    throw badRequest('The Idempotency-Key header is required: 8 to 128 printable characters.', [
      { path: 'headers.Idempotency-Key', message: 'Required' },
    ]);
  }
  const raw = body(noticeBodySchema);
  const notice = parseNotice(raw);
  const rightsHolder = await requireCallerRightsHolder(caller);
  try {
    const filed = await acceptNotice({
      callerSub: caller.sub,
      rightsHolder,
      idempotencyKey: key,
      body: raw,
      notice,
    });
    return json(202, filed, { location: `/v1/notices/${filed.noticeId}` });
  } catch (error) {
    if (error instanceof IdempotencyKeyReused) throw conflict(error.message);
    if (error instanceof VolumeQuotaExceeded)
      throw new HttpProblem(429, 'Too Many Requests', error.message, undefined, {
        code: 'volume_quota_exceeded',
        quota: error.quota,
        used: error.used,
        requested: error.requested,
        resetsAt: error.resetsAt,
      });
    throw error;
  }
});

function headerValue(
  headers: Record<string, string | undefined> | null,
  name: string,
): string | undefined {
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
}
