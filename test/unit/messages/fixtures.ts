import type { Audience, Locale } from '../../../functions/domain/locale.ts';
import { defaultPolicy } from '../../../functions/domain/policy.ts';
import { buildStatementOfReasons } from '../../../functions/domain/statement-of-reasons.ts';
import type { MessageContext } from '../../../functions/messages/context.ts';
import type { Message } from '../../../functions/messages/messages.ts';
import { portalLinks } from '../../../functions/messages/portal.ts';

/** How each locale's reader is set up in the snapshots: a US reader and a Chinese one. */
export const AUDIENCES: Record<Locale, Audience> = {
  en: { locale: 'en', timeZone: 'America/New_York' },
  'zh-CN': { locale: 'zh-CN', timeZone: 'Asia/Shanghai' },
};

export const PORTAL = 'https://portal.example.com';

export const context = (locale: Locale): MessageContext => ({
  audience: AUDIENCES[locale],
  links: portalLinks(PORTAL),
});

const listing = {
  listingId: 'lst-s2-001',
  title: 'ACME anvil, cast iron, 50 kg',
  url: 'https://demo-marketplace.invalid/listings/lst-s2-001',
};

const REASONS =
  'The anvil carries the ACME word mark on its side; ACME never made cast-iron anvils in this size.';

function statement(jurisdiction: 'US' | 'EU' | 'CN', overrides: { copyright?: boolean } = {}) {
  return buildStatementOfReasons({
    caseId: 'case-0a1b2c3d4e5f60718293',
    listing,
    jurisdiction,
    infringementType: overrides.copyright ? 'copyright' : 'counterfeit',
    ipRight: overrides.copyright
      ? { kind: 'copyright', title: 'Roadrunner product photography 2025' }
      : { kind: 'trademark', title: 'ACME', registrationNumber: 'CN-60000123' },
    source: 'notice',
    notifier: { name: 'ACME Brands Ltd', email: 'ip@acme.demo.invalid' },
    accountMeasure: 'warning',
    strikeExpiresAt: '2027-12-15T14:30:00.000Z',
    carriesWarning: true,
    nextStep: { measure: 'restricted', strikesAway: 1 },
    automated: { detection: false, decision: 'not_automated' },
    decidedAt: new Date('2026-12-15T14:30:00Z'),
    reviewerExplanation: REASONS,
    counterNoticeDueAt: '2026-12-29T14:30:00.000Z',
    policy: defaultPolicy,
  });
}

