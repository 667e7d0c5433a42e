import * as z from 'zod';
import { durationSchema, durationSeconds } from './duration.ts';
import { DomainValidationError, issuesFromZod } from './errors.ts';
import { DEFAULT_REASON_CODES, reasonCodeCatalogueSchema } from './reason-codes.ts';
import {
  DEFAULT_STANDING_POLICY,
  standingPolicyIssues,
  standingPolicySchema,
} from './standing-policy.ts';
import {
  INFRINGEMENT_TYPES,
  type InfringementType,
  isoDateSchema,
  type Jurisdiction,
} from './vocabulary.ts';

/**
 * How a counter-notice is resolved:
 * - `statutory_timer`: forward it to the rights holder and restore unless a court action is
 *   reported in time (17 U.S.C. §512(g)(2)(B)-(C); E-Commerce Law Art 43);
 * - `re_review`: a human reviewer decides again (DSA Art 20; US platform policy for
 *   non-copyright rights, which §512(g) does not cover).
 */
export const counterNoticeModeSchema = z.enum(['statutory_timer', 're_review']);
export type CounterNoticeMode = z.infer<typeof counterNoticeModeSchema>;

const modesSchema = z
  .strictObject({
    counterfeit: counterNoticeModeSchema,
    trademark: counterNoticeModeSchema,
    copyright: counterNoticeModeSchema,
    patent: counterNoticeModeSchema,
    design: counterNoticeModeSchema,
  })
  .describe('Counter-notice mode per infringement type');

const profileShape = {
  reviewSla: durationSchema.describe('Time a reviewer has before the case escalates'),
  escalatedReviewSla: durationSchema.describe('Time in the escalated queue before an alarm'),
  requestInfoWindow: durationSchema.describe('Wait for requested information, then abandon'),
  counterNoticeWindow: durationSchema.describe(
    'Window for a counter-notice after the seller notice',
  ),
  reReviewSla: durationSchema.describe('Time a reviewer has to re-decide a disputed case'),
  appealWindow: durationSchema.describe(
    'How long an internal complaint stays open (DSA Art 20(1))',
  ),
  counterNoticeModes: modesSchema,
  minExplanationLength: z
    .int()
    .min(0)
    .max(2000)
    .describe('Minimum characters of the notice explanation (DSA Art 16(2)(a) substantiation)'),
  notifierDisclosure: z
    .enum(['none', 'name', 'name_and_email'])
    .describe('What the seller learns of the notifier in the statement of reasons'),
};

const usProfileSchema = z.strictObject({
  ...profileShape,
  copyrightRestore: z
    .strictObject({
      notBeforeBusinessDays: z
        .int()
        .describe(
          'Full business days that must pass after receipt; restore from the start of the next',
        ),
      restoreByBusinessDays: z.int().describe('Restore before the end of this business day'),
      extraClosures: z
        .array(isoDateSchema)
        .describe('Extra non-business days, e.g. federal closures by executive order'),
    })
    .describe('17 U.S.C. §512(g)(2)(C) restore window after a counter-notice'),
});

const cnProfileSchema = z.strictObject({
  ...profileShape,
  courtActionWindow: z
    .strictObject({
      calendarDays: z.int().describe('Days the rights holder has after the declaration arrives'),
      counting: z
        .enum(['civil_code', 'elapsed'])
        .describe(
          'civil_code: end of the last day in Beijing time, the start day not counted (Civil Code Arts 201, 203); elapsed: exactly N×24 h',
        ),
      restDays: z
        .array(isoDateSchema)
        .describe('Statutory holidays (State Council schedule) that extend a last day'),
      publishedYears: z
        .array(
          z.strictObject({
            year: z.int().min(2000).max(2100),
            holidays: z.array(isoDateSchema).describe('The year’s statutory holidays'),
            workdays: z
              .array(isoDateSchema)
              .describe('Weekend days the State Council made working days'),
          }),
        )
        .default([])
        .describe(
          'Years the State Council has published that the holiday data does not hold yet: an operator adds one as soon as it is published, rather than wait for a new package',
        ),
    })
    .describe('E-Commerce Law Art 43 window after the declaration is forwarded'),
});

const euProfileSchema = z.strictObject(profileShape);

const strikePolicySchema = z
  .strictObject({
    expiry: durationSchema.describe('A strike expires this long after it was created'),
    ladder: z
      .strictObject({
        warning: z.int().min(1),
        restricted: z.int().min(1),
        suspended: z.int().min(1),
      })
      .describe('Active strike weight at which each measure starts'),
    testBuyCounterfeitWeight: z
      .int()
      .min(1)
      .max(10)
      .describe('Weight of a strike for a counterfeit confirmed by a test buy (1 = off)'),
    cleanUpGrace: durationSchema
      .default('P7D')
      .describe(
        'A strike for a listing created before the warning counts toward escalation only if its notice arrived this long after the warning (DSA Art 23(1): conduct after the warning)',
      ),
    suspension: z
      .strictObject({
        period: durationSchema.describe('How long a confirmed suspension lasts (DSA Art 23(1))'),
        reviewSla: durationSchema.describe('Time a reviewer has to decide a suspension review'),
      })
      .default({ period: 'P30D', reviewSla: 'P2D' })
      .describe('Suspension is decided case by case by a reviewer (DSA Art 23(3))'),
    termination: z
      .strictObject({
        strikesAfterSuspension: z
          .int()
          .min(1)
          .max(10)
          .describe('Counting strikes after a confirmed suspension that terminate the seller'),
      })
      .default({ strikesAfterSuspension: 1 })
      .describe('Termination of repeat infringers (17 U.S.C. §512(i)); expiry never lifts it'),
  })
  .describe('Repeat-infringer policy (17 U.S.C. §512(i); DSA Art 23)');

