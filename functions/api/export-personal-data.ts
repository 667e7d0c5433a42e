import { exportParty } from '../adapters/retention-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound } from './lib/problem.ts';
import { PARTY_TYPES } from './schemas/personal-data.ts';

/**
 * GET /v1/personal-data/{partyType}/{partyId} (admin): everything the service holds about a rights
 * holder or a seller, as stored (GDPR Art 15, PIPL Art 45).
 */
export const handler = apiHandler(
  'GET /v1/personal-data/{partyType}/{partyId}',
  async ({ params }) => {
    const type = PARTY_TYPES[params.partyType as keyof typeof PARTY_TYPES];
    if (!type) throw notFound('party type');
    const exported = await exportParty({ type, id: params.partyId! });
    if (!exported.profile && (exported.cases as unknown[]).length === 0) throw notFound('party');
    return json(200, exported);
  },
);