/** One message of each kind (and each outcome worth seeing), as the workflow would send it. */
export const EXAMPLES: Record<string, Message> = {
  'account-seller-suspended': {
    kind: 'account_measure',
    facts: {
      event: 'seller_suspended',
      until: '2027-01-13T09:15:00.000Z',
      measure: {
        description:
          'Your seller account is suspended: none of your listings is shown on the marketplace while the suspension lasts.',
        duration:
          "Until 2027-01-13T09:15:00.000Z, a period set by the platform's policy (DSA Art 23(1)); it ends earlier if the strikes behind it are revoked or expire.",
      },
      facts: '3 strikes count toward escalation (4 listings); 4 of your 40 listings (10%).',
      reasons: 'Four counterfeit listings posted within two weeks of the warning.',
    },
  },
  'account-notifier-warned': {
    kind: 'account_measure',
    facts: { event: 'notifier_warned' },
  },
  'digest-rights-holder': {
    kind: 'digest',
    facts: {
      role: 'rights_holder',
      periodEnd: '2026-12-14T10:00:00.000Z',
      items: [
        { caseId: 'case-1', subject: 'Listing lst-1 taken down', at: '2026-12-14T09:20:00.000Z' },
        {
          caseId: 'case-2',
          subject: 'Your notice about listing lst-2 was rejected',
          at: '2026-12-14T09:40:00.000Z',
        },
      ],
    },
  },
  'digest-seller': {
    kind: 'digest',
    facts: {
      role: 'seller',
      periodEnd: '2026-12-15T00:00:00.000Z',
      items: [
        {
          caseId: 'oi-sh-1',
          subject: 'Listing lst-9 taken down: statement of reasons',
          at: '2026-12-14T09:20:00.000Z',
        },
      ],
    },
  },
  'fan-out-summary': {
    kind: 'fan_out_summary',
    facts: {
      noticeId: 'ntc-5f1e2d3c4b5a69788796',
      total: 2000,
      started: 1890,
      duplicates: 60,
      rejected: 50,
      rejectedRows: Array.from({ length: 25 }, (_, i) => ({
        row: 10 * (i + 1),
        reason: 'The marketplace has no listing at this URL',
      })),
    },
  },
  'notice-receipt-bulk': {
    kind: 'notice_receipt',
    facts: {
      noticeId: 'ntc-5f1e2d3c4b5a69788796',
      receivedAt: '2026-12-14T09:15:00.000Z',
      jurisdiction: 'EU',
      infringementType: 'counterfeit',
      ipRight: { kind: 'trademark', title: 'ACME', registrationNumber: 'EUTM-018123456' },
      cases: [],
      manifestRows: 2000,
    },
  },
  'notice-receipt': {
    kind: 'notice_receipt',
    facts: {
      noticeId: 'ntc-5f1e2d3c4b5a69788796',
      receivedAt: '2026-12-14T09:15:00.000Z',
      jurisdiction: 'EU',
      infringementType: 'counterfeit',
      ipRight: { kind: 'trademark', title: 'ACME', registrationNumber: 'EUTM-018000123' },
      cases: [
        { caseId: 'case-0a1b2c3d4e5f60718293', listingId: 'lst-s2-001' },
        { caseId: 'case-1b2c3d4e5f6071829304', listingId: 'lst-s1-002' },
      ],
    },
  },
  'listing-decision-taken-down': {
    kind: 'listing_decision',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      noticeId: 'ntc-5f1e2d3c4b5a69788796',
      listing,
      jurisdiction: 'US',
      decidedAt: '2026-12-15T14:30:00.000Z',
      outcome: 'taken_down',
      reasons: REASONS,
      counterNoticeDueAt: '2026-12-29T14:30:00.000Z',
    },
  },
  'listing-decision-rejected': {
    kind: 'listing_decision',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      noticeId: 'ntc-5f1e2d3c4b5a69788796',
      listing,
      jurisdiction: 'EU',
      decidedAt: '2026-12-15T14:30:00.000Z',
      outcome: 'rejected',
      reasons:
        'The listing shows a generic anvil; the ACME mark does not appear on it or its page.',
      complaintUntil: '2027-06-17T14:30:00.000Z',
    },
  },
  'listing-decision-not-accepted': {
    kind: 'listing_decision',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      noticeId: 'ntc-5f1e2d3c4b5a69788796',
      listing: { listingId: 'lst-gone' },
      jurisdiction: 'CN',
      decidedAt: '2026-12-14T09:16:00.000Z',
      outcome: 'not_accepted',
      screeningReason: 'listing_not_found',
      complaintUntil: '2027-06-16T09:16:00.000Z',
    },
  },
  'listing-decision-duplicate': {
    kind: 'listing_decision',
    facts: {
      caseId: 'case-1b2c3d4e5f6071829304',
      noticeId: 'ntc-5f1e2d3c4b5a69788796',
      listing,
      jurisdiction: 'US',
      decidedAt: '2026-12-14T09:16:00.000Z',
      outcome: 'duplicate',
      duplicateOf: 'case-0a1b2c3d4e5f60718293',
    },
  },
  'info-request': {
    kind: 'info_request',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      dueAt: '2026-12-22T14:30:00.000Z',
      reasons: 'Please upload the test-buy report showing the serial label.',
    },
  },
  'statement-of-reasons-eu': {
    kind: 'statement_of_reasons',
    facts: {
      statement: statement('EU'),
      notice: {
        explanation: 'Counterfeit ACME anvils: the mark is applied without our consent.',
        evidenceCount: 2,
      },
    },
  },
  'statement-of-reasons-cn': {
    kind: 'statement_of_reasons',
    facts: {
      statement: statement('CN'),
      notice: {
        explanation: '该商品使用了ACME注册商标，权利人从未生产此类商品。',
        evidenceCount: 1,
      },
    },
  },
  'statement-of-reasons-us-copyright': {
    kind: 'statement_of_reasons',
    facts: { statement: statement('US', { copyright: true }) },
  },
  'counter-notice-forwarded-us': {
    kind: 'counter_notice_forwarded',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      jurisdiction: 'US',
      counterNotice: {
        receivedAt: '2026-12-16T15:00:00.000Z',
        statement: 'These are my own photographs; the removal is a mistake.',
        contact: {
          name: 'Rosa Counterpart',
          address: '42 Dispute Lane, Springfield, IL 62701, US',
          phone: '+1-217-555-0142',
          email: 'rosa.counterpart@seller.example.invalid',
        },
        signature: { fullName: 'Rosa Counterpart', signedAt: '2026-12-16T14:58:00.000Z' },
        statutory: {
          underPenaltyOfPerjury: true,
          consentToJurisdiction: true,
          district: 'Central District of Illinois',
          serviceProviderDistrict: false,
          acceptServiceOfProcess: true,
          material: {
            description: 'Photographs of a cast-iron anvil',
            location: 'https://marketplace.example/listings/l-anvil-1',
          },
        },
        evidenceCount: 1,
      },
      restoreNotBefore: '2027-01-02T05:00:00.000Z',
      courtActionDueAt: '2027-01-02T05:00:00.000Z',
    },
  },
  'counter-notice-forwarded-cn': {
    kind: 'counter_notice_forwarded',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      jurisdiction: 'CN',
      counterNotice: {
        receivedAt: '2026-12-16T15:00:00.000Z',
        statement: '本店铸铁砧为自有品牌产品，未使用ACME商标，附进货凭证。',
        contact: {
          name: '王小明',
          address: '浙江省杭州市余杭区文一西路1号',
          phone: '+86-571-5555-0142',
          email: 'wang@seller.example.invalid',
        },
        evidenceCount: 2,
      },
    },
  },
  'counter-notice-forwarded-cn-no-phone': {
    kind: 'counter_notice_forwarded',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      jurisdiction: 'CN',
      counterNotice: {
        receivedAt: '2026-12-16T15:00:00.000Z',
        statement: '本店商品为自有品牌。',
        contact: { name: '王小明', address: '浙江省杭州市余杭区文一西路1号' },
        evidenceCount: 1,
      },
    },
  },
  'appeal-decided-seller-upheld': {
    kind: 'appeal_decided',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      appealId: 'case-0a1b2c3d4e5f60718293.a1',
      listing,
      jurisdiction: 'EU',
      appellant: 'seller',
      against: 'takedown',
      outcome: 'upheld',
      reasons: 'The invoices show the goods were bought from the brand’s authorised distributor.',
    },
  },
  'appeal-decided-notifier-dismissed': {
    kind: 'appeal_decided',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      appealId: 'case-0a1b2c3d4e5f60718293.a2',
      listing,
      jurisdiction: 'CN',
      appellant: 'notifier',
      against: 'restore',
      outcome: 'dismissed',
      reasons: 'The seller’s licence covers the goods; the restore stands.',
    },
  },
  'counter-notice-re-review': {
    kind: 'counter_notice_re_review',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      reReviewDueAt: '2026-12-19T15:00:00.000Z',
    },
  },
  'case-outcome-restored': {
    kind: 'case_outcome',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      jurisdiction: 'EU',
      outcome: 'restored',
      restoredBecause: 're_review_founded',
      reasons: 'The seller showed invoices from an authorised ACME distributor.',
      complaintUntil: '2027-06-20T15:00:00.000Z',
    },
  },
  'case-outcome-abandoned': {
    kind: 'case_outcome',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      jurisdiction: 'US',
      outcome: 'abandoned',
    },
  },
  'case-outcome-withdrawn': {
    kind: 'case_outcome',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      jurisdiction: 'CN',
      outcome: 'withdrawn',
      listingRestored: true,
    },
  },
  'seller-case-update-upheld': {
    kind: 'seller_case_update',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      jurisdiction: 'EU',
      outcome: 'upheld',
      complaintUntil: '2027-06-17T14:30:00.000Z',
    },
  },
  'seller-case-update-withdrawn': {
    kind: 'seller_case_update',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      jurisdiction: 'US',
      outcome: 'withdrawn',
    },
  },
  'reviewer-alert-escalated': {
    kind: 'reviewer_alert',
    facts: {
      caseId: 'case-0a1b2c3d4e5f60718293',
      listing,
      alert: 'escalated',
      status: 'escalated_review',
      jurisdiction: 'EU',
      infringementType: 'counterfeit',
      dueAt: '2026-12-16T09:15:00.000Z',
    },
  },
};
