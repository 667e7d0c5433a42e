import { getEvidenceRecords } from '../adapters/evidence-records.ts';
import { getIpRight, getRightsHolder } from '../adapters/registry-store.ts';
import { evidenceView } from './lib/case-file-view.ts';
import { apiHandler, json } from './lib/handler.ts';
import { callerRightsHolder } from './lib/parties.ts';
import { notFound } from './lib/problem.ts';
import { ipRightView } from './schemas/identity.ts';

/**
 * GET /v1/ip-rights/{ipRightId} (reviewer; the owner rights holder): an IP right with its proof
 * (name, type, size, SHA-256, sealing status of each document) and its holder's name, as a
 * verification needs it. Another rights holder's right is 404.
 */
export const handler = apiHandler('GET /v1/ip-rights/{ipRightId}', async ({ caller, params }) => {
  const ipRight = await getIpRight(params.ipRightId!);
  if (!ipRight) throw notFound('IP right');
  if (!caller.isReviewer) {
    const own = await callerRightsHolder(caller);
    if (own?.rightsHolderId !== ipRight.rightsHolderId) throw notFound('IP right');
  }
  const proofIds = ipRight.proofEvidenceIds ?? [];
  const [holder, byId] = await Promise.all([
    getRightsHolder(ipRight.rightsHolderId),
    getEvidenceRecords(proofIds),
  ]);
  return json(200, {
    ...ipRightView(ipRight, caller.isReviewer),
    rightsHolderName: holder?.legalName ?? null,
    proof: proofIds.map((id) => evidenceView(id, byId.get(id))),
  });
});
