import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type { CaseFile, CounterNoticeBody } from '../../../api/contract.ts';

/** GET /v1/sellers/me/cases: the cases against the caller's listings, newest first. */
export function useSellerCases() {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: ['seller-cases'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/sellers/me/cases', {
          params: { query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
    refetchInterval: 15_000,
  });
}

export type SellerCase = NonNullable<ReturnType<typeof useSellerCases>['data']>[number];

/** GET /v1/sellers/me/strikes: strikes with expiry, the measure, the education owed. */
export function useStrikes() {
  const api = useApi();
  return useQuery({
    queryKey: ['seller-strikes'],
    queryFn: () => unwrap(api.GET('/v1/sellers/me/strikes')),
  });
}

export type Strikes = NonNullable<ReturnType<typeof useStrikes>['data']>;

/** POST /v1/sellers/me/education-acknowledgement: the IP-education notice is acknowledged. */
export function useAcknowledgeEducation() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/sellers/me/education-acknowledgement')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['seller-strikes'] }),
  });
}

/** GET /v1/cases/{caseId}: the seller's view, with its statement of reasons. */
export function useSellerCase(caseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: (): Promise<CaseFile> =>
      unwrap(api.GET('/v1/cases/{caseId}', { params: { path: { caseId } } })),
  });
}

/** POST /v1/cases/{caseId}/counter-notice. */
export function useFileCounterNotice(caseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CounterNoticeBody) =>
      unwrap(
        api.POST('/v1/cases/{caseId}/counter-notice', {
          params: { path: { caseId } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['seller-cases'] });
    },
  });
}