const reviewWorkSchema = z
  .strictObject({
    claimDuration: durationSchema.describe(
      'How long a reviewer’s claim on a task holds before it lapses and others may take it',
    ),
    verificationSla: durationSchema.describe(
      'Time to verify a new rights holder or IP right (its due time in the queue)',
    ),
  })
  .describe('How reviewers share the queue');

/** How many listings one notifier may name in a day (bulk notices included). */
const noticeVolumeSchema = z
  .strictObject({
    listingsPerDay: z
      .int()
      .min(1)
      .describe('Listings a notifier may name per UTC day, across its notices'),
    fastLaneListingsPerDay: z
      .int()
      .min(1)
      .describe('The same for a notifier in the fast lane (accurate notifiers file more)'),
  })
  .refine((v) => v.fastLaneListingsPerDay >= v.listingsPerDay, {
    message: 'The fast lane’s quota cannot be below the ordinary one',
    path: ['fastLaneListingsPerDay'],
  })
  .describe('Per-notifier volume quota (429 past it, with when it resets)');

const SIX_MONTHS_SECONDS = 184 * 86_400; // the longest six-month span

/** The policy schema: jurisdiction profiles and the strike ladder, with legal floors. */
export const policySchema = z
  .strictObject({
    profiles: z.strictObject({ US: usProfileSchema, CN: cnProfileSchema, EU: euProfileSchema }),
    strikes: strikePolicySchema,
    /** The reason codes a decision must cite (GET /v1/reason-codes). */
    reasonCodes: reasonCodeCatalogueSchema.default(DEFAULT_REASON_CODES),
    review: reviewWorkSchema.default({ claimDuration: 'PT30M', verificationSla: 'P3D' }),
    standing: standingPolicySchema.default(DEFAULT_STANDING_POLICY),
    ownInitiative: z
      .strictObject({
        auditSampleRate: z
          .number()
          .gt(0)
          .max(1)
          .describe(
            'Share of automated own-initiative takedowns sampled into the human audit (DSA: automated decisions stay under human oversight)',
          ),
        auditSla: durationSchema.describe('Time a reviewer has to decide a sampled audit'),
        reviewSla: durationSchema.describe('Time a reviewer has to decide a flagged listing'),
        strikeWeight: z
          .number()
          .min(0)
          .max(3)
          .describe(
            'How much an own-initiative strike counts on the ladder (1 as a notice; less for keyword matches no person confirmed)',
          ),
        ruleSuspension: z
          .strictObject({
            minAudits: z.int().min(1).max(10_000),
            maxDisagreementRate: z.number().gt(0).max(1),
          })
          .describe(
            'A rule whose audits disagree above this rate (over at least minAudits) is suspended for review',
          ),
      })
      .default({
        auditSampleRate: 0.01,
        auditSla: 'P3D',
        reviewSla: 'P1D',
        strikeWeight: 1,
        ruleSuspension: { minAudits: 10, maxDisagreementRate: 0.2 },
      })
      .describe('Own-initiative cases from proactive screening (issue 19)'),
    noticeVolume: noticeVolumeSchema.default({
      listingsPerDay: 20_000,
      fastLaneListingsPerDay: 100_000,
    }),
  })
  .superRefine((policy, ctx) => {
    const fail = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (policy.profiles.US.counterNoticeModes.copyright !== 'statutory_timer') {
      fail(
        ['profiles', 'US', 'counterNoticeModes', 'copyright'],
        'US copyright counter-notices follow the statutory timer (17 U.S.C. §512(g)(2)(B)-(C))',
      );
    }
    for (const type of INFRINGEMENT_TYPES) {
      if (policy.profiles.CN.counterNoticeModes[type] !== 'statutory_timer') {
        fail(
          ['profiles', 'CN', 'counterNoticeModes', type],
          'CN declarations follow the statutory timer for every IP type (E-Commerce Law Art 43)',
        );
      }
    }
    for (const type of INFRINGEMENT_TYPES) {
      if (policy.profiles.EU.counterNoticeModes[type] !== 're_review') {
        fail(
          ['profiles', 'EU', 'counterNoticeModes', type],
          'EU law sets no restore timer: a disputed decision is re-reviewed by humans (DSA Arts 17, 20)',
        );
      }
    }
    const restore = policy.profiles.US.copyrightRestore;
    if (restore.notBeforeBusinessDays < 10) {
      fail(
        ['profiles', 'US', 'copyrightRestore', 'notBeforeBusinessDays'],
        'Must be at least 10: restore "not less than 10 business days" after receipt (17 U.S.C. §512(g)(2)(C))',
      );
    }
    if (
      restore.restoreByBusinessDays > 14 ||
      restore.restoreByBusinessDays <= restore.notBeforeBusinessDays
    ) {
      fail(
        ['profiles', 'US', 'copyrightRestore', 'restoreByBusinessDays'],
        'Must be more than notBeforeBusinessDays and at most 14: restore "not more than 14 business days" after receipt (17 U.S.C. §512(g)(2)(C))',
      );
    }
    if (policy.profiles.CN.courtActionWindow.calendarDays < 15) {
      fail(
        ['profiles', 'CN', 'courtActionWindow', 'calendarDays'],
        'Must be at least 15: the rights holder has 15 days after the declaration arrives (E-Commerce Law Art 43)',
      );
    }
    for (const jurisdiction of ['US', 'CN', 'EU'] as const) {
      if (durationSeconds(policy.profiles[jurisdiction].appealWindow) < SIX_MONTHS_SECONDS) {
        fail(
          ['profiles', jurisdiction, 'appealWindow'],
          'Must be at least six months (P184D): DSA Art 20(1)',
        );
      }
    }
    const { warning, restricted, suspended } = policy.strikes.ladder;
    if (!(warning < restricted && restricted < suspended)) {
      fail(['strikes', 'ladder'], 'Thresholds must rise: warning < restricted < suspended');
    }
    if (durationSeconds(policy.strikes.suspension.period) < 86_400) {
      fail(
        ['strikes', 'suspension', 'period'],
        'A suspension is for a reasonable period (DSA Art 23(1)): at least a day',
      );
    }
    for (const issue of standingPolicyIssues(policy.standing)) fail(issue.path, issue.message);
  });

