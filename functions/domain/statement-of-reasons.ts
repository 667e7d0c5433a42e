import { addDuration } from './duration.ts';
import { type LegalGround, legalGround } from './legal-grounds.ts';
import { type CounterNoticeMode, counterNoticeMode, type Policy } from './policy.ts';
import {
  NEXT_STEP_TEXT,
  type SellerMeasureContext,
  sellerMeasureText,
} from './seller-measure-text.ts';
import type { LadderMeasure, LadderStep } from './strikes.ts';
import type { InfringementType, IpRightKind, Jurisdiction } from './vocabulary.ts';

/** How far automated means took the decision (Transparency Database terms). */
export type AutomatedDecision = 'fully' | 'partially' | 'not_automated';

/** Everything the statement of reasons of one takedown is built from. */
export interface StatementOfReasonsInput {
  caseId: string;
  listing: { listingId: string; title: string; url: string };
  jurisdiction: Jurisdiction;
  infringementType: InfringementType;
  ipRight: { kind: IpRightKind; title: string; registrationNumber?: string };
  /** `notice`: a rights holder's notice; `own_initiative`: the platform's proactive screening. */
  source: 'notice' | 'own_initiative';
  /** The notifier, for a notice. What the seller sees of it depends on policy. */
  notifier?: { name: string; email?: string; trustedFlagger?: boolean };
  /** The seller-account measure applied with this decision (from nextMeasure). */
  accountMeasure: LadderMeasure;
  /** When the strike behind the account measure expires (ISO instant). */
  strikeExpiresAt?: string;
  /** Issue 15: a confirmed suspension, an open suspension review (seller-measure-text.ts). */
  accountContext?: Omit<SellerMeasureContext, 'strikeExpiresAt'>;
  /** Whether the notice must carry the DSA Art 23(1) warning (nextMeasure's carriesWarning). */
  carriesWarning: boolean;
  /** The ladder's next step above the measure applied (nextLadderStep), for the warning. */
  nextStep?: LadderStep;
  automated: { detection: boolean; decision: AutomatedDecision };
  /** What the decision considered: the notice's explanation, its evidence files, a test buy. */
  considered?: {
    explanation?: string;
    evidence: readonly { fileName?: string }[];
    testBuy?: boolean;
  };
  /** Where the listing is disabled: everywhere, unless the marketplace can restrict by country. */
  territorialScope?: TerritorialScope;
  decidedAt: Date;
  /**
   * The reviewer's `reasons`, written for the parties and shown to the seller. Never the
   * reviewer's internal `note` (DOMAIN.md, staff and party privacy).
   */
  reviewerExplanation?: string;
  counterNoticeDueAt: string;
  policy: Policy;
}

/**
 * Where a measure applies (DSA Art 17(3)(a)). The marketplace port disables a listing everywhere,
 * so `global` is what is applied, stated, and reported (the Transparency Database record names
 * every EEA member state for it); `countries` is for a marketplace that can restrict by country.
 */
export type TerritorialScope = { kind: 'global' } | { kind: 'countries'; countries: string[] };

/** The scope of a listing measure the service applies today: the marketplace disables globally. */
export const GLOBAL_SCOPE: TerritorialScope = { kind: 'global' };

/** One route of redress open to the seller (DSA Art 17(3)(f)). */
export type RedressOption =
  | { kind: 'counter_notice'; dueAt: string; description: string }
  | { kind: 'internal_complaint'; availableUntil: string; description: string }
  | { kind: 'out_of_court_settlement'; description: string }
  | { kind: 'judicial_redress'; description: string };

