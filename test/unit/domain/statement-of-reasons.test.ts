import { describe, expect, it } from 'vitest';
import { defaultPolicy, parsePolicy } from '../../../functions/domain/policy.ts';
import {
  buildStatementOfReasons,
  type StatementOfReasonsInput,
} from '../../../functions/domain/statement-of-reasons.ts';
import { policyInput } from './fixtures.ts';

function input(overrides: Partial<StatementOfReasonsInput> = {}): StatementOfReasonsInput {
  return {
    caseId: 'case-1',
    listing: { listingId: 'lst-1', title: 'Handbag', url: 'https://shop.example/listings/lst-1' },
    jurisdiction: 'EU',
    infringementType: 'counterfeit',
    ipRight: { kind: 'trademark', title: 'ACME', registrationNumber: 'EUTM 018000001' },
    source: 'notice',
    notifier: { name: 'ACME GmbH', email: 'ip@acme.example' },
    accountMeasure: 'warning',
    strikeExpiresAt: '2027-03-02T15:00:00.000Z',
    carriesWarning: true,
    automated: { detection: false, decision: 'not_automated' },
    decidedAt: new Date('2026-03-02T15:00:00Z'),
    reviewerExplanation: 'The logo and the serial label match the notifier’s test-buy report.',
    counterNoticeDueAt: '2026-03-16T15:00:00.000Z',
    policy: defaultPolicy,
    ...overrides,
  };
}

