import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';

/** Types the API serves inline (API.md: `/view` answers 409 for anything else). */
export function isInlineSafe(contentType: string): boolean {
  return (
    contentType.startsWith('image/') ||
    contentType === 'application/pdf' ||
    contentType === 'text/plain'
  );
}

/**
 * The evidence's content for inline display: GET /v1/evidence/{id}/view with the Bearer token,
 * following its redirect to the short-lived storage link (the browser drops the Authorization
 * header on the cross-origin hop), as a Blob kept in memory for this page.
 */
export function useEvidenceContent(evidenceId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['evidence-view', evidenceId],
    enabled,
    staleTime: 4 * 60_000,
    gcTime: 4 * 60_000,
    queryFn: async (): Promise<Blob> =>
      unwrap(
        api.GET('/v1/evidence/{evidenceId}/view', {
          params: { path: { evidenceId } },
          parseAs: 'blob',
        }),
      ) as Promise<Blob>,
  });
}

/** Downloads the evidence as a file (GET /v1/evidence/{id}/download, an attachment). */
export function useEvidenceDownload() {
  const api = useApi();
  return async (evidenceId: string, fileName: string) => {
    const blob = (await unwrap(
      api.GET('/v1/evidence/{evidenceId}/download', {
        params: { path: { evidenceId } },
        parseAs: 'blob',
      }),
    )) as unknown as Blob;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
}
