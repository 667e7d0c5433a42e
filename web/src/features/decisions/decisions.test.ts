import { describe, expect, it } from 'vitest';
import { decisionLabelKey, outcomeKeys, pendingDecision } from './decisions.ts';

describe('Function: pendingDecision', () => {
  it('offers a notice’s review approve, reject and a request for information', () => {
    expect(pendingDecision({ status: 'awaiting_review', source: 'notice' })).toEqual({
      kind: 'review',
      decisions: ['approve', 'reject', 'request_info'],
      ownInitiative: false,
    });
  });

  it('offers a flagged own-initiative listing approve or reject, with no notifier to ask', () => {
    expect(pendingDecision({ status: 'awaiting_review', source: 'own_initiative' })).toEqual({
      kind: 'proactive_review',
      decisions: ['approve', 'reject'],
      ownInitiative: true,
    });
  });

  it('offers the audit of an automated takedown uphold or restore', () => {
    const audit = { taskId: 'audit:c', basis: 'sample', dueAt: '2026-12-04T00:00:00.000Z' };
    expect(
      pendingDecision({ status: 'awaiting_counter_notice', source: 'own_initiative', audit }),
    ).toEqual({ kind: 'audit', decisions: ['uphold', 'restore'], ownInitiative: true });
  });

  it('lets a re-review come before an audit open on the same case', () => {
    const audit = { taskId: 'audit:c', basis: 'sample', dueAt: '2026-12-04T00:00:00.000Z' };
    expect(
      pendingDecision({ status: 'awaiting_re_review', source: 'own_initiative', audit })?.kind,
    ).toBe('re_review');
  });

  it('offers nothing on a case that awaits no decision', () => {
    expect(pendingDecision({ status: 'awaiting_counter_notice', source: 'notice' })).toBeNull();
  });
});

describe('Function: decisionLabelKey', () => {
  it('names an audit’s decisions as decisions on the automated takedown', () => {
    expect(decisionLabelKey('audit', 'uphold')).toBe('decision.audit.options.uphold');
    expect(decisionLabelKey('re_review', 'uphold')).toBe('decision.options.uphold');
  });
});

describe('Function: outcomeKeys', () => {
  it('tells no rights holder of an own-initiative case', () => {
    expect(outcomeKeys('proactive_review', true, 'approve').rightsHolder).toBeUndefined();
    expect(outcomeKeys('re_review', true, 'restore').rightsHolder).toBeUndefined();
    expect(outcomeKeys('review', false, 'approve').rightsHolder).toBe('decision.tell.rh.approve');
  });
});