/** The statement of reasons (DSA Art 17(3)), structured. */
export interface StatementOfReasons {
  caseId: string;
  listingId: string;
  listing: { listingId: string; title: string; url: string };
  jurisdiction: Jurisdiction;
  infringementType: InfringementType;
  ipRight: { kind: IpRightKind; title: string; registrationNumber?: string };
  counterNoticeMode: CounterNoticeMode;
  decidedAt: string;
  /** Art 17(3)(a): the measure, its territorial scope and its duration. */
  measure: {
    listing: {
      restriction: 'disabled';
      territorialScope: TerritorialScope;
      scope: string;
      duration: string;
    };
    account: {
      measure: LadderMeasure;
      description: string;
      duration: string;
      strikeExpiresAt?: string;
      /** The ladder's next step, which the warning names. */
      nextStep?: LadderStep;
      /** Issue 15: a suspension reviewer's reasons, written for the parties. */
      reviewerReasons?: string;
    };
  };
  /** Art 17(3)(b): the facts, including whether the decision followed a notice. */
  facts: {
    source: 'notice' | 'own_initiative';
    notifier: string;
    /** Who notified, as far as the profile's `notifierDisclosure` lets the seller see. */
    notifierIdentity?: NotifierIdentity;
    /** The facts of this case, for the seller: the listing, the right, what was considered. */
    summary: string;
    /** The same without personal data or free text (for the Transparency Database). */
    publicSummary: string;
  };
  /** Art 17(3)(c): use of automated means. */
  automatedMeans: { detection: boolean; decision: AutomatedDecision; summary: string };
  /** Art 17(3)(d): legal ground and explanation. */
  legalGround: LegalGround & { caseExplanation?: string };
  /** Art 17(3)(f): redress. */
  redress: RedressOption[];
  deadline: { counterNoticeDueAt: string };
  /** DSA Art 23(1): the prior warning before any suspension. */
  warning?: string;
}

/** The notifier as the seller may see it: its kind, and its name and email only where policy discloses them. */
export interface NotifierIdentity {
  kind: 'rights_holder' | 'trusted_flagger';
  name?: string;
  email?: string;
}

/**
 * The DSA Art 23(1) prior warning, naming the ladder's next step as it is: a seller warned for
 * the first time faces a restriction next, not a suspension.
 */
function warningText(nextStep: LadderStep | undefined): string {
  const next = nextStep ? NEXT_STEP_TEXT[nextStep.measure] : 'further measures on your account';
  return `Warning: if further listings of yours are found to infringe intellectual-property rights, the next step is ${next}.`;
}

function notifierIdentity(input: StatementOfReasonsInput): NotifierIdentity | undefined {
  if (input.source === 'own_initiative' || !input.notifier) return undefined;
  const disclosure = input.policy.profiles[input.jurisdiction].notifierDisclosure;
  const kind = input.notifier.trustedFlagger ? 'trusted_flagger' : 'rights_holder';
  if (disclosure === 'none') return { kind };
  return {
    kind,
    name: input.notifier.name,
    ...(disclosure === 'name_and_email' && input.notifier.email
      ? { email: input.notifier.email }
      : {}),
  };
}

function notifierText(input: StatementOfReasonsInput): string {
  if (input.source === 'own_initiative') {
    return byTestBuy(input)
      ? 'The platform acted on its own initiative (a test buy of the goods), not on a notice.'
      : 'The platform acted on its own initiative (proactive screening), not on a notice.';
  }
  const disclosure = input.policy.profiles[input.jurisdiction].notifierDisclosure;
  const notifier = input.notifier;
  const kind = notifier?.trustedFlagger ? 'a trusted flagger' : 'the rights holder';
  if (disclosure === 'none' || !notifier) {
    return `The decision follows a notice from ${kind} (identity withheld under the platform's policy).`;
  }
  const who =
    disclosure === 'name_and_email' && notifier.email
      ? `${notifier.name} <${notifier.email}>`
      : notifier.name;
  return `The decision follows a notice from ${kind}: ${who}.`;
}

function automatedText(automated: StatementOfReasonsInput['automated']): string {
  const detection = automated.detection
    ? 'The listing was detected by automated means.'
    : 'The listing was not detected by automated means.';
  const decision = {
    fully: 'The decision was taken by automated means.',
    partially: 'The decision was taken by a person, assisted by automated means.',
    not_automated: 'The decision was taken by a person, without automated means.',
  }[automated.decision];
  return `${detection} ${decision}`;
}

