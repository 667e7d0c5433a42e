/**
 * The decisions reviewers take on accounts rather than cases, and the reason codes each may cite:
 * a seller's suspension review (DSA Art 23(3)) and a notifier's misuse review (Art 23(2)). Both
 * weigh the same Art 23(3) facts: the number of items, their share, gravity and intent.
 */
export const SUSPENSION_DECISIONS = ['suspend', 'hold_restricted'] as const;
export type SuspensionDecision = (typeof SUSPENSION_DECISIONS)[number];

export const MISUSE_DECISIONS = ['suspend', 'no_action'] as const;
export type MisuseDecision = (typeof MISUSE_DECISIONS)[number];

/** Reason codes per decision of a suspension review. */
export const SUSPENSION_REASON_CODES: Record<SuspensionDecision, readonly string[]> = {
  suspend: [
    'repeated_manifestly_illegal_items',
    'large_share_of_listings',
    'intentional_infringement',
  ],
  hold_restricted: ['isolated_incidents', 'small_share_of_listings', 'remedial_action_taken'],
};

/** Reason codes per decision of a misuse review. */
export const MISUSE_REASON_CODES: Record<MisuseDecision, readonly string[]> = {
  suspend: ['frequent_manifestly_unfounded_notices', 'bad_faith_notices'],
  no_action: ['errors_in_good_faith', 'not_frequent_enough'],
};

/** Every reason code of a catalogue, for the API's schema. */
export const codesOf = (catalogue: Record<string, readonly string[]>): string[] => [
  ...new Set(Object.values(catalogue).flat()),
];
