import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { useCaseList } from '../../../api/case-list.ts';
import { unwrap } from '../../../api/client.ts';
import type { CaseFile } from '../../../api/contract.ts';
import type { CaseSearch } from '../search-params.ts';

/** GET /v1/cases/{caseId}: the case file, as a reviewer sees it. */
export function useCaseFile(caseId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: ['case', caseId],
    enabled,
    queryFn: (): Promise<CaseFile> =>
      unwrap(api.GET('/v1/cases/{caseId}', { params: { path: { caseId } } })),
  });
}

/** GET /v1/cases?q=&status=&jurisdiction=: case summaries, newest first, page by page. */
export function useCaseSearch(search: CaseSearch) {
  return useCaseList('cases', search);
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
