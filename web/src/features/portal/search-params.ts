import type { CaseQuery, CaseStatus } from '../../api/contract.ts';

/** The rights holder's case list query, kept in the URL. */
export type PortalCaseSearch = Pick<CaseQuery, 'q' | 'status' | 'jurisdiction' | 'noticeId'>;

export function parsePortalCaseSearch(search: Record<string, unknown>): PortalCaseSearch {
  const result: PortalCaseSearch = {};
  if (typeof search.q === 'string' && search.q.trim().length >= 2)
    result.q = search.q.trim().slice(0, 100);
  if (typeof search.status === 'string' && /^[a-z_]{1,40}$/.test(search.status))
    result.status = search.status as CaseStatus;
  if (search.jurisdiction === 'US' || search.jurisdiction === 'EU' || search.jurisdiction === 'CN')
    result.jurisdiction = search.jurisdiction;
  if (typeof search.noticeId === 'string' && /^[\w-]{1,100}$/.test(search.noticeId))
    result.noticeId = search.noticeId;
  return result;
}
