import type { QueueSearch } from './search-params.ts';

/** A named set of queue filters, kept in this browser. */
export interface SavedView {
  name: string;
  search: QueueSearch;
}

const KEY = 'takedown.queue.savedViews';

export function loadSavedViews(storage: Pick<Storage, 'getItem'>): SavedView[] {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (v) => typeof v?.name === 'string' && v.search && typeof v.search === 'object',
        )
      : [];
  } catch {
    return [];
  }
}

/** Adds or replaces (by name) a view, and returns the new list. */
export function saveView(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  view: SavedView,
): SavedView[] {
  const views = [...loadSavedViews(storage).filter((v) => v.name !== view.name), view];
  storage.setItem(KEY, JSON.stringify(views));
  return views;
}

export function deleteView(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  name: string,
): SavedView[] {
  const views = loadSavedViews(storage).filter((v) => v.name !== name);
  storage.setItem(KEY, JSON.stringify(views));
  return views;
}
