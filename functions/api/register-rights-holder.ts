import { randomUUID } from 'node:crypto';
import { clock } from '../adapters/clock.ts';
import { getEvidence } from '../adapters/evidence-records.ts';
import { logger } from '../adapters/logger.ts';
import { AlreadyRegistered, registerRightsHolder } from '../adapters/registry-store.ts';
import { setRightsHolderAttribute } from '../adapters/user-directory.ts';
import { audienceForCountry, resolveAudience } from '../domain/locale.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { conflict, unprocessable } from './lib/problem.ts';
import { registerRightsHolderBodySchema } from './schemas/identity.ts';

/**
 * POST /v1/rights-holders (rights-holder): registers the rights holder the caller acts for,
 * `pending_verification`, linked to the caller's `sub` (one per user: a second registration
 * gets 409) and queued for reviewers. An agent's letter of authorisation must be the caller's own
 * sealed evidence (uploaded before registration, so owned by the caller's `sub`).
 */
export const handler = apiHandler('POST /v1/rights-holders', async ({ caller, body }) => {
  const existing = await callerRightsHolder(caller);
  const input = body(registerRightsHolderBodySchema);
  if (input.agentFor) {
    const letter = await getEvidence(input.agentFor.authorizationEvidenceId);
    if (!letter || letter.owner !== `SUB#${caller.sub}` || letter.status !== 'sealed') {
      throw unprocessable(
        'The letter of authorisation must be your own sealed evidence.',
        [{ path: 'agentFor.authorizationEvidenceId', message: 'Not your sealed evidence' }],
        'evidence_not_sealed',
      );
    }
  }
  if (existing) throw conflict('You registered a rights holder already.');
  const rightsHolderId = `rh-${randomUUID()}`;
  try {
    await registerRightsHolder({
      rightsHolderId,
      ownerSub: caller.sub,
      legalName: input.legalName,
      entityType: input.type,
      country: input.country,
      address: input.address,
      email: input.email,
      phone: input.phone,
      ...(input.agentFor ? { agentFor: input.agentFor } : {}),
      ...resolveAudience(input, audienceForCountry(input.country)),
      status: 'pending_verification',
      createdAt: clock.now().toISOString(),
    });
  } catch (error) {
    if (error instanceof AlreadyRegistered)
      throw conflict('You registered a rights holder already.');
    throw error;
  }
  // The user's next ID token carries `custom:rightsHolderId`; until then the backend resolves the
  // rights holder from `sub` (API.md, Identity). The link is written first, so a failure here
  // loses nothing: the next token simply lacks the claim.
  try {
    await setRightsHolderAttribute(caller.username ?? caller.sub, rightsHolderId);
  } catch (error) {
    logger.error('could not set custom:rightsHolderId; the sub link still resolves it', {
      rightsHolderId,
      error: (error as Error).name,
    });
  }
  return json(201, { rightsHolderId, status: 'pending_verification' });
});