function counterNoticeText(input: StatementOfReasonsInput): string {
  const mode = counterNoticeMode(input.jurisdiction, input.infringementType, input.policy);
  if (mode === 're_review') {
    return 'Send a counter-notice explaining why the listing does not infringe. A reviewer re-examines the decision and restores the listing if your counter-notice is founded.';
  }
  if (input.jurisdiction === 'CN') {
    return 'Send a declaration of non-infringement with preliminary evidence and your real identity. We forward it to the rights holder; unless it tells us within 15 days that it has complained to an authority or sued, we restore the listing (E-Commerce Law Art 43).';
  }
  return 'Send a counter-notice under 17 U.S.C. §512(g)(3). We forward it to the notifier; unless the notifier tells us it has filed a court action, we restore the listing once 10 full US business days have passed after we receive your counter-notice, and within 14 (17 U.S.C. §512(g)(2)(C)).';
}

function scopeText(scope: TerritorialScope): string {
  return scope.kind === 'global'
    ? 'everywhere the marketplace operates (in every country, including every EEA member state)'
    : `in ${scope.countries.join(', ')}`;
}

/** An own-initiative case a person found by ordering the goods, not by automated screening. */
const byTestBuy = (input: StatementOfReasonsInput): boolean =>
  input.source === 'own_initiative' &&
  !input.automated.detection &&
  Boolean(input.considered?.testBuy);

/** The facts of this case (DSA Art 17(3)(b)), in the words the seller reads. */
function factsSummary(input: StatementOfReasonsInput, registration: string): string {
  const considered = input.considered;
  const files = considered?.evidence ?? [];
  const named = files
    .map((file) => file.fileName)
    .filter((name): name is string => Boolean(name))
    .map((name) => `"${name}"`);
  const evidence =
    files.length === 0
      ? 'no evidence files'
      : `${files.length === 1 ? '1 evidence file' : `${files.length} evidence files`}${named.length ? ` (${named.join(', ')})` : ''}`;
  const parts = [
    `${byTestBuy(input) ? 'Goods we bought in a test buy from' : input.source === 'own_initiative' ? 'Our screening found' : 'The notice concerns'} your listing "${input.listing.title}" (${input.listing.listingId}${input.listing.url ? `, ${input.listing.url}` : ''}), alleged to be ${INFRINGEMENT_PHRASES[input.infringementType]} of the ${input.ipRight.kind} "${input.ipRight.title}"${registration}, under ${input.jurisdiction} law.`,
    `We considered ${input.source === 'own_initiative' ? '' : "the notice's explanation, "}${evidence}${considered?.testBuy ? ' and a test-buy report' : ''}.`,
    input.reviewerExplanation
      ? `The reviewer found: ${input.reviewerExplanation}`
      : 'The listing was found to infringe that right.',
  ];
  return parts.join(' ');
}

/** The facts without personal data or free text: the record for the Transparency Database. */
function publicFactsSummary(input: StatementOfReasonsInput): string {
  const files = input.considered?.evidence.length ?? 0;
  return `The listing was assessed as ${INFRINGEMENT_PHRASES[input.infringementType]} of a registered ${input.ipRight.kind}, on ${files === 1 ? '1 evidence file' : `${files} evidence files`}${input.considered?.testBuy ? ' and a test-buy report' : ''}, and found infringing.`;
}

const INFRINGEMENT_PHRASES: Record<InfringementType, string> = {
  counterfeit: 'counterfeit goods',
  trademark: 'an infringement',
  copyright: 'an unauthorised copy',
  patent: 'an infringement',
  design: 'an infringement',
};

