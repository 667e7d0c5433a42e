import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type { ReasonCode } from '../../../api/contract.ts';

/** The reason-code catalogue (policy data); it changes rarely, so it is kept for the session. */
export function useReasonCodes() {
  const api = useApi();
  return useQuery({
    queryKey: ['reason-codes'],
    queryFn: async (): Promise<ReasonCode[]> =>
      (await unwrap(api.GET('/v1/reason-codes', {}))).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The codes a decision may cite. */
export function codesFor(codes: readonly ReasonCode[], decision: string): ReasonCode[] {
  return codes.filter((code) => (code.decisions as readonly string[]).includes(decision));
}

/** A code's label in the viewer's language (the catalogue carries en and zh-CN). */
export function reasonLabel(code: ReasonCode, language: string): string {
  return language === 'zh-CN' ? code.label['zh-CN'] : code.label.en;
}
