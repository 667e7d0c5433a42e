import { randomUUID } from 'node:crypto';
import { clock } from '../adapters/clock.ts';
import { registerIpRight } from '../adapters/registry-store.ts';
import { assertOwnSealedEvidence } from './evidence-access.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { unprocessable } from './lib/problem.ts';
import { registerIpRightBodySchema } from './schemas/identity.ts';

/**
 * POST /v1/ip-rights (rights-holder): registers an IP right of the caller's rights holder,
 * `pending_verification`, queued for reviewers. Its proof must be the caller's sealed evidence
 * (else 422), so a reviewer sees exactly the bytes that were hashed.
 */
export const handler = apiHandler('POST /v1/ip-rights', async ({ caller, body }) => {
  const rightsHolder = await callerRightsHolder(caller);
  const input = body(registerIpRightBodySchema);
  if (!rightsHolder) {
    throw unprocessable(
      'Register a rights holder first (POST /v1/rights-holders).',
      undefined,
      'rights_holder_not_registered',
    );
  }
  await assertOwnSealedEvidence(caller, input.proofEvidenceIds, 'proofEvidenceIds');
  const ipRightId = `ipr-${randomUUID()}`;
  await registerIpRight(
    {
      ipRightId,
      rightsHolderId: rightsHolder.rightsHolderId,
      kind: input.kind,
      title: input.title,
      ...(input.registrationNumber ? { registrationNumber: input.registrationNumber } : {}),
      jurisdiction: input.jurisdiction,
      owner: input.owner,
      ...(input.validUntil ? { validUntil: input.validUntil } : {}),
      proofEvidenceIds: [...new Set(input.proofEvidenceIds)],
      status: 'pending_verification',
      createdAt: clock.now().toISOString(),
    },
    rightsHolder.legalName,
  );
  return json(201, { ipRightId, status: 'pending_verification' });
});
