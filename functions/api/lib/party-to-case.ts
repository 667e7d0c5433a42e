import type { CaseRecord } from '../../adapters/case-store.ts';
import { getItem } from '../../adapters/case-store.ts';
import { keys } from '../../adapters/keys.ts';
import type { Caller } from './identity.ts';
import { unprocessable } from './problem.ts';

/**
 * Separation of duties: a reviewer whose token also carries a seller or rights-holder identity
 * that is a party to the case may not decide it (422). The rights holder is found by the token's
 * claim or by the link of the caller's `sub`, as for any rights-holder request.
 */
export async function refuseIfPartyToCase(caller: Caller, record: CaseRecord): Promise<void> {
  const sellerParty = Boolean(caller.sellerId && caller.sellerId === record.sellerId);
  let rightsHolderParty = caller.rightsHolderIdClaim === record.rightsHolderId;
  if (!sellerParty && !rightsHolderParty) {
    const link = await getItem<{ rightsHolderId: string }>(keys.subLink(caller.sub));
    rightsHolderParty = link?.rightsHolderId === record.rightsHolderId;
  }
  if (sellerParty || rightsHolderParty) {
    throw unprocessable(
      'You are a party to this case (its seller or its rights holder): another reviewer must decide it.',
      undefined,
      'reviewer_is_party',
    );
  }
}