/** The validated policy. */
export type Policy = z.infer<typeof policySchema>;
/** A policy as written in config (before validation). */
export type PolicyInput = z.input<typeof policySchema>;
/** The windows and rules every jurisdiction profile has. */
export type JurisdictionProfile = Policy['profiles'][Jurisdiction];

/**
 * Validates a policy (e.g. loaded from config) and returns it frozen.
 *
 * @throws DomainValidationError listing every invalid field, with a legal reason where a
 *   value would breach the law.
 */
export function parsePolicy(input: unknown): Policy {
  const result = policySchema.safeParse(input);
  if (!result.success) {
    throw new DomainValidationError('Invalid policy', issuesFromZod(result.error));
  }
  return deepFreeze(result.data);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const commonDefaults = {
  reviewSla: 'PT24H',
  escalatedReviewSla: 'PT48H',
  requestInfoWindow: 'P7D',
  counterNoticeWindow: 'P14D',
  reReviewSla: 'PT72H',
  appealWindow: 'P184D',
  notifierDisclosure: 'name',
} as const;

/** The defaults of DOMAIN.md, "Default windows", as config input. */
export const DEFAULT_POLICY_INPUT: PolicyInput = {
  profiles: {
    US: {
      ...commonDefaults,
      counterNoticeModes: {
        counterfeit: 're_review',
        trademark: 're_review',
        copyright: 'statutory_timer',
        patent: 're_review',
        design: 're_review',
      },
      minExplanationLength: 0,
      copyrightRestore: { notBeforeBusinessDays: 10, restoreByBusinessDays: 14, extraClosures: [] },
    },
    CN: {
      ...commonDefaults,
      counterNoticeModes: {
        counterfeit: 'statutory_timer',
        trademark: 'statutory_timer',
        copyright: 'statutory_timer',
        patent: 'statutory_timer',
        design: 'statutory_timer',
      },
      minExplanationLength: 0,
      courtActionWindow: { calendarDays: 15, counting: 'civil_code', restDays: [] },
    },
    EU: {
      ...commonDefaults,
      counterNoticeModes: {
        counterfeit: 're_review',
        trademark: 're_review',
        copyright: 're_review',
        patent: 're_review',
        design: 're_review',
      },
      minExplanationLength: 30,
    },
  },
  strikes: {
    expiry: 'P365D',
    ladder: { warning: 1, restricted: 2, suspended: 3 },
    testBuyCounterfeitWeight: 1,
  },
};

/** The default policy, validated at module load. */
export const defaultPolicy: Policy = parsePolicy(DEFAULT_POLICY_INPUT);

/** The profile of a jurisdiction. */
export function profileFor(policy: Policy, jurisdiction: Jurisdiction): JurisdictionProfile {
  return policy.profiles[jurisdiction];
}

/**
 * How a counter-notice is resolved for a jurisdiction and infringement type. By default:
 * US copyright and every CN type → `statutory_timer`; EU and US non-copyright → `re_review`.
 */
export function counterNoticeMode(
  jurisdiction: Jurisdiction,
  infringementType: InfringementType,
  policy: Policy = defaultPolicy,
): CounterNoticeMode {
  return policy.profiles[jurisdiction].counterNoticeModes[infringementType];
}
