import { getItem } from '../../adapters/case-store.ts';
import { keys } from '../../adapters/keys.ts';
import { getRightsHolder, type RightsHolderProfile } from '../../adapters/registry-store.ts';
import type { Caller } from './identity.ts';
import { forbidden, HttpProblem } from './problem.ts';

/**
 * The rights holder the caller acts for: linked to the caller's `sub` at registration. Until the
 * token carries `custom:rightsHolderId`, the link alone decides; a claim that disagrees with the
 * link gets 403 (API.md). Null when the caller has not registered one.
 */
export async function callerRightsHolder(caller: Caller): Promise<RightsHolderProfile | null> {
  const link = await getItem<{ rightsHolderId: string }>(keys.subLink(caller.sub));
  if (caller.rightsHolderIdClaim && link && caller.rightsHolderIdClaim !== link.rightsHolderId) {
    throw forbidden('The token names another rights holder than the one linked to this user.');
  }
  const rightsHolderId = link?.rightsHolderId;
  if (!rightsHolderId) {
    if (caller.rightsHolderIdClaim)
      throw forbidden('The token names a rights holder this user is not linked to.');
    return null;
  }
  return getRightsHolder(rightsHolderId);
}

/** As `callerRightsHolder`, but a caller with no registered rights holder gets 422. */
export async function requireCallerRightsHolder(caller: Caller): Promise<RightsHolderProfile> {
  const record = await callerRightsHolder(caller);
  if (!record) {
    throw new HttpProblem(
      422,
      'Unprocessable Content',
      'Register a rights holder first (POST /v1/rights-holders).',
      undefined,
      { code: 'rights_holder_not_registered' },
    );
  }
  return record;
}

/** The seller the caller acts for (`custom:sellerId`), or 403 when the token carries none. */
export function callerSellerId(caller: Caller): string {
  if (!caller.sellerId) throw forbidden('The token carries no seller id.');
  return caller.sellerId;
}
