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
  return { record, view: await viewOfCase(caller, record, allowed) };
}

/** How the caller sees a case it has already read: as in `caseForCaller`, else 404. */
export async function viewOfCase(
  caller: Caller,
  record: Pick<CaseRecord, 'rightsHolderId' | 'sellerId'>,
  allowed: readonly CaseView[],
): Promise<CaseView> {
  if (allowed.includes('reviewer') && caller.isReviewer) return 'reviewer';
  if (allowed.includes('rights-holder') && caller.roles.includes('rights-holder')) {
    const rightsHolder = await callerRightsHolder(caller);
    if (rightsHolder && rightsHolder.rightsHolderId === record.rightsHolderId)
      return 'rights-holder';
  }
  if (
    allowed.includes('seller') &&
    caller.roles.includes('seller') &&
    caller.sellerId &&
    caller.sellerId === record.sellerId
  ) {
    return 'seller';
  }
  throw notFound('case');
}
