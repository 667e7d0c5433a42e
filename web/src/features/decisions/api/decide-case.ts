import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type { DecisionBody } from '../../../api/contract.ts';

/** POST /v1/cases/{caseId}/decision; refreshes the queue and the case once it is accepted. */
export function useDecideCase() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: DecisionBody }) =>
      unwrap(api.POST('/v1/cases/{caseId}/decision', { params: { path: { caseId } }, body })),
    onSuccess: (_result, { caseId }) => {
      void queryClient.invalidateQueries({ queryKey: ['review-tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
}
