import {
  type InfringementType,
  type Jurisdiction,
  QUEUES,
  type Queue,
} from '../../api/contract.ts';

/** The queue page's filters, kept in the URL so a view can be bookmarked, shared and saved. */
export interface QueueSearch {
  queue?: Queue;
  jurisdiction?: Jurisdiction;
  infringementType?: InfringementType;
}

const JURISDICTIONS: readonly Jurisdiction[] = ['US', 'EU', 'CN'];
export const INFRINGEMENT_TYPES: readonly InfringementType[] = [
  'counterfeit',
  'trademark',
  'copyright',
  'patent',
  'design',
];

const pick = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;

/** Reads the filters from the URL's search params, dropping anything unknown. */
export function parseQueueSearch(search: Record<string, unknown>): QueueSearch {
  const result: QueueSearch = {};
  const queue = pick(QUEUES, search.queue);
  const jurisdiction = pick(JURISDICTIONS, search.jurisdiction);
  const infringementType = pick(INFRINGEMENT_TYPES, search.infringementType);
  if (queue) result.queue = queue;
  if (jurisdiction) result.jurisdiction = jurisdiction;
  if (infringementType) result.infringementType = infringementType;
  return result;
}

export { JURISDICTIONS };
