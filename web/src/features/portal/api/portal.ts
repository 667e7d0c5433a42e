import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { useCaseList } from '../../../api/case-list.ts';
import { unwrap } from '../../../api/client.ts';
import type { CaseFile, CourtActionBody, Jurisdiction } from '../../../api/contract.ts';
import type { paths } from '../../../api/paths.ts';
import { ApiProblem } from '../../../api/problem.ts';
import type { PortalCaseSearch } from '../search-params.ts';

type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type RegistrationBody = Body<'/v1/rights-holders'>;
export type IpRightBody = Body<'/v1/ip-rights'>;
export type NoticeBody = Body<'/v1/notices'>;

/** The court-action report of API.md (`kind` included). */
/**
 * GET /v1/rights-holders/me: the caller's profile with its standing; `null` when the caller has
 * not registered yet (404).
 */
export function useMyProfile() {
  const api = useApi();
  return useQuery({
    queryKey: ['rights-holder', 'me'],
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/v1/rights-holders/me'));
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** POST /v1/rights-holders: registers the caller (as the company, or as its agent). */
export function useRegister() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationBody) => unwrap(api.POST('/v1/rights-holders', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['rights-holder', 'me'] }),
  });
}

/** GET /v1/ip-rights: the caller's IP rights, newest first (the first 100). */
export function useIpRights() {
  const api = useApi();
  return useQuery({
    queryKey: ['ip-rights'],
    queryFn: () => unwrap(api.GET('/v1/ip-rights', { params: { query: { limit: 100 } } })),
    select: (page) => page.items,
  });
}

export type IpRight = NonNullable<ReturnType<typeof useIpRights>['data']>[number];

/** POST /v1/ip-rights: registers an IP right with its proof; it awaits verification. */
export function useRegisterIpRight() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IpRightBody) => unwrap(api.POST('/v1/ip-rights', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ip-rights'] }),
  });
}

/** GET /v1/evidence/{id}: one of the caller's own files (an IP right's proof). */
export function useEvidenceSummary(evidenceId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['evidence', evidenceId],
    queryFn: () =>
      unwrap(api.GET('/v1/evidence/{evidenceId}', { params: { path: { evidenceId } } })),
  });
}

/** One filing attempt: the body as sent and the Idempotency-Key it was sent with. */
export interface NoticeAttempt {
  idempotencyKey: string;
  body: NoticeBody;
}

/**
 * POST /v1/notices with the attempt's Idempotency-Key: the same attempt sent twice (a double
 * click, a retry after a lost answer) files the notice once and gets the same answer.
 */
export function useFileNotice() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, body }: NoticeAttempt) =>
      unwrap(
        api.POST('/v1/notices', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['portal-cases'] }),
  });
}

/**
 * GET /v1/notices/{noticeId}: the notice with, for a bulk notice, its fan-out's progress; polled
 * every 1.5 s while it fans out, and the notice's case list refreshed as cases start.
 */
export function useNotice(noticeId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['notice', noticeId],
    queryFn: () => unwrap(api.GET('/v1/notices/{noticeId}', { params: { path: { noticeId } } })),
    refetchInterval: (query) => (query.state.data?.status === 'fanning_out' ? 1_500 : false),
  });
}

export type Notice = NonNullable<ReturnType<typeof useNotice>['data']>;
export type RejectedRow = NonNullable<Notice['progress']>['rejectedRows'][number];

/**
 * GET /v1/cases (own cases only): summaries matching the filters, newest first. Refetched every
 * 2 s while a case listed is still in screening (a notice just filed: its listings' titles and
 * the review come within seconds), else every 15 s.
 */
export function usePortalCases(search: PortalCaseSearch) {
  return useCaseList('portal-cases', search, {
    refetchInterval: (shown) => (shown.some((c) => c.status === 'screening') ? 2_000 : 15_000),
  });
}

/** GET /v1/cases/{caseId}: the rights holder's view of its case. */
export function usePortalCase(caseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: (): Promise<CaseFile> =>
      unwrap(api.GET('/v1/cases/{caseId}', { params: { path: { caseId } } })),
    refetchInterval: 15_000,
  });
}

function useCaseAction<T>(caseId: string, call: (body: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['portal-cases'] });
    },
  });
}

/** POST /v1/cases/{caseId}/court-action: the listing stays down. */
export function useReportCourtAction(caseId: string) {
  const api = useApi();
  return useCaseAction(caseId, (body: CourtActionBody) =>
    unwrap(
      api.POST('/v1/cases/{caseId}/court-action', {
        params: { path: { caseId } },
        body,
      }),
    ),
  );
}

/** POST /v1/cases/{caseId}/withdrawal: the listing comes back, the strike is revoked. */
export function useWithdrawCase(caseId: string) {
  const api = useApi();
  return useCaseAction(caseId, (_: undefined) =>
    unwrap(api.POST('/v1/cases/{caseId}/withdrawal', { params: { path: { caseId } } })),
  );
}

/** The jurisdictions of the IP rights, for the case filters. */
export const JURISDICTIONS: readonly Jurisdiction[] = ['US', 'EU', 'CN'];
