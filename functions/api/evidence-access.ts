import { citedEvidenceIds, readCaseCore } from '../adapters/case-file-reader.ts';
import {
  type EvidenceOwner,
  type EvidenceRecord,
  getEvidence,
} from '../adapters/evidence-store.ts';
import { sellerCasesCiteEvidence } from '../adapters/seller-account.ts';
import { assertOwnSealedEvidence as assertOwnedSealed } from '../use-cases/evidence-ownership.ts';
import { viewOfCase } from './lib/case-access.ts';
import type { Caller } from './lib/identity.ts';
import { callerRightsHolder, callerSellerId } from './lib/parties.ts';
import { notFound } from './lib/problem.ts';

/**
 * Who the caller uploads evidence as: its rights holder (or, before it registered one, its own
 * `sub`, e.g. for an agent's letter of authorisation), else its seller account.
 */
export async function uploadOwnerOf(caller: Caller): Promise<EvidenceOwner> {
  // Staff upload for the platform (a test buy's report), which any reviewer may then cite.
  if (caller.isReviewer) return 'PLATFORM';
  if (caller.roles.includes('rights-holder')) {
    const rightsHolder = await callerRightsHolder(caller);
    return rightsHolder ? `RH#${rightsHolder.rightsHolderId}` : `SUB#${caller.sub}`;
  }
  return `SELLER#${callerSellerId(caller)}`;
}

/** Every owner the caller's evidence may be stored under (its rights holder, its sub, its seller). */
export async function evidenceOwnersOf(caller: Caller): Promise<string[]> {
  const owners: string[] = caller.isReviewer ? ['PLATFORM'] : [];
  if (caller.roles.includes('rights-holder')) {
    const rightsHolder = await callerRightsHolder(caller);
    if (rightsHolder) owners.push(`RH#${rightsHolder.rightsHolderId}`);
    owners.push(`SUB#${caller.sub}`);
  }
  if (caller.roles.includes('seller') && caller.sellerId) owners.push(`SELLER#${caller.sellerId}`);
  return owners;
}

/**
 * Refuses a body that cites evidence other than the caller's own sealed evidence (API.md: every
 * `evidenceIds[]` anywhere): 422 with one issue per offending index (`<path>.<i>`).
 */
export async function assertOwnSealedEvidence(
  caller: Caller,
  evidenceIds: readonly string[],
  path = 'evidenceIds',
): Promise<void> {
  if (evidenceIds.length === 0) return;
  await assertOwnedSealed(await evidenceOwnersOf(caller), evidenceIds, path);
}

/**
 * The evidence, if the caller may see it: a reviewer sees all; an owner its own; with
 * `citedForSeller`, a seller also sees evidence cited by a notice behind one of its cases; with
 * `caseId`, every party of that case sees what the case cites for it (the seller the notice's
 * evidence and test buy, the rights holder the seller's counter-evidence). Anything else, and
 * evidence the named case does not cite, is 404, so existence never leaks.
 */
export async function evidenceForCaller(
  caller: Caller,
  evidenceId: string,
  options: { citedForSeller: boolean; caseId?: string },
): Promise<EvidenceRecord> {
  const record = await getEvidence(evidenceId);
  if (!record) throw notFound('evidence');
  if (caller.isReviewer) return record;
  if ((await evidenceOwnersOf(caller)).includes(record.owner)) return record;
  if (options.caseId && (await caseCitesForCaller(caller, options.caseId, evidenceId)))
    return record;
  if (
    options.citedForSeller &&
    caller.roles.includes('seller') &&
    caller.sellerId &&
    (await sellerCasesCiteEvidence(caller.sellerId, evidenceId))
  ) {
    return record;
  }
  throw notFound('evidence');
}

/** Whether the case cites the evidence for the caller's party (404 for another party's case). */
async function caseCitesForCaller(
  caller: Caller,
  caseId: string,
  evidenceId: string,
): Promise<boolean> {
  const core = await readCaseCore(caseId, { withSeller: false });
  if (!core) throw notFound('evidence');
  const view = await viewOfCase(caller, core.record, ['rights-holder', 'seller']).catch(() => {
    throw notFound('evidence');
  });
  // The rights holder's replies to a request for information go to the reviewer, not the seller.
  const timeline = view === 'seller' ? [] : core.timeline;
  return citedEvidenceIds(core.notice, core.counterNotice, timeline, core.testBuys).includes(
    evidenceId,
  );
}
