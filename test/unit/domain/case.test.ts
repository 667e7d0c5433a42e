import { describe, expect, it } from 'vitest';
import {
  acceptsInput,
  allowedDecisions,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  type CaseStatus,
  canTransition,
  FINAL_STATUSES,
  isTerminal,
  TIMELINE_EVENT_TYPES,
} from '../../../functions/domain/case.ts';

describe('Constant: CASE_STATUSES', () => {
  it('lists exactly the statuses of API.md', () => {
    // Assert
    expect([...CASE_STATUSES].sort()).toEqual(
      [
        'screening',
        'awaiting_review',
        'awaiting_info',
        'escalated_review',
        'rejected',
        'taking_down',
        'action_failed',
        'awaiting_counter_notice',
        'awaiting_court_action',
        'awaiting_re_review',
        'restored',
        'upheld',
        'upheld_pending_court',
        'withdrawn',
        'duplicate',
        'abandoned',
      ].sort(),
    );
  });
});

describe('Function: isTerminal', () => {
  it.each([
    'rejected',
    'restored',
    'upheld',
    'upheld_pending_court',
    'withdrawn',
    'duplicate',
    'abandoned',
  ] as const)('treats %s as closed', (status) => {
    // Act
    const result = isTerminal(status);

    // Assert
    expect(result).toBe(true);
  });

  it('treats action_failed as open: the case is parked, not lost', () => {
    // Act
    const result = isTerminal('action_failed');

    // Assert
    expect(result).toBe(false);
  });
});

describe('Constant: CASE_TRANSITIONS', () => {
  it('gives no way out of a final status and a way out of every other one', () => {
    // Act
    const dead = CASE_STATUSES.filter(
      (status) =>
        (FINAL_STATUSES as readonly string[]).includes(status) !==
        (CASE_TRANSITIONS[status].length === 0),
    );

    // Assert
    expect(dead).toEqual([]);
  });

  it('reaches every status from screening', () => {
    // Arrange
    const seen = new Set<string>(['screening']);
    const queue: CaseStatus[] = ['screening'];

    // Act
    while (queue.length > 0) {
      const status = queue.shift();
      for (const next of status ? CASE_TRANSITIONS[status] : []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }

    // Assert
    expect(seen.size).toBe(CASE_STATUSES.length);
  });

  it('lets every open status be withdrawn', () => {
    // Act
    const notWithdrawable = CASE_STATUSES.filter(
      (status) => !isTerminal(status) && !canTransition(status, 'withdrawn'),
    );

    // Assert
    expect(notWithdrawable).toEqual([]);
  });
});

describe('Function: canTransition', () => {
  it('refuses to restore a case straight from review', () => {
    // Act
    const result = canTransition('awaiting_review', 'restored');

    // Assert
    expect(result).toBe(false);
  });
});

describe('Function: acceptsInput', () => {
  it.each([
    ['awaiting_review', 'decision', true],
    ['escalated_review', 'decision', true],
    ['awaiting_re_review', 'decision', true],
    ['awaiting_counter_notice', 'decision', false],
    ['awaiting_info', 'info', true],
    ['awaiting_review', 'info', false],
    ['awaiting_counter_notice', 'counter_notice', true],
    ['awaiting_court_action', 'counter_notice', false],
    ['awaiting_court_action', 'court_action', true],
    ['action_failed', 'retry', true],
    ['taking_down', 'retry', false],
    ['screening', 'withdrawal', true],
    ['upheld', 'withdrawal', false],
  ] as const)('in %s, %s → %s', (status, input, expected) => {
    // Act
    const result = acceptsInput(status, input);

    // Assert
    expect(result).toBe(expected);
  });
});

describe('Function: allowedDecisions', () => {
  it('offers restore or uphold on a re-review', () => {
    // Act
    const result = allowedDecisions('awaiting_re_review');

    // Assert
    expect(result).toEqual(['restore', 'uphold']);
  });

  it('offers approve, reject or request_info on an escalated review', () => {
    // Act
    const result = allowedDecisions('escalated_review');

    // Assert
    expect(result).toEqual(['approve', 'reject', 'request_info']);
  });
});

describe('Constant: TIMELINE_EVENT_TYPES', () => {
  it('holds the event types API.md names', () => {
    // Assert
    expect(TIMELINE_EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'notice_received',
        'screened',
        'review_requested',
        'decided',
        'taken_down',
        'strike_recorded',
        'seller_notified',
        'counter_notice_received',
        'restored',
        'withdrawn',
      ]),
    );
  });

  it('names every event type in snake_case', () => {
    // Act
    const offenders = TIMELINE_EVENT_TYPES.filter((type) => !/^[a-z]+(_[a-z]+)*$/.test(type));

    // Assert
    expect(offenders).toEqual([]);
  });
});
