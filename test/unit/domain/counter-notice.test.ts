import { describe, expect, it } from 'vitest';
import {
  assertCounterNoticeElements,
  type CounterNotice,
  parseCounterNotice,
  validateCounterNoticeElements,
} from '../../../functions/domain/counter-notice.ts';
import { DomainValidationError } from '../../../functions/domain/errors.ts';

const now = new Date('2026-03-10T15:00:00Z');
const complete: CounterNotice = {
  statement: 'I have a good-faith belief the listing was removed by mistake: I own a licence.',
  underPenaltyOfPerjury: true,
  consentToJurisdiction: true,
  district: 'Eastern District of Virginia',
  acceptServiceOfProcess: true,
  material: {
    description: 'Photographs of my own product',
    location: 'https://marketplace.example/listings/l-1',
  },
  contact: {
    name: 'Grace Hopper',
    address: '1 Compiler Lane, Arlington VA',
    phone: '+1 703 555 0100',
    email: 'grace@seller.example',
  },
  signature: { fullName: 'Grace Hopper', signedAt: '2026-03-10T14:00:00Z' },
  evidenceIds: ['ev-licence'],
};
const paths = (
  counterNotice: CounterNotice,
  jurisdiction: 'US' | 'CN' | 'EU',
  type = 'copyright' as const,
) =>
  validateCounterNoticeElements(counterNotice, { jurisdiction, infringementType: type, now }).map(
    (issue) => issue.path,
  );

describe('Function: parseCounterNotice', () => {
  it('accepts a complete counter-notice body', () => {
    // Act
    const parsed = parseCounterNotice(complete);

    // Assert
    expect(parsed.contact.name).toBe('Grace Hopper');
  });

  it('accepts a bare statement, leaving element checks to the jurisdiction', () => {
    // Act
    const parsed = parseCounterNotice({ statement: 'The product is my own design.' });

    // Assert
    expect(parsed).toEqual({
      statement: 'The product is my own design.',
      contact: {},
      evidenceIds: [],
    });
  });

  it('refuses a perjury statement sent as false', () => {
    // Act
    const act = () => parseCounterNotice({ ...complete, underPenaltyOfPerjury: false });

    // Assert
    expect(act).toThrow(DomainValidationError);
  });

  it('refuses an unknown field', () => {
    // Act
    const act = () => parseCounterNotice({ ...complete, apology: 'sorry' });

    // Assert
    expect(act).toThrow(/apology: Unknown field/);
  });
});

describe('Function: validateCounterNoticeElements', () => {
  it('finds nothing missing in a complete US copyright counter-notice', () => {
    // Act
    const result = paths(complete, 'US');

    // Assert
    expect(result).toEqual([]);
  });

  it('requires every §512(g)(3) element for US copyright', () => {
    // Act
    const result = paths({ statement: 'Mistake.', contact: {}, evidenceIds: [] }, 'US');

    // Assert
    expect(result).toEqual([
      'signature',
      'underPenaltyOfPerjury',
      'contact.name',
      'contact.address',
      'contact.phone',
      'consentToJurisdiction',
      'district',
      'acceptServiceOfProcess',
      'material',
    ]);
  });

  it('accepts the service provider’s districts for a seller outside the US, but not both', () => {
    // Arrange
    const { district: _district, ...abroad } = complete;

    // Act
    const outside = paths({ ...abroad, serviceProviderDistrict: true }, 'US');
    const both = paths({ ...complete, serviceProviderDistrict: true }, 'US');

    // Assert
    expect(outside).toEqual([]);
    expect(both).toEqual(['district']);
  });

  it('asks only for signature and name on a US trademark re-review', () => {
    // Act
    const result = validateCounterNoticeElements(
      { statement: 'Genuine goods.', contact: {}, evidenceIds: [] },
      { jurisdiction: 'US', infringementType: 'trademark', now },
    ).map((issue) => issue.path);

    // Assert
    expect(result).toEqual(['signature', 'contact.name']);
  });

  it('requires preliminary evidence of non-infringement for CN (Art 43, Civil Code 1196)', () => {
    // Act
    const result = paths({ ...complete, evidenceIds: [] }, 'CN');

    // Assert
    expect(result).toEqual(['evidenceIds']);
  });

  it('requires the seller’s real identity for CN', () => {
    // Act
    const result = paths({ ...complete, contact: {} }, 'CN');

    // Assert
    expect(result).toEqual(['contact.name', 'contact.address']);
  });

  it('needs only a statement in the EU', () => {
    // Act
    const result = paths({ statement: 'Genuine goods.', contact: {}, evidenceIds: [] }, 'EU');

    // Assert
    expect(result).toEqual([]);
  });

  it('refuses a signature dated in the future', () => {
    // Act
    const result = paths(
      { ...complete, signature: { fullName: 'Grace Hopper', signedAt: '2026-03-11T15:00:00Z' } },
      'EU',
    );

    // Assert
    expect(result).toEqual(['signature.signedAt']);
  });
});

describe('Function: assertCounterNoticeElements', () => {
  it('throws a DomainValidationError when an element is missing', () => {
    // Act
    const act = () =>
      assertCounterNoticeElements(
        { ...complete, consentToJurisdiction: undefined },
        { jurisdiction: 'US', infringementType: 'copyright', now },
      );

    // Assert
    expect(act).toThrow(/consentToJurisdiction/);
  });
});
