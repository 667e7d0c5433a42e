import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type { ReviewTask } from '../../../api/contract.ts';
import type { QueueSearch } from '../search-params.ts';

/**
 * GET /v1/review-tasks: every queue by default, the most urgent first (the API sorts); more pages
 * on demand. Refreshed every minute so claims and new tasks show up.
 */
export function useReviewTasks(search: QueueSearch) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: ['review-tasks', search],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/review-tasks', {
          params: { query: { ...search, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
    select: (data) => data.pages.flatMap((page) => page.items) as ReviewTask[],
  });
}

/** Claims a task for the caller (409 when another reviewer holds it), or releases it. */
export function useClaim() {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['review-tasks'] });
  const claim = useMutation({
    mutationFn: (taskId: string) =>
      unwrap(api.POST('/v1/review-tasks/{taskId}/claim', { params: { path: { taskId } } })),
    onSettled: refresh,
  });
  const release = useMutation({
    mutationFn: (taskId: string) =>
      unwrap(api.DELETE('/v1/review-tasks/{taskId}/claim', { params: { path: { taskId } } })),
    onSettled: refresh,
  });
  return { claim, release };
}
