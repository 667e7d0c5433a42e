import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';

export type Subject = 'rights-holder' | 'ip-right';

export interface VerificationBody {
  decision: 'verify' | 'reject';
  reason: string;
}

/** GET /v1/rights-holders/{id} (reviewer): the applicant's details, proof and standing. */
export function useRightsHolderProfile(rightsHolderId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['rights-holder', rightsHolderId],
    queryFn: () =>
      unwrap(
        api.GET('/v1/rights-holders/{rightsHolderId}', { params: { path: { rightsHolderId } } }),
      ),
    retry: false,
  });
}

/** GET /v1/ip-rights/{id} (reviewer): the right, its holder's name and its proof documents. */
export function useIpRight(ipRightId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['ip-right', ipRightId],
    queryFn: () =>
      unwrap(api.GET('/v1/ip-rights/{ipRightId}', { params: { path: { ipRightId } } })),
    retry: false,
  });
}

/** POST .../verification for a rights holder or an IP right. */
export function useVerify(subject: Subject, id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: VerificationBody): Promise<void> => {
      await (subject === 'rights-holder'
        ? unwrap(
            api.POST('/v1/rights-holders/{rightsHolderId}/verification', {
              params: { path: { rightsHolderId: id } },
              body,
            }),
          )
        : unwrap(
            api.POST('/v1/ip-rights/{ipRightId}/verification', {
              params: { path: { ipRightId: id } },
              body,
            }),
          ));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['review-tasks'] }),
  });
}
