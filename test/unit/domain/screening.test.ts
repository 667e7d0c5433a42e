import { describe, expect, it } from 'vitest';
import type { Listing } from '../../../functions/domain/ports/marketplace.ts';
import { type ScreeningInput, screenCase } from '../../../functions/domain/screening.ts';

const listing: Listing = {
  listingId: 'lst-1',
  sellerId: 'seller-1',
  sellerEmail: 'seller-1@example.com',
  title: 'Handbag',
  url: 'https://shop.example/listings/lst-1',
  status: 'active',
  createdAt: '2026-01-05T10:00:00.000Z',
};

function input(overrides: Partial<ScreeningInput> = {}): ScreeningInput {
  return {
    caseId: 'case-2',
    jurisdiction: 'EU',
    infringementType: 'counterfeit',
    rightsHolder: { rightsHolderId: 'rh-1', status: 'verified' },
    ipRight: {
      ipRightId: 'ipr-1',
      rightsHolderId: 'rh-1',
      kind: 'trademark',
      jurisdiction: 'EU',
      status: 'verified',
    },
    listing,
    casesForListing: [],
    now: new Date('2026-03-02T15:00:00Z'),
    ...overrides,
  };
}

describe('Function: screenCase', () => {
  it('accepts a case that passes every check', () => {
    // Act
    const result = screenCase(input());

    // Assert
    expect(result).toEqual({ outcome: 'accepted' });
  });

  it('rejects a case of an unverified rights holder with its reason code', () => {
    // Act
    const result = screenCase(
      input({ rightsHolder: { rightsHolderId: 'rh-1', status: 'pending_verification' } }),
    );

    // Assert
    expect(result).toMatchObject({ outcome: 'rejected', reasonCode: 'rights_holder_not_verified' });
  });

  it('rejects a case whose IP right has expired', () => {
    // Act
    const result = screenCase(
      input({
        ipRight: { ...input().ipRight, validUntil: '2025-12-31' },
      }),
    );

    // Assert
    expect(result).toMatchObject({ outcome: 'rejected', reasonCode: 'ip_right_not_in_force' });
  });

  it('rejects a listing the marketplace does not know', () => {
    // Act
    const result = screenCase(input({ listing: null }));

    // Assert
    expect(result).toMatchObject({ outcome: 'rejected', reasonCode: 'listing_not_found' });
  });

  it('rejects a listing that is not live', () => {
    // Act
    const result = screenCase(input({ listing: { ...listing, status: 'deleted' } }));

    // Assert
    expect(result).toMatchObject({ outcome: 'rejected', reasonCode: 'listing_not_live' });
  });

  it('links to the open case for the same listing and IP right', () => {
    // Act
    const result = screenCase(
      input({
        casesForListing: [{ caseId: 'case-1', ipRightId: 'ipr-1', status: 'awaiting_review' }],
      }),
    );

    // Assert
    expect(result).toEqual({ outcome: 'duplicate', duplicateOf: 'case-1' });
  });

  it('calls a listing already taken down by an open case a duplicate, not a rejection', () => {
    // Act
    const result = screenCase(
      input({
        listing: { ...listing, status: 'disabled' },
        casesForListing: [
          { caseId: 'case-1', ipRightId: 'ipr-1', status: 'awaiting_counter_notice' },
        ],
      }),
    );

    // Assert
    expect(result).toEqual({ outcome: 'duplicate', duplicateOf: 'case-1' });
  });

  it('does not count a closed case or another IP right as a duplicate', () => {
    // Act
    const result = screenCase(
      input({
        casesForListing: [
          { caseId: 'case-1', ipRightId: 'ipr-1', status: 'restored' },
          { caseId: 'case-3', ipRightId: 'ipr-9', status: 'awaiting_review' },
        ],
      }),
    );

    // Assert
    expect(result).toEqual({ outcome: 'accepted' });
  });

  it('does not call the case a duplicate of itself on a retried screen', () => {
    // Act
    const result = screenCase(
      input({ casesForListing: [{ caseId: 'case-2', ipRightId: 'ipr-1', status: 'screening' }] }),
    );

    // Assert
    expect(result).toEqual({ outcome: 'accepted' });
  });

  it('rejects a case whose notice lacks an element', () => {
    // Act
    const result = screenCase(
      input({ noticeElementIssues: [{ path: 'evidenceIds', message: 'Evidence is required' }] }),
    );

    // Assert
    expect(result).toEqual({
      outcome: 'rejected',
      reasonCode: 'notice_incomplete',
      detail: 'evidenceIds: Evidence is required',
    });
  });
});
