import { durationSeconds } from '../../domain/duration.ts';
import type { Policy } from '../../domain/policy.ts';
import type { Jurisdiction } from '../../domain/vocabulary.ts';

/** The relative windows of a case's waits, in seconds, for the state machine's TimeoutSecondsPath. */
export interface Windows {
  reviewSeconds: number;
  escalatedReviewSeconds: number;
  infoSeconds: number;
  reReviewSeconds: number;
}

/** Reads the case's jurisdiction profile once, at screening: the case keeps these windows. */
export function windowsFor(jurisdiction: Jurisdiction, policy: Policy): Windows {
  const profile = policy.profiles[jurisdiction];
  return {
    reviewSeconds: durationSeconds(profile.reviewSla),
    escalatedReviewSeconds: durationSeconds(profile.escalatedReviewSla),
    infoSeconds: durationSeconds(profile.requestInfoWindow),
    reReviewSeconds: durationSeconds(profile.reReviewSla),
  };
}
