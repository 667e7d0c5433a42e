import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type {
  InfringementType,
  Jurisdiction,
  LegalDocument,
  LegalText,
  Locale,
} from '../../../api/contract.ts';

/**
 * GET /v1/legal-texts: the statutory statements of a document in the law's words, in the viewer's
 * language. A statement with a `field` is agreed to by sending that body field as true; one
 * without informs. A US counter-notice depends on the infringement type (§512(g) covers
 * copyright only), so pass the case's.
 */
export function useLegalTexts(
  jurisdiction: Jurisdiction | undefined,
  document: LegalDocument,
  infringementType?: InfringementType,
) {
  const api = useApi();
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return useQuery({
    queryKey: ['legal-texts', jurisdiction, document, locale, infringementType],
    enabled: jurisdiction !== undefined,
    staleTime: 60 * 60_000,
    queryFn: async (): Promise<LegalText[]> =>
      (
        await unwrap(
          api.GET('/v1/legal-texts', {
            params: {
              query: {
                jurisdiction: jurisdiction!,
                document,
                locale,
                ...(infringementType ? { infringementType } : {}),
              },
            },
          }),
        )
      ).items,
  });
}

/** The body fields (dot paths) a party must send as true to agree to the document's statements. */
export function agreementFields(texts: readonly LegalText[] | undefined): string[] {
  return (texts ?? []).flatMap((text) => (text.field ? [text.field] : []));
}

/**
 * The agreed fields as the body's nested booleans, e.g. `statements.goodFaith` →
 * `{statements: {goodFaith: true}}`.
 */
export function agreementBody(fields: Iterable<string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const parts = field.split('.');
    let node = body;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1)!] = true;
  }
  return body;
}
