import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type { CaseFile, CaseSummary } from '../../../api/contract.ts';
import type { CaseSearch } from '../search-params.ts';

/** GET /v1/cases/{caseId}: the case file, as a reviewer sees it. */
export function useCaseFile(caseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: (): Promise<CaseFile> =>
      unwrap(api.GET('/v1/cases/{caseId}', { params: { path: { caseId } } })),
  });
}

/** GET /v1/cases?q=&status=&jurisdiction=: case summaries, newest first, page by page. */
export function useCaseSearch(search: CaseSearch) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: ['cases', search],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/cases', {
          params: { query: { ...search, limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items) as CaseSummary[],
  });
}

/** POST /v1/cases/{caseId}/retry: resumes a case parked in action_failed. */
export function useRetryCase() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (caseId: string) =>
      unwrap(api.POST('/v1/cases/{caseId}/retry', { params: { path: { caseId } } })),
    onSuccess: (_r, caseId) => {
      void queryClient.invalidateQueries({ queryKey: ['review-tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
}
