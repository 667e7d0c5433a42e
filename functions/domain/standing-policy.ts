import * as z from 'zod';
import { durationSchema, durationSeconds } from './duration.ts';

/**
 * The notifier-standing policy (DOMAIN.md, Notifier standing): the accuracy window, the fast
 * lane, and the DSA Art 23(2) misuse rule. Kept apart from policy.ts so each file stays one job.
 */
export const standingPolicySchema = z
  .strictObject({
    window: durationSchema.describe('Rolling window of the accuracy score (whole days)'),
    minDecided: z
      .int()
      .min(1)
      .max(10_000)
      .describe('Decided listings in the window before the accuracy counts for the fast lane'),
    fastLane: z
      .strictObject({
        accuracy: z.number().min(0.5).max(1).describe('Accuracy at or above which the lane opens'),
        lockout: durationSchema.describe('How long the lane stays shut after falling below'),
        reviewSla: durationSchema.describe('Review SLA of the priority queue'),
        automatedApproval: z
          .strictObject({
            enabled: z
              .boolean()
              .describe(
                'Approve a fast-lane counterfeit notice with a test-buy report without a human',
              ),
            auditSampleRate: z
              .number()
              .min(0)
              .max(1)
              .describe('Share of automated approvals sampled into the human audit queue'),
            auditSla: durationSchema.describe('Time a reviewer has to decide a sampled audit'),
          })
          .describe('Automated decisions (disclosed under DSA Art 17(3)(c) and Art 24(5))'),
      })
      .describe('The accuracy-based fast lane (not DSA trusted-flagger status)'),
    misuse: z
      .strictObject({
        threshold: z
          .int()
          .min(2)
          .max(1000)
          .describe('Manifestly unfounded notices that trigger the warning, then the review'),
        suspension: durationSchema.describe('How long a confirmed misuse suspension lasts'),
        reviewSla: durationSchema.describe('Time a reviewer has to decide a misuse review'),
      })
      .describe('DSA Art 23(2): suspending notices from frequent manifestly unfounded notifiers'),
  })
  .describe('Notifier standing');

export type StandingPolicy = z.infer<typeof standingPolicySchema>;

/** The defaults (DOMAIN.md: 90 days, 20 decided listings, 90% for the fast lane). */
export const DEFAULT_STANDING_POLICY: StandingPolicy = {
  window: 'P90D',
  minDecided: 20,
  fastLane: {
    accuracy: 0.9,
    lockout: 'P30D',
    reviewSla: 'PT4H',
    automatedApproval: { enabled: false, auditSampleRate: 0.1, auditSla: 'P3D' },
  },
  misuse: { threshold: 5, suspension: 'P30D', reviewSla: 'P3D' },
};

/** Rules across fields, refused at load as policy.ts refuses values below legal floors. */
export function standingPolicyIssues(
  standing: StandingPolicy,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (durationSeconds(standing.window) % 86_400 !== 0) {
    issues.push({ path: ['standing', 'window'], message: 'The window is counted in whole days' });
  }
  const automated = standing.fastLane.automatedApproval;
  if (automated.enabled && automated.auditSampleRate === 0) {
    issues.push({
      path: ['standing', 'fastLane', 'automatedApproval', 'auditSampleRate'],
      message:
        'Automated approvals need human oversight: sample some into the audit queue (rate > 0)',
    });
  }
  if (durationSeconds(standing.misuse.suspension) < 86_400) {
    issues.push({
      path: ['standing', 'misuse', 'suspension'],
      message: 'A misuse suspension is for a reasonable period (DSA Art 23(2)): at least a day',
    });
  }
  return issues;
}
