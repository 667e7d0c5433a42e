import { describe, expect, it } from 'vitest';
import { deleteView, loadSavedViews, saveView } from './saved-views.ts';
import { parseQueueSearch } from './search-params.ts';
import { isCaseReview, taskHref, taskKey } from './task-target.ts';

const memoryStorage = () => {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
};

describe('Function: parseQueueSearch', () => {
  it('keeps the known filters and drops anything else from the URL', () => {
    expect(
      parseQueueSearch({
        queue: 'escalated',
        jurisdiction: 'CN',
        infringementType: 'counterfeit',
        x: 1,
      }),
    ).toEqual({ queue: 'escalated', jurisdiction: 'CN', infringementType: 'counterfeit' });
    expect(parseQueueSearch({ queue: 'nope', jurisdiction: 'UK' })).toEqual({});
  });
});

describe('Saved views', () => {
  it('saves, replaces by name, lists and deletes views in the browser storage', () => {
    const storage = memoryStorage();
    saveView(storage, { name: 'CN counterfeits', search: { jurisdiction: 'CN' } });
    saveView(storage, { name: 'Escalated', search: { queue: 'escalated' } });
    saveView(storage, {
      name: 'CN counterfeits',
      search: { jurisdiction: 'CN', infringementType: 'counterfeit' },
    });
    expect(loadSavedViews(storage)).toEqual([
      { name: 'Escalated', search: { queue: 'escalated' } },
      { name: 'CN counterfeits', search: { jurisdiction: 'CN', infringementType: 'counterfeit' } },
    ]);
    expect(deleteView(storage, 'Escalated').map((v) => v.name)).toEqual(['CN counterfeits']);
  });

  it('survives garbage in the storage', () => {
    const storage = memoryStorage();
    storage.setItem('takedown.queue.savedViews', '{not json');
    expect(loadSavedViews(storage)).toEqual([]);
  });
});

describe('Task targets', () => {
  const base = { taskId: 't-1', createdAt: '2026-12-01T00:00:00Z', overdue: false };

  it('opens a case task on its case, and a verification task on its subject', () => {
    expect(taskHref({ ...base, queue: 'standard', kind: 'review', caseId: 'case-1' })).toBe(
      '/cases/case-1',
    );
    expect(
      taskHref({
        ...base,
        queue: 'rights_holders',
        kind: 'rights_holder_verification',
        subjectId: 'rh-1',
      }),
    ).toBe('/verification/rights-holders/rh-1');
    expect(
      taskHref({ ...base, queue: 'ip_rights', kind: 'ip_right_verification', subjectId: 'ipr 1' }),
    ).toBe('/verification/ip-rights/ipr%201');
  });

  it('keys tasks of different cases apart even when their task ids repeat', () => {
    const a = taskKey({
      ...base,
      taskId: 'retry-park#1',
      queue: 'action_failed',
      kind: 'retry',
      caseId: 'c-1',
    });
    const b = taskKey({
      ...base,
      taskId: 'retry-park#1',
      queue: 'action_failed',
      kind: 'retry',
      caseId: 'c-2',
    });
    expect(a).not.toBe(b);
  });

  it('offers a / r / i on first-instance case reviews only', () => {
    expect(isCaseReview({ ...base, queue: 'standard', kind: 'review', caseId: 'c' })).toBe(true);
    expect(
      isCaseReview({ ...base, queue: 'escalated', kind: 'escalated_review', caseId: 'c' }),
    ).toBe(true);
    expect(isCaseReview({ ...base, queue: 're_review', kind: 're_review', caseId: 'c' })).toBe(
      false,
    );
    expect(
      isCaseReview({ ...base, queue: 'rights_holders', kind: 'rights_holder_verification' }),
    ).toBe(false);
  });
});
