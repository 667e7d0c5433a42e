import type { Notice } from '../../../functions/domain/notice.ts';
import { DEFAULT_POLICY_INPUT, type PolicyInput } from '../../../functions/domain/policy.ts';

/** A deep copy of the default policy input, for tests that change one field. */
export function policyInput(): PolicyInput {
  return structuredClone(DEFAULT_POLICY_INPUT) as PolicyInput;
}

/** A complete notice body; override fields per test. */
export function noticeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ipRightId: 'ipr-1',
    infringementType: 'copyright',
    jurisdiction: 'US',
    listings: [{ listingId: 'lst-1' }],
    explanation: 'The listing sells unlicensed prints of our registered photograph series.',
    evidenceIds: ['ev-1'],
    statements: { goodFaith: true, accurate: true, authorizedUnderPenaltyOfPerjury: true },
    signature: { fullName: 'Ada Lovelace', signedAt: '2026-03-02T14:00:00Z' },
    ...overrides,
  };
}

/** A parsed notice, for element checks. */
export function notice(overrides: Partial<Notice> = {}): Notice {
  return {
    ipRightId: 'ipr-1',
    infringementType: 'copyright',
    jurisdiction: 'US',
    listings: [{ listingId: 'lst-1' }],
    explanation: 'The listing sells unlicensed prints of our registered photograph series.',
    evidenceIds: ['ev-1'],
    statements: { goodFaith: true, accurate: true, authorizedUnderPenaltyOfPerjury: true },
    signature: { fullName: 'Ada Lovelace', signedAt: '2026-03-02T14:00:00Z' },
    ...overrides,
  };
}

/** A complete rights-holder profile. */
export const rightsHolderProfile = {
  legalName: 'Lovelace Images Ltd',
  address: '1 Analytical Way, London',
  phone: '+44 20 7946 0000',
  email: 'legal@lovelace.example',
};