describe('Function: buildStatementOfReasons', () => {
  it('states the facts of this case: the listing, the right, the evidence considered and the reviewer’s reasons (Art 17(3)(b))', () => {
    // Act
    const { facts } = buildStatementOfReasons(
      input({
        considered: {
          explanation: 'Fake ACME handbags.',
          evidence: [{ fileName: 'test-buy.pdf' }, { fileName: 'photos.png' }],
          testBuy: true,
        },
      }),
    );

    // Assert
    expect(facts.summary).toContain('"Handbag" (lst-1, https://shop.example/listings/lst-1)');
    expect(facts.summary).toContain('trademark "ACME" (registration EUTM 018000001)');
    expect(facts.summary).toContain('2 evidence files ("test-buy.pdf", "photos.png")');
    expect(facts.summary).toContain('a test-buy report');
    expect(facts.summary).toContain('The logo and the serial label match');
    // The record for the Commission's database keeps no names, files or free text.
    expect(facts.publicSummary).not.toMatch(/test-buy\.pdf|ACME|logo/);
    expect(facts.publicSummary).toContain('2 evidence files');
  });

  it('states one territorial scope, the one applied: everywhere, EEA included', () => {
    // Act
    const { measure } = buildStatementOfReasons(input());

    // Assert
    expect(measure.listing.territorialScope).toEqual({ kind: 'global' });
    expect(measure.listing.scope).toContain('in every country, including every EEA member state');
  });

  it('states the measure on the listing and on the account with their durations (Art 17(3)(a))', () => {
    // Act
    const { measure } = buildStatementOfReasons(input());

    // Assert
    expect(measure).toEqual({
      listing: {
        restriction: 'disabled',
        territorialScope: { kind: 'global' },
        scope: expect.stringContaining('https://shop.example/listings/lst-1'),
        duration: expect.any(String),
      },
      account: {
        measure: 'warning',
        description: expect.stringContaining('IP-education notice'),
        duration: expect.stringContaining('2027-03-02T15:00:00.000Z'),
        strikeExpiresAt: '2027-03-02T15:00:00.000Z',
      },
    });
  });

  it('names the notifier when the profile discloses names (Art 17(3)(b))', () => {
    // Act
    const { facts } = buildStatementOfReasons(input());

    // Assert
    expect(facts.notifier).toBe('The decision follows a notice from the rights holder: ACME GmbH.');
  });

  it('describes the notifier neutrally when the policy withholds its identity', () => {
    // Arrange
    const config = policyInput();
    config.profiles.EU.notifierDisclosure = 'none';
    const policy = parsePolicy(config);

    // Act
    const { facts } = buildStatementOfReasons(input({ policy }));

    // Assert
    expect(facts.notifier).not.toContain('ACME');
  });

  it('says an own-initiative decision did not follow a notice', () => {
    // Act
    const { facts } = buildStatementOfReasons(
      input({ source: 'own_initiative', notifier: undefined }),
    );

    // Assert
    expect(facts).toMatchObject({
      source: 'own_initiative',
      notifier: expect.stringContaining('own initiative'),
    });
  });

  it('states the use of automated means in detection and decision (Art 17(3)(c))', () => {
    // Act
    const { automatedMeans } = buildStatementOfReasons(
      input({ automated: { detection: true, decision: 'partially' } }),
    );

    // Assert
    expect(automatedMeans).toEqual({
      detection: true,
      decision: 'partially',
      summary:
        'The listing was detected by automated means. The decision was taken by a person, assisted by automated means.',
    });
  });

  it('gives the legal ground with the reviewer’s reasons (Art 17(3)(d))', () => {
    // Act
    const { legalGround } = buildStatementOfReasons(input());

    // Assert
    expect(legalGround).toMatchObject({
      reference: expect.stringContaining('Regulation (EU) 2017/1001'),
      caseExplanation: expect.stringContaining('test-buy report'),
    });
  });

  it('offers all four routes of redress in the EU, the internal complaint open six months (Arts 20, 21)', () => {
    // Act
    const { redress } = buildStatementOfReasons(input());

    // Assert
    expect(redress).toEqual([
      {
        kind: 'counter_notice',
        dueAt: '2026-03-16T15:00:00.000Z',
        description: expect.any(String),
      },
      {
        kind: 'internal_complaint',
        availableUntil: '2026-09-02T15:00:00.000Z',
        description: expect.stringContaining('Art 20'),
      },
      { kind: 'out_of_court_settlement', description: expect.stringContaining('Art 21') },
      { kind: 'judicial_redress', description: expect.any(String) },
    ]);
  });

  it('offers no DSA out-of-court body for a US case', () => {
    // Act
    const { redress } = buildStatementOfReasons(
      input({ jurisdiction: 'US', infringementType: 'copyright' }),
    );

    // Assert
    expect(redress.map((option) => option.kind)).toEqual([
      'counter_notice',
      'internal_complaint',
      'judicial_redress',
    ]);
  });

  it('explains the §512(g) timer in the counter-notice route of a US copyright case', () => {
    // Act
    const { redress } = buildStatementOfReasons(
      input({ jurisdiction: 'US', infringementType: 'copyright' }),
    );

    // Assert
    expect(redress[0]?.description).toContain('once 10 full US business days have passed');
  });

  it('names a restriction, not a suspension, as the next step after a first warning', () => {
    // Act
    const statement = buildStatementOfReasons(
      input({ nextStep: { measure: 'restricted', strikesAway: 1 } }),
    );

    // Assert
    expect(statement.warning).toContain('the next step is a restriction of your seller account');
    expect(statement.warning).not.toContain('suspen');
    expect(statement.measure.account.nextStep).toEqual({ measure: 'restricted', strikesAway: 1 });
  });

  it('names the suspension as the next step after a restriction', () => {
    // Act
    const statement = buildStatementOfReasons(
      input({ accountMeasure: 'restricted', nextStep: { measure: 'suspended', strikesAway: 1 } }),
    );

    // Assert
    expect(statement.warning).toContain('the suspension of your seller account');
  });

  it('shows the seller the notifier only as the profile discloses it', () => {
    // Act
    const statement = buildStatementOfReasons(input());

    // Assert
    expect(statement.facts.notifierIdentity).toEqual({ kind: 'rights_holder', name: 'ACME GmbH' });
  });

  it('carries no warning on a suspension', () => {
    // Act
    const statement = buildStatementOfReasons(
      input({ accountMeasure: 'suspended', carriesWarning: false }),
    );

    // Assert
    expect(statement.warning).toBeUndefined();
  });
});
