import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../../functions/domain/errors.ts';
import {
  assertNoticeElements,
  dedupeListings,
  type NoticeElementContext,
  parseNotice,
  validateNoticeElements,
} from '../../../functions/domain/notice.ts';
import { defaultPolicy } from '../../../functions/domain/policy.ts';
import { notice, noticeBody, rightsHolderProfile } from './fixtures.ts';

const context = (overrides: Partial<NoticeElementContext> = {}): NoticeElementContext => ({
  rightsHolder: rightsHolderProfile,
  ipRight: { title: 'Harbour at Dawn (photograph series)', kind: 'copyright' },
  now: new Date('2026-03-02T15:00:00Z'),
  policy: defaultPolicy,
  ...overrides,
});

function parseIssues(input: unknown): { path: string; message: string }[] {
  try {
    parseNotice(input);
  } catch (error) {
    if (error instanceof DomainValidationError) return error.issues;
    throw error;
  }
  return [];
}

describe('Function: parseNotice', () => {
  it('accepts a complete notice body', () => {
    // Act
    const parsed = parseNotice(noticeBody());

    // Assert
    expect(parsed.listings).toEqual([{ listingId: 'lst-1' }]);
  });

  it('merges a listing named twice into one, keeping the order', () => {
    // Act
    const parsed = parseNotice(
      noticeBody({
        listings: [{ listingId: 'lst-2' }, { listingId: 'lst-1' }, { listingId: 'lst-2' }],
      }),
    );

    // Assert
    expect(parsed.listings).toEqual([{ listingId: 'lst-2' }, { listingId: 'lst-1' }]);
  });

  it('defaults missing evidence to an empty list', () => {
    // Act
    const { evidenceIds } = parseNotice(noticeBody({ evidenceIds: undefined }));

    // Assert
    expect(evidenceIds).toEqual([]);
  });

  it('refuses an unknown field at its path', () => {
    // Act
    const issues = parseIssues(noticeBody({ priority: 'high' }));

    // Assert
    expect(issues).toEqual([{ path: 'priority', message: 'Unknown field' }]);
  });

  it('refuses a notice with no listings', () => {
    // Act
    const issues = parseIssues(noticeBody({ listings: [] }));

    // Assert
    expect(issues).toEqual([{ path: 'listings', message: 'Name at least one listing' }]);
  });

  it('refuses more than 100 listings', () => {
    // Arrange
    const listings = Array.from({ length: 101 }, (_, i) => ({ listingId: `lst-${i}` }));

    // Act
    const issues = parseIssues(noticeBody({ listings }));

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['listings']);
  });

  it('refuses a good-faith statement that is not true, citing the law', () => {
    // Act
    const issues = parseIssues(
      noticeBody({
        statements: { goodFaith: false, accurate: true, authorizedUnderPenaltyOfPerjury: true },
      }),
    );

    // Assert
    expect(issues).toEqual([
      { path: 'statements.goodFaith', message: expect.stringContaining('§512(c)(3)(A)(v)') },
    ]);
  });

  it('refuses a notice without a signature', () => {
    // Act
    const issues = parseIssues(noticeBody({ signature: undefined }));

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['signature']);
  });

  it('refuses a blank explanation', () => {
    // Act
    const issues = parseIssues(noticeBody({ explanation: '   ' }));

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['explanation']);
  });

  it('refuses an unknown infringement type', () => {
    // Act
    const issues = parseIssues(noticeBody({ infringementType: 'piracy' }));

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['infringementType']);
  });

  it('refuses a listing id with spaces', () => {
    // Act
    const issues = parseIssues(noticeBody({ listings: [{ listingId: 'lst 1' }] }));

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['listings.0.listingId']);
  });
});

describe('Function: dedupeListings', () => {
  it('keeps the first occurrence of each listing id', () => {
    // Act
    const result = dedupeListings([
      { listingId: 'a', note: 1 },
      { listingId: 'a', note: 2 },
    ]);

    // Assert
    expect(result).toEqual([{ listingId: 'a', note: 1 }]);
  });
});

