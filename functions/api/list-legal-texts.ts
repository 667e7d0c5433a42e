import { legalTexts } from '../domain/legal-texts.ts';
import { apiHandler, json } from './lib/handler.ts';
import { legalTextsQuerySchema } from './schemas/platform.ts';

/**
 * GET /v1/legal-texts (any signed-in role): the statements a party makes in a notice, a
 * counter-notice or an appeal, in the words of the jurisdiction's law and the caller's locale.
 */
export const handler = apiHandler('GET /v1/legal-texts', async ({ query }) => {
  const { jurisdiction, document, locale, infringementType } = query(legalTextsQuerySchema);
  return json(
    200,
    {
      jurisdiction,
      document,
      locale,
      items: legalTexts(jurisdiction, document, locale, infringementType),
    },
    { 'cache-control': 'private, max-age=3600' },
  );
});
