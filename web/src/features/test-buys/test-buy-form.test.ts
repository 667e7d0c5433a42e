import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../api/contract.ts';
import { emptyTestBuyDraft, missingFields, takedownOption, testBuyBody } from './test-buy-form.ts';

const file = (overrides: Partial<CaseFile> = {}) =>
  ({
    caseId: 'case-1',
    status: 'rejected',
    listingId: 'lst-1',
    sellerId: 'seller-1',
    listing: {
      listingId: 'lst-1',
      title: 'ACME hoodie',
      url: null,
      createdAt: null,
      status: 'active',
    },
    ipRight: {
      ipRightId: 'ipr-acme-tm-us',
      kind: 'trademark',
      title: 'ACME',
      jurisdiction: 'US',
      owner: 'ACME Brands Ltd',
      status: 'verified',
    },
    ...overrides,
  }) as CaseFile;

const draft = {
  ...emptyTestBuyDraft(),
  orderId: ' ORD-77 ',
  orderDate: '2026-11-20',
  orderTime: '14:30',
  outcome: 'counterfeit_confirmed' as const,
};

describe('Function: takedownOption', () => {
  it('offers a takedown of a live listing under a verified trademark', () => {
    expect(takedownOption(file())).toBe('available');
  });

  it('offers none once the listing is down', () => {
    const down = file({ listing: { ...file().listing, status: 'disabled' } });
    expect(takedownOption(down)).toBe('listing_down');
  });

  it('offers none while the case itself can still take the listing down', () => {
    expect(takedownOption(file({ status: 'awaiting_review' }))).toBe('case_open');
  });

  it('offers none under a copyright: a counterfeit infringes a trademark', () => {
    expect(takedownOption(file({ ipRight: { ...file().ipRight!, kind: 'copyright' } }))).toBe(
      'no_trademark',
    );
  });
});

describe('Function: missingFields', () => {
  it('names every field an empty form lacks, the report first', () => {
    expect(missingFields(emptyTestBuyDraft(), undefined)).toEqual([
      'report',
      'orderId',
      'orderDate',
      'orderTime',
      'outcome',
    ]);
  });

  it('finds nothing missing in a complete form', () => {
    expect(missingFields(draft, 'ev-1')).toEqual([]);
  });
});

describe('Function: testBuyBody', () => {
  it('attaches a test buy to the case, with the order time as an instant', () => {
    expect(testBuyBody(draft, file(), 'ev-1')).toEqual({
      sellerId: 'seller-1',
      listingId: 'lst-1',
      caseId: 'case-1',
      orderId: 'ORD-77',
      orderedAt: new Date(2026, 10, 20, 14, 30).toISOString(),
      outcome: 'counterfeit_confirmed',
      reportEvidenceId: 'ev-1',
      ipRightId: 'ipr-acme-tm-us',
    });
  });

  it('asks for a takedown in a case of its own, not attached to this one', () => {
    const body = testBuyBody({ ...draft, takedown: true, notes: 'Fake stitching' }, file(), 'ev-1');
    expect(body).toMatchObject({ takedown: true, notes: 'Fake stitching' });
    expect(body).not.toHaveProperty('caseId');
  });

  it('never asks for a takedown on a genuine outcome', () => {
    const body = testBuyBody({ ...draft, outcome: 'genuine', takedown: true }, file(), 'ev-1');
    expect(body).not.toHaveProperty('takedown');
    expect(body.caseId).toBe('case-1');
  });
});
