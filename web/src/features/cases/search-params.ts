import type { CaseQuery, CaseStatus } from '../../api/contract.ts';

/** The case search's query, kept in the URL. */
export type CaseSearch = Pick<CaseQuery, 'q' | 'status' | 'jurisdiction'>;

export function parseCaseSearch(search: Record<string, unknown>): CaseSearch {
  const result: CaseSearch = {};
  if (typeof search.q === 'string' && search.q.trim()) result.q = search.q.trim().slice(0, 200);
  if (typeof search.status === 'string' && /^[a-z_]{1,40}$/.test(search.status))
    result.status = search.status as CaseStatus;
  if (search.jurisdiction === 'US' || search.jurisdiction === 'EU' || search.jurisdiction === 'CN')
    result.jurisdiction = search.jurisdiction;
  return result;
}
