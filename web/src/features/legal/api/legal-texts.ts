import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type { Jurisdiction, LegalDocument, LegalText, LegalTexts } from '../../../api/contract.ts';
import { ApiProblem } from '../../../api/problem.ts';

/**
 * The statement keys each document's body names (API.md): what the app says in its own words
 * while the service has no `GET /v1/legal-texts` to give the statute's.
 */
const APP_KEYS: Record<LegalDocument, Partial<Record<Jurisdiction, string[]>>> = {
  notice: {
    US: ['goodFaith', 'accurate', 'authorizedUnderPenaltyOfPerjury'],
    EU: ['goodFaith', 'accurate', 'authorizedUnderPenaltyOfPerjury'],
    CN: ['goodFaith', 'accurate', 'authorizedUnderPenaltyOfPerjury'],
  },
  counter_notice: { US: ['underPenaltyOfPerjury', 'consentToJurisdiction'] },
  appeal: {},
};

export interface StatutoryTexts {
  texts: LegalText[];
  /** `service`: the statute's words from the API; `app`: the app's own, the route being absent. */
  source: 'service' | 'app';
}

/** The list of statements in the answer, under whichever name the service gives it. */
function listOf(body: LegalTexts): LegalText[] {
  const list = body.items ?? body.statements ?? body.texts;
  return Array.isArray(list)
    ? list.filter(
        (item): item is LegalText =>
          typeof item?.key === 'string' && typeof item?.text === 'string',
      )
    : [];
}

/**
 * GET /v1/legal-texts: the statutory statements a party agrees to, in the viewer's language. A
 * service without the route (404) gets the app's own wording of the same statements, marked so.
 */
export function useLegalTexts(jurisdiction: Jurisdiction | undefined, document: LegalDocument) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return useQuery({
    queryKey: ['legal-texts', jurisdiction, document, locale],
    enabled: jurisdiction !== undefined,
    staleTime: 60 * 60_000,
    queryFn: async (): Promise<StatutoryTexts> => {
      try {
        const body = await unwrap(
          api.GET('/v1/legal-texts', {
            params: { query: { jurisdiction: jurisdiction!, document, locale } },
          }),
        );
        return { texts: listOf(body), source: 'service' };
      } catch (error) {
        if (!(error instanceof ApiProblem) || error.status !== 404) throw error;
        const keys = APP_KEYS[document][jurisdiction!] ?? [];
        return {
          texts: keys.map((key) => ({ key, text: t(`legal.${document}.${key}`) })),
          source: 'app',
        };
      }
    },
  });
}
