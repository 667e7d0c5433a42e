import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../functions/domain/policy.ts';
import {
  buildStatementOfReasons,
  type StatementOfReasonsInput,
} from '../../../functions/domain/statement-of-reasons.ts';
import {
  EEA_COUNTRIES,
  transparencyDatabaseRecord,
} from '../../../functions/domain/transparency-database.ts';
import { batchErrors } from '../../../functions/domain/transparency-database-rules.ts';

const base: StatementOfReasonsInput = {
  caseId: 'case-1',
  listing: { listingId: 'lst-1', title: 'Jane Doe’s handbag', url: 'https://shop.example/l/1' },
  jurisdiction: 'EU',
  infringementType: 'copyright',
  ipRight: { kind: 'copyright', title: 'Harbour at Dawn' },
  source: 'notice',
  notifier: { name: 'Lovelace Images Ltd', email: 'legal@lovelace.example' },
  accountMeasure: 'suspended',
  carriesWarning: false,
  automated: { detection: true, decision: 'not_automated' },
  decidedAt: new Date('2026-03-02T15:00:00Z'),
  reviewerExplanation: 'Seller Jane Doe admitted copying.',
  counterNoticeDueAt: '2026-03-16T15:00:00.000Z',
  policy: defaultPolicy,
};
const record = (overrides: Partial<StatementOfReasonsInput> = {}, trustedFlagger = false) =>
  transparencyDatabaseRecord(buildStatementOfReasons({ ...base, ...overrides }), {
    puid: 'sor-case-1-1',
    infringementType: overrides.infringementType ?? base.infringementType,
    trustedFlagger,
    contentDate: '2025-11-20T08:00:00.000Z',
  });

describe('Function: transparencyDatabaseRecord', () => {
  it('produces statements the database accepts under its documented rules, for every type and source', () => {
    // Arrange
    const produced = (
      ['counterfeit', 'trademark', 'copyright', 'patent', 'design'] as const
    ).flatMap((infringementType) =>
      [false, true].flatMap((trusted) =>
        (['notice', 'own_initiative'] as const).map((source) =>
          record({ infringementType, source }, trusted),
        ),
      ),
    );

    // Act
    const errors = batchErrors(produced.map((statement, i) => ({ ...statement, puid: `p-${i}` })));

    // Assess
    expect(produced).toHaveLength(20);
    expect(errors).toEqual({});
  });

  it('is refused by the rules without content_date, or with a puid of other characters', () => {
    // Arrange
    const { content_date: _omitted, ...withoutDate } = record();

    // Act
    const errors = batchErrors([withoutDate, { ...record(), puid: 'has space' }]);

    // Assess
    expect(Object.keys(errors.statement_0 ?? {})).toEqual(['content_date']);
    expect(Object.keys(errors.statement_1 ?? {})).toEqual(['puid']);
  });

  it('maps a notice-based takedown with a suspension to the database fields', () => {
    // Act
    const result = record();

    // Assert
    expect(result).toEqual({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
      decision_account: 'DECISION_ACCOUNT_SUSPENDED',
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      illegal_content_legal_ground: expect.stringContaining('Directive 2001/29/EC'),
      illegal_content_explanation: expect.any(String),
      content_type: ['CONTENT_TYPE_PRODUCT'],
      category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
      category_specification: ['KEYWORD_COPYRIGHT_INFRINGEMENT'],
      territorial_scope: [...EEA_COUNTRIES],
      decision_facts: expect.any(String),
      source_type: 'SOURCE_ARTICLE_16',
      automated_detection: 'Yes',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      account_type: 'ACCOUNT_TYPE_BUSINESS',
      application_date: '2026-03-02',
      content_date: '2025-11-20',
      puid: 'sor-case-1-1',
    });
  });

  it('holds no personal data: no notifier, seller, listing title, URL or reviewer text', () => {
    // Act
    const serialized = JSON.stringify(record());

    // Assert
    expect(serialized).not.toMatch(/Lovelace|lovelace|Jane Doe|shop\.example|admitted/);
  });

  it('keeps the legal ground within 500 and the explanation within 2000 characters', () => {
    // Act
    const result = record({ infringementType: 'design' });

    // Assert
    expect([
      result.illegal_content_legal_ground.length <= 500,
      result.illegal_content_explanation.length <= 2000,
      result.decision_facts.length <= 5000,
    ]).toEqual([true, true, true]);
  });

  it('marks a trusted flagger’s notice as such', () => {
    // Act
    const result = record({}, true);

    // Assert
    expect(result.source_type).toBe('SOURCE_TRUSTED_FLAGGER');
  });

  it('marks an own-initiative decision as voluntary', () => {
    // Act
    const result = record({ source: 'own_initiative', notifier: undefined });

    // Assert
    expect(result.source_type).toBe('SOURCE_VOLUNTARY');
  });

  it('files a counterfeit under the trademark keyword', () => {
    // Act
    const result = record({ infringementType: 'counterfeit' });

    // Assert
    expect(result.category_specification).toEqual(['KEYWORD_TRADEMARK_INFRINGEMENT']);
  });

  it('reports a restriction as a partial suspension of the service, not an account suspension', () => {
    // Act
    const result = record({ accountMeasure: 'restricted' });

    // Assert
    expect([result.decision_provision, result.decision_account]).toEqual([
      'DECISION_PROVISION_PARTIAL_SUSPENSION',
      undefined,
    ]);
  });

  it('throws a RangeError for an empty puid', () => {
    // Act
    const act = () =>
      transparencyDatabaseRecord(buildStatementOfReasons(base), {
        puid: '',
        infringementType: 'copyright',
        contentDate: '2025-11-20',
      });

    // Assert
    expect(act).toThrow(RangeError);
  });
});