describe('Function: validateNoticeElements', () => {
  it('finds nothing missing in a complete US copyright notice', () => {
    // Act
    const issues = validateNoticeElements(notice(), context());

    // Assert
    expect(issues).toEqual([]);
  });

  it('requires the complainant’s phone from the profile for US copyright (§512(c)(3)(A)(iv))', () => {
    // Act
    const issues = validateNoticeElements(
      notice(),
      context({ rightsHolder: { ...rightsHolderProfile, phone: '' } }),
    );

    // Assert
    expect(issues).toEqual([
      { path: 'rightsHolder.phone', message: expect.stringContaining('§512(c)(3)(A)(iv)') },
    ]);
  });

  it('requires an identified work for US copyright (§512(c)(3)(A)(ii))', () => {
    // Act
    const issues = validateNoticeElements(
      notice(),
      context({ ipRight: { title: ' ', kind: 'copyright' } }),
    );

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['ipRightId']);
  });

  it('cites platform policy rather than §512 for a US trademark notice', () => {
    // Act
    const issues = validateNoticeElements(
      notice({ infringementType: 'trademark' }),
      context({ rightsHolder: { ...rightsHolderProfile, address: undefined } }),
    );

    // Assert
    expect(issues[0]?.message).toMatch(/^Platform policy/);
  });

  it('refuses a signature dated in the future', () => {
    // Act
    const issues = validateNoticeElements(
      notice({ signature: { fullName: 'Ada Lovelace', signedAt: '2026-03-03T15:00:00Z' } }),
      context(),
    );

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['signature.signedAt']);
  });

  it('requires a substantiated explanation of at least the policy length for the EU (DSA Art 16(2)(a))', () => {
    // Act
    const issues = validateNoticeElements(
      notice({ jurisdiction: 'EU', explanation: 'Fake.' }),
      context(),
    );

    // Assert
    expect(issues).toEqual([
      { path: 'explanation', message: expect.stringContaining('DSA Art 16(2)(a)') },
    ]);
  });

  it('requires the notifier’s email for the EU (DSA Art 16(2)(c))', () => {
    // Act
    const issues = validateNoticeElements(
      notice({ jurisdiction: 'EU' }),
      context({ rightsHolder: { legalName: 'Lovelace Images Ltd' } }),
    );

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['rightsHolder.email']);
  });

  it('does not ask an EU notifier for a phone number', () => {
    // Act
    const issues = validateNoticeElements(
      notice({ jurisdiction: 'EU' }),
      context({
        rightsHolder: { legalName: 'Lovelace Images Ltd', email: 'legal@lovelace.example' },
      }),
    );

    // Assert
    expect(issues).toEqual([]);
  });

  it('requires preliminary evidence for CN (E-Commerce Law Art 42)', () => {
    // Act
    const issues = validateNoticeElements(
      notice({ jurisdiction: 'CN', infringementType: 'trademark', evidenceIds: [] }),
      context(),
    );

    // Assert
    expect(issues).toEqual([{ path: 'evidenceIds', message: expect.stringContaining('Art 42') }]);
  });

  it('accepts a test buy as preliminary evidence for CN', () => {
    // Act
    const issues = validateNoticeElements(
      notice({
        jurisdiction: 'CN',
        infringementType: 'counterfeit',
        evidenceIds: [],
        testBuy: { orderId: 'ORD-1', reportEvidenceId: 'ev-9' },
      }),
      context(),
    );

    // Assert
    expect(issues).toEqual([]);
  });

  it('requires the rights holder’s real identity (address) for CN (Civil Code Art 1195)', () => {
    // Act
    const issues = validateNoticeElements(
      notice({ jurisdiction: 'CN' }),
      context({ rightsHolder: { legalName: 'Lovelace Images Ltd' } }),
    );

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['rightsHolder.address']);
  });
});

describe('Function: assertNoticeElements', () => {
  it('throws a DomainValidationError listing every missing element', () => {
    // Act
    const act = () =>
      assertNoticeElements(
        notice(),
        context({ rightsHolder: { legalName: 'Lovelace Images Ltd' } }),
      );

    // Assert
    expect(act).toThrow(DomainValidationError);
  });
});
