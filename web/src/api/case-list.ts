import { useInfiniteQuery } from '@tanstack/react-query';
import { useApi } from './api-context.tsx';
import { unwrap } from './client.ts';
import type { CaseQuery } from './contract.ts';

/**
 * GET /v1/cases: case summaries matching the query, newest first, a page (25) at a time. Reviewers
 * search every case; a rights holder gets its own. `key` names the list for invalidation.
 */
export function useCaseList(
  key: string,
  query: CaseQuery,
  options?: {
    /** Milliseconds between refetches: fixed, or chosen from the summaries the list shows now. */
    refetchInterval?: number | ((shown: readonly { status: string }[]) => number);
  },
) {
  const api = useApi();
  const interval = options?.refetchInterval;
  return useInfiniteQuery({
    queryKey: [key, query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/cases', {
          params: { query: { ...query, limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
    refetchInterval:
      typeof interval === 'function'
        ? (q) => interval(q.state.data?.pages.flatMap((page) => page.items) ?? [])
        : interval,
  });
}
