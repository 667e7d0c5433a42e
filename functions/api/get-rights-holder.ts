import { clock } from '../adapters/clock.ts';
import { getEvidence } from '../adapters/evidence-records.ts';
import { queryPartyPage } from '../adapters/party-items.ts';
import { getRightsHolder, listIpRights } from '../adapters/registry-store.ts';
import { evidenceView } from './lib/case-file-view.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound } from './lib/problem.ts';
import { standingOf } from './lib/standing.ts';
import { ipRightView, rightsHolderView } from './schemas/identity.ts';

/** How many of its latest notices and IP rights the profile shows. */
const RECENT = 10;

/**
 * GET /v1/rights-holders/{rightsHolderId} (reviewer): the applicant a verification decides on, or
 * the notifier behind a case: its profile and contact, the agent's letter of authorisation, its
 * standing, its latest IP rights and notices.
 */
export const handler = apiHandler('GET /v1/rights-holders/{rightsHolderId}', async ({ params }) => {
  const profile = await getRightsHolder(params.rightsHolderId!);
  if (!profile) throw notFound('rights holder');
  const [standing, ipRights, notices, letter] = await Promise.all([
    standingOf(profile, clock.now(), 'reviewer'),
    listIpRights(profile.rightsHolderId, { limit: RECENT }),
    queryPartyPage({
      partition: `RH#${profile.rightsHolderId}`,
      skPrefix: 'NOTICE#',
      limit: RECENT,
    }),
    profile.agentFor ? getEvidence(profile.agentFor.authorizationEvidenceId) : null,
  ]);
  return json(200, {
    ...rightsHolderView(profile, true),
    ...(profile.agentFor
      ? {
          authorization: evidenceView(
            profile.agentFor.authorizationEvidenceId,
            letter ?? undefined,
          ),
        }
      : {}),
    standing,
    ipRights: ipRights.items.map((item) => ipRightView(item, true)),
    recentNotices: notices.items.map((notice) => ({
      noticeId: notice.noticeId,
      infringementType: notice.infringementType,
      jurisdiction: notice.jurisdiction,
      cases: Array.isArray(notice.caseIds) ? notice.caseIds.length : 0,
      createdAt: notice.createdAt,
    })),
  });
});
