import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type { TestBuy, TestBuyBody, TestBuyOutcome } from '../../../api/contract.ts';

/** The outcomes a test buy records, in the order the form offers them. */
export const TEST_BUY_OUTCOMES: readonly TestBuyOutcome[] = [
  'counterfeit_confirmed',
  'genuine',
  'inconclusive',
];

/** GET /v1/test-buys?sellerId=: the seller's test buys, on it and on its cases, newest first. */
export function useSellerTestBuys(sellerId: string | null | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['test-buys', sellerId],
    enabled: Boolean(sellerId),
    queryFn: async (): Promise<TestBuy[]> =>
      (
        await unwrap(
          api.GET('/v1/test-buys', { params: { query: { sellerId: sellerId!, limit: 50 } } }),
        )
      ).items,
  });
}

/**
 * POST /v1/test-buys; once recorded, the case (its file lists the test buys attached to it) and
 * the seller's test buys are read again.
 */
export function useRecordTestBuy(caseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TestBuyBody) => unwrap(api.POST('/v1/test-buys', { body })),
    onSuccess: (recorded) => {
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['test-buys', recorded.sellerId] });
    },
  });
}
