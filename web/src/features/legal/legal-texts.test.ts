import { describe, expect, it } from 'vitest';
import { agreementBody, agreementFields } from './api/legal-texts.ts';

describe('Statutory statements', () => {
  it('asks for agreement only to the statements that name a body field', () => {
    // Arrange
    const texts = [
      { key: 'signature', text: 'A signature.', source: '§512(g)(3)(A)' },
      {
        key: 'underPenaltyOfPerjury',
        field: 'underPenaltyOfPerjury',
        text: 'I swear…',
        source: '§512(g)(3)(C)',
      },
    ];
    // Act
    const fields = agreementFields(texts);
    // Assert
    expect(fields).toEqual(['underPenaltyOfPerjury']);
  });

  it('sends each agreed dot path as a nested true', () => {
    // Act
    const body = agreementBody(['statements.goodFaith', 'statements.accurate', 'consent']);
    // Assert
    expect(body).toEqual({ statements: { goodFaith: true, accurate: true }, consent: true });
  });
});
