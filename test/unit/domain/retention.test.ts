import { describe, expect, it } from 'vitest';
import {
  caseRetention,
  DEFAULT_RETENTION_POLICY,
  evidenceRetention,
  partyRetention,
  type RetainedCase,
  underLegalHold,
} from '../../../functions/domain/retention.ts';

const closed: RetainedCase = {
  caseId: 'case-1',
  status: 'upheld',
  jurisdiction: 'EU',
  closedAt: '2026-01-10T00:00:00.000Z',
  updatedAt: '2026-01-10T00:00:00.000Z',
};
const judge = (record: RetainedCase, now: string, legalHold = false) =>
  caseRetention({
    record,
    legalHold,
    appealWindow: 'P184D',
    policy: DEFAULT_RETENTION_POLICY,
    now: new Date(now),
  });

describe('Function: caseRetention', () => {
  it('keeps an open case’s data, with no known end', () => {
    // Act
    const verdict = judge({ ...closed, status: 'awaiting_review' }, '2030-01-01T00:00:00Z');
    // Assess
    expect(verdict).toEqual({ caseId: 'case-1', kept: true, reason: 'case_open' });
  });

  it('keeps a closed case’s data until its appeal window has passed, counted from the closing', () => {
    // Act
    const verdict = judge(closed, '2026-07-12T23:59:59Z');
    // Assess
    expect(verdict).toEqual({
      caseId: 'case-1',
      kept: true,
      reason: 'appeal_window',
      until: '2026-07-13T00:00:00.000Z',
    });
  });

  it('lets a closed case’s data go once its appeal window has passed', () => {
    // Act
    const verdict = judge(closed, '2026-07-13T00:00:00Z');
    // Assess
    expect(verdict).toEqual({ caseId: 'case-1', kept: false });
  });

  it('keeps a held case’s data however old it is', () => {
    // Act
    const verdict = judge(closed, '2040-01-01T00:00:00Z', true);
    // Assess
    expect(verdict).toEqual({ caseId: 'case-1', kept: true, reason: 'legal_hold' });
  });

  it('keeps a reversed takedown’s data for the three years of a wrongful-notice claim', () => {
    // Act
    const verdict = judge({ ...closed, status: 'restored' }, '2027-01-01T00:00:00Z');
    // Assess
    expect(verdict).toEqual({
      caseId: 'case-1',
      kept: true,
      reason: 'wrongful_notice_claim',
      until: '2029-01-10T00:00:00.000Z',
    });
  });
});

describe('Function: underLegalHold', () => {
  it('holds a case from a reported court action until a later release', () => {
    // Arrange
    const reported = { type: 'court_action_reported' as const, at: '2026-02-01T00:00:00Z' };
    const released = { type: 'legal_hold_released' as const, at: '2026-03-01T00:00:00Z' };
    // Act / Assess
    expect(underLegalHold([])).toBe(false);
    expect(underLegalHold([reported])).toBe(true);
    expect(underLegalHold([released, reported])).toBe(false);
    expect(underLegalHold([released, reported, { ...reported, at: '2026-04-01T00:00:00Z' }])).toBe(
      true,
    );
  });
});

describe('Function: partyRetention', () => {
  it('erases a party only when no case needs its data, and names the latest known end otherwise', () => {
    // Act
    const none = partyRetention([{ caseId: 'a', kept: false }]);
    const dated = partyRetention([
      { caseId: 'a', kept: true, reason: 'appeal_window', until: '2026-07-13T00:00:00.000Z' },
      {
        caseId: 'b',
        kept: true,
        reason: 'wrongful_notice_claim',
        until: '2029-01-10T00:00:00.000Z',
      },
    ]);
    const open = partyRetention([
      { caseId: 'a', kept: true, reason: 'appeal_window', until: '2026-07-13T00:00:00.000Z' },
      { caseId: 'b', kept: true, reason: 'case_open' },
    ]);
    // Assess
    expect(none).toEqual({ erasable: true, kept: [] });
    expect(dated.erasable).toBe(false);
    expect(dated.until).toBe('2029-01-10T00:00:00.000Z');
    expect(open.erasable).toBe(false);
    expect(open.until).toBeUndefined();
  });
});

describe('Function: evidenceRetention', () => {
  it('keeps proof of a registered right and evidence a kept case cites, and deletes the rest', () => {
    // Act / Assess
    expect(
      evidenceRetention({ evidenceId: 'e', provesRegisteredRight: true, citedByKeptCase: false }),
    ).toEqual({ deletable: false, reason: 'proves_registered_right' });
    expect(
      evidenceRetention({ evidenceId: 'e', provesRegisteredRight: false, citedByKeptCase: true }),
    ).toEqual({ deletable: false, reason: 'cited_by_kept_case' });
    expect(
      evidenceRetention({ evidenceId: 'e', provesRegisteredRight: false, citedByKeptCase: false }),
    ).toEqual({ deletable: true });
  });
});
