import { type CaseRecord, getCase } from '../../adapters/case-store.ts';
import type { Caller } from './identity.ts';
import { callerRightsHolder } from './parties.ts';
import { notFound } from './problem.ts';

export type CaseView = 'reviewer' | 'rights-holder' | 'seller';

/**
 * Loads a case the caller may see, and how they see it: a reviewer sees every case, a rights
 * holder its own, a seller the cases against its listings. Anything else is 404, so existence
 * never leaks (API.md, order of checks).
 */
export async function caseForCaller(
  caller: Caller,
  caseId: string,
  allowed: readonly CaseView[],
): Promise<{ record: CaseRecord; view: CaseView }> {
  const record = await getCase(caseId);
  if (!record) throw notFound('case');
  if (allowed.includes('reviewer') && caller.isReviewer) return { record, view: 'reviewer' };
  if (allowed.includes('rights-holder') && caller.roles.includes('rights-holder')) {
    const rightsHolder = await callerRightsHolder(caller);
    if (rightsHolder && rightsHolder.rightsHolderId === record.rightsHolderId)
      return { record, view: 'rights-holder' };
  }
  if (
    allowed.includes('seller') &&
    caller.roles.includes('seller') &&
    caller.sellerId &&
    caller.sellerId === record.sellerId
  ) {
    return { record, view: 'seller' };
  }
  throw notFound('case');
}
