import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type { AppealBody, AppealDecisionBody } from '../../../api/contract.ts';

/** POST /v1/cases/{caseId}/appeals: the seller's or the notifier's appeal (DSA Art 20). */
export function useFileAppeal(caseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AppealBody) =>
      unwrap(api.POST('/v1/cases/{caseId}/appeals', { params: { path: { caseId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
  });
}

/** GET /v1/appeals/{appealId}: the appeal as its appellant or a reviewer sees it. */
export function useAppeal(appealId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['appeal', appealId],
    queryFn: () => unwrap(api.GET('/v1/appeals/{appealId}', { params: { path: { appealId } } })),
  });
}

/** POST /v1/appeals/{appealId}/decision: a reviewer (not the one who decided) upholds or dismisses. */
export function useDecideAppeal(appealId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AppealDecisionBody) =>
      unwrap(api.POST('/v1/appeals/{appealId}/decision', { params: { path: { appealId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['appeal', appealId] });
      void queryClient.invalidateQueries({ queryKey: ['review-tasks'] });
    },
  });
}
