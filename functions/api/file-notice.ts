import { createHash } from 'node:crypto';
import { getItem, putIfAbsent } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { keys } from '../adapters/keys.ts';
import { policy } from '../adapters/policy-source.ts';
import { getIpRight } from '../adapters/registry-store.ts';
import { assertNoticeEligible } from '../domain/eligibility.ts';
import { DomainRuleError } from '../domain/errors.ts';
import { assertNoticeElements, noticeBodySchema, parseNotice } from '../domain/notice.ts';
import { fileNotice } from '../use-cases/file-notice.ts';
import { apiHandler, json } from './lib/handler.ts';
import { requireCallerRightsHolder } from './lib/parties.ts';
import { badRequest, conflict } from './lib/problem.ts';

/** Idempotency records are kept at least 24 h (API.md); DynamoDB's TTL deletes them after. */
const IDEMPOTENCY_TTL_SECONDS = 48 * 3600;

/**
 * POST /v1/notices (rights holder), with a required `Idempotency-Key`.
 *
 * 1. Parse the body (400, field errors) and check the statutory elements against the rights
 *    holder's profile and the IP right (400 for a missing element).
 * 2. Check the rules (422): a verified rights holder; the caller's own verified IP right, in force,
 *    of the notice's jurisdiction; evidence that is the caller's and sealed.
 * 3. Record the key with a hash of the body: the same key with another body is 409.
 * 4. File: ids derive from the caller and the key, so a replay (even a concurrent one) writes the
 *    same notice and answers the same 202 body. 202 only once every case is written and its
 *    execution started or left to the reconciler.
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
  const ipRight = await getIpRight(notice.ipRightId);
  const now = clock.now();
  if (ipRight && ipRight.rightsHolderId === rightsHolder.rightsHolderId) {
    assertNoticeElements(notice, {
      rightsHolder: {
        legalName: rightsHolder.legalName,
        address: rightsHolder.address,
        phone: rightsHolder.phone,
        email: rightsHolder.email,
      },
      ipRight: { title: ipRight.title, kind: ipRight.kind },
      now,
      policy,
    });
  }
  assertNoticeEligible({
    rightsHolder,
    ipRight: ipRight ?? {
      ipRightId: notice.ipRightId,
      rightsHolderId: '',
      kind: 'trademark',
      jurisdiction: notice.jurisdiction,
      status: 'rejected',
    },
    jurisdiction: notice.jurisdiction,
    infringementType: notice.infringementType,
    now,
  });
  await assertOwnSealedEvidence(rightsHolder.rightsHolderId, [
    ...notice.evidenceIds,
    ...(notice.testBuy ? [notice.testBuy.reportEvidenceId] : []),
  ]);

  const requestHash = createHash('sha256').update(canonicalJson(raw)).digest('hex');
  const record = {
    ...keys.idempotency(`notice#${caller.sub}`, key),
    type: 'Idempotency',
    requestHash,
    createdAt: now.toISOString(),
    ttl: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
  // A record past its ttl is absent: the key starts a new notice (DynamoDB may not have deleted
  // the record yet). The notice's ids derive from the key and the record's creation, so a key
  // reused after expiry files a new notice instead of answering with the old one.
  let generation = record.createdAt;
  if (!(await putIfAbsent(record, { now: Math.floor(now.getTime() / 1000) }))) {
    const existing = await getItem<{ requestHash: string; createdAt: string }>(
      keys.idempotency(`notice#${caller.sub}`, key),
    );
    if (existing && existing.requestHash !== requestHash)
      throw conflict('This Idempotency-Key was used with another body.');
    if (existing) generation = existing.createdAt;
  }
  const filed = await fileNotice({
    rightsHolderId: rightsHolder.rightsHolderId,
    idempotencyKey: `${caller.sub}:${key}:${generation}`,
    notice,
    filedBy: caller.sub,
  });
  return json(202, filed, { location: `/v1/notices/${filed.noticeId}` });
});

function headerValue(
  headers: Record<string, string | undefined> | null,
  name: string,
): string | undefined {
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
}

async function assertOwnSealedEvidence(
  rightsHolderId: string,
  evidenceIds: readonly string[],
): Promise<void> {
  const problems: { path: string; message: string }[] = [];
  for (const [i, evidenceId] of evidenceIds.entries()) {
    const evidence = await getItem<{
      ownerType?: string;
      ownerId?: string;
      owner?: string;
      status?: string;
    }>(keys.evidence(evidenceId));
    const owned =
      evidence &&
      (evidence.owner === `RH#${rightsHolderId}` ||
        (evidence.ownerType === 'rights-holder' && evidence.ownerId === rightsHolderId));
    if (!owned) problems.push({ path: `evidenceIds.${i}`, message: 'No such evidence of yours' });
    else if (evidence.status !== 'sealed')
      problems.push({ path: `evidenceIds.${i}`, message: 'The evidence is not sealed yet' });
  }
  if (problems.length > 0)
    throw new DomainRuleError(
      'evidence_not_sealed',
      'A notice may cite only your own sealed evidence',
      problems,
    );
}

/** JSON with sorted keys, so bodies that parse to the same JSON hash the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