function redressOptions(input: StatementOfReasonsInput): RedressOption[] {
  const profile = input.policy.profiles[input.jurisdiction];
  const availableUntil = addDuration(input.decidedAt, profile.appealWindow).toISOString();
  const options: RedressOption[] = [
    {
      kind: 'counter_notice',
      dueAt: input.counterNoticeDueAt,
      description: counterNoticeText(input),
    },
    {
      kind: 'internal_complaint',
      availableUntil,
      description:
        input.jurisdiction === 'EU'
          ? 'Appeal on the case page (internal complaint, DSA Art 20) against the takedown, the strike or the account measure, once the case is closed. A reviewer who did not take the decision decides it; a founded appeal reverses the decision without undue delay.'
          : 'Appeal on the case page (internal complaint) against the takedown, the strike or the account measure, once the case is closed. A reviewer who did not take the decision decides it; a founded appeal reverses the decision.',
    },
  ];
  if (input.jurisdiction === 'EU') {
    options.push({
      kind: 'out_of_court_settlement',
      description:
        'Refer the dispute to an out-of-court dispute settlement body certified under DSA Art 21.',
    });
  }
  options.push({
    kind: 'judicial_redress',
    description:
      'Bring the matter before a competent court at any time; the other routes do not prevent it.',
  });
  return options;
}

/**
 * Builds the seller's statement of reasons for a takedown, with every element of DSA
 * Art 17(3). Out-of-court settlement (Art 21) is offered for EU cases only: it is an EU
 * institution. The notifier's identity appears only as the profile's `notifierDisclosure`
 * allows; otherwise a neutral description.
 */
export function buildStatementOfReasons(input: StatementOfReasonsInput): StatementOfReasons {
  const ground = legalGround(input.jurisdiction, input.infringementType);
  const registration = input.ipRight.registrationNumber
    ? ` (registration ${input.ipRight.registrationNumber})`
    : '';
  // Issue 15: the account measure's wording lives with the ladder (seller-measure-text.ts).
  const account = sellerMeasureText(input.accountMeasure, {
    ...input.accountContext,
    ...(input.strikeExpiresAt ? { strikeExpiresAt: input.strikeExpiresAt } : {}),
  });
  const identity = notifierIdentity(input);
  const territorialScope = input.territorialScope ?? GLOBAL_SCOPE;
  return {
    caseId: input.caseId,
    listingId: input.listing.listingId,
    listing: input.listing,
    jurisdiction: input.jurisdiction,
    infringementType: input.infringementType,
    ipRight: input.ipRight,
    counterNoticeMode: counterNoticeMode(input.jurisdiction, input.infringementType, input.policy),
    decidedAt: input.decidedAt.toISOString(),
    measure: {
      listing: {
        restriction: 'disabled',
        territorialScope,
        scope: `Your listing "${input.listing.title}" (${input.listing.url}) is disabled ${scopeText(territorialScope)}.`,
        duration:
          'Until the case is resolved in your favour (a founded counter-notice or complaint, or the notice is withdrawn); otherwise it stays disabled.',
      },
      account: {
        measure: input.accountMeasure,
        description: account.description,
        duration: account.duration,
        ...(account.reviewerReasons ? { reviewerReasons: account.reviewerReasons } : {}),
        ...(input.strikeExpiresAt ? { strikeExpiresAt: input.strikeExpiresAt } : {}),
        ...(input.nextStep ? { nextStep: input.nextStep } : {}),
      },
    },
    facts: {
      source: input.source,
      notifier: notifierText(input),
      ...(identity ? { notifierIdentity: identity } : {}),
      summary: factsSummary(input, registration),
      publicSummary: publicFactsSummary(input),
    },
    automatedMeans: {
      detection: input.automated.detection,
      decision: input.automated.decision,
      summary: automatedText(input.automated),
    },
    legalGround: {
      ...ground,
      ...(input.reviewerExplanation ? { caseExplanation: input.reviewerExplanation } : {}),
    },
    redress: redressOptions(input),
    deadline: { counterNoticeDueAt: input.counterNoticeDueAt },
    ...(input.carriesWarning ? { warning: warningText(input.nextStep) } : {}),
  };
}
