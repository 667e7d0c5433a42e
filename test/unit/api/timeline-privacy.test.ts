import { describe, expect, it } from 'vitest';
import { publicTimeline } from '../../../functions/api/lib/timeline-privacy.ts';
import type { TimelineEvent } from '../../../functions/domain/case.ts';

const screened: TimelineEvent = {
  at: '2026-12-01T00:00:00.000Z',
  actor: { role: 'system', id: 'workflow' },
  type: 'screened',
  detail: {
    outcome: 'accepted',
    automated: true,
    source: 'own_initiative',
    verdict: 'takedown',
    ruleId: 'sr-1',
    ruleVersion: 3,
  },
};

describe('Function: publicTimeline', () => {
  it('keeps the screening rule of an own-initiative case from the parties', () => {
    // Act
    const [seller] = publicTimeline([screened], 'seller');
    const [rightsHolder] = publicTimeline([screened], 'rights-holder');

    // Assess
    expect(seller!.detail).toEqual({
      outcome: 'accepted',
      automated: true,
      source: 'own_initiative',
      verdict: 'takedown',
    });
    expect(rightsHolder!.detail).not.toHaveProperty('ruleId');
  });

  it('shows a reviewer as a role without an id', () => {
    const decided: TimelineEvent = {
      ...screened,
      actor: { role: 'reviewer', id: 'sub-reviewer' },
      type: 'decided',
      detail: { decision: 'approve', reviewerId: 'sub-reviewer', note: 'internal' },
    };
    expect(publicTimeline([decided], 'seller')[0]).toMatchObject({
      actor: { role: 'reviewer' },
      detail: { decision: 'approve' },
    });
    expect(publicTimeline([decided], 'seller')[0]!.detail).not.toHaveProperty('note');
  });
});
