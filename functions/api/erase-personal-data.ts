import { clock } from '../adapters/clock.ts';
import { policy } from '../adapters/policy-source.ts';
import { exportParty } from '../adapters/retention-store.ts';
import { DEFAULT_RETENTION_POLICY } from '../domain/retention.ts';
import { applyRetention } from '../use-cases/apply-retention.ts';
import { apiHandler, json } from './lib/handler.ts';
import { notFound } from './lib/problem.ts';
import { PARTY_TYPES } from './schemas/personal-data.ts';

/**
 * POST /v1/personal-data/{partyType}/{partyId}/erasure (admin): a data-subject erasure request
 * (GDPR Art 17, PIPL Art 47). It erases what the retention rules allow now, and answers (and
 * records) what it kept and why (Art 17(3)(e): claims; legal holds).
 */
export const handler = apiHandler(
  'POST /v1/personal-data/{partyType}/{partyId}/erasure',
  async ({ params }) => {
    const type = PARTY_TYPES[params.partyType as keyof typeof PARTY_TYPES];
    if (!type) throw notFound('party type');
    const party = { type, id: params.partyId! };
    const held = await exportParty(party);
    if (!held.profile && (held.cases as unknown[]).length === 0) throw notFound('party');
    const outcome = await applyRetention({
      party,
      policy,
      retention: DEFAULT_RETENTION_POLICY,
      now: clock.now(),
    });
    return json(200, outcome);
  },
);
