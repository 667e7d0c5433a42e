import * as z from 'zod';

/** The decisions a reviewer takes on a case: a review, or a re-review after a counter-notice. */
export const CASE_DECISIONS = ['approve', 'reject', 'request_info', 'restore', 'uphold'] as const;
export type CaseDecision = (typeof CASE_DECISIONS)[number];

/**
 * What a reason says about the notice, for standing and transparency:
 * - `infringement` / `no_infringement`: the merits;
 * - `insufficient`: the notice lacked what a decision needs (not the notifier's bad faith);
 * - `manifestly_unfounded`: a rejection that counts as notifier misuse (DSA Art 23(2));
 * - `more_information`: a request for information;
 * - `counter_notice`: the outcome of a re-review after a counter-notice.
 */
export const REASON_CLASSES = [
  'infringement',
  'no_infringement',
  'insufficient',
  'manifestly_unfounded',
  'more_information',
  'counter_notice',
] as const;

const label = z.strictObject({
  en: z.string().min(1).max(200),
  'zh-CN': z.string().min(1).max(200),
});

export const reasonCodeSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/)
    .describe('snake_case, stable: decisions record it'),
  decisions: z.array(z.enum(CASE_DECISIONS)).min(1),
  class: z.enum(REASON_CLASSES),
  label,
  description: z.string().min(1).max(1000),
});
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

/** The catalogue: codes unique, every decision with at least one code. */
export const reasonCodeCatalogueSchema = z
  .array(reasonCodeSchema)
  .min(1)
  .superRefine((codes, ctx) => {
    const seen = new Set<string>();
    codes.forEach((entry, i) => {
      if (seen.has(entry.code))
        ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'Duplicate reason code' });
      seen.add(entry.code);
    });
    for (const decision of CASE_DECISIONS) {
      if (!codes.some((entry) => entry.decisions.includes(decision)))
        ctx.addIssue({ code: 'custom', path: [], message: `No reason code for ${decision}` });
    }
  });

const entry = (
  code: string,
  decisions: CaseDecision[],
  reasonClass: ReasonCode['class'],
  en: string,
  zh: string,
  description: string,
): ReasonCode => ({ code, decisions, class: reasonClass, label: { en, 'zh-CN': zh }, description });

/** The default catalogue; operators replace it through the policy document (`reasonCodes`). */
export const DEFAULT_REASON_CODES: ReasonCode[] = [
  entry(
    'counterfeit_goods',
    ['approve', 'uphold'],
    'infringement',
    'Counterfeit goods bearing the registered mark',
    '销售带有注册商标的假冒商品',
    'The listing offers goods bearing a mark identical to or indistinguishable from the registered mark, not made by or for the rights holder.',
  ),
  entry(
    'trademark_misuse',
    ['approve', 'uphold'],
    'infringement',
    'Unauthorised use of the registered mark',
    '未经许可使用注册商标',
    'The listing uses the registered mark, or a confusingly similar sign, for goods or services it covers, without the rights holder’s consent.',
  ),
  entry(
    'copyright_copy',
    ['approve', 'uphold'],
    'infringement',
    'Unauthorised copy of a protected work',
    '未经许可复制受著作权保护的作品',
    'The listing reproduces or distributes the protected work (or its substantial part) without the rights holder’s licence.',
  ),
  entry(
    'patent_claims_met',
    ['approve', 'uphold'],
    'infringement',
    'Product within the patent’s claims',
    '商品落入专利权利要求的保护范围',
    'The product offered meets every element of at least one claim of the patent relied on.',
  ),
  entry(
    'design_reproduced',
    ['approve', 'uphold'],
    'infringement',
    'Product reproduces the registered design',
    '商品使用了已登记的外观设计',
    'The product’s appearance does not produce a different overall impression from the registered design.',
  ),
  entry(
    'insufficient_evidence',
    ['reject'],
    'insufficient',
    'The evidence does not show an infringement',
    '证据不足以证明侵权',
    'The notice’s evidence does not establish that this listing infringes the right relied on; the rights holder may file again with better evidence.',
  ),
  entry(
    'no_infringement',
    ['reject', 'restore'],
    'no_infringement',
    'No infringement found',
    '未发现侵权',
    'On the facts reviewed, the listing does not infringe the right relied on.',
  ),
  entry(
    'lawful_use',
    ['reject', 'restore'],
    'no_infringement',
    'Lawful use (genuine goods, exhaustion, fair use)',
    '合法使用（正品转售、权利用尽、合理使用）',
    'The listing resells genuine goods, refers to the mark descriptively, or otherwise makes a use the law allows.',
  ),
  entry(
    'right_not_applicable',
    ['reject'],
    'no_infringement',
    'The right relied on does not cover this listing',
    '所依据的权利不覆盖该商品',
    'The IP right relied on does not cover these goods, this territory, or this period.',
  ),
  entry(
    'manifestly_unfounded',
    ['reject'],
    'manifestly_unfounded',
    'Manifestly unfounded notice',
    '明显缺乏依据的通知',
    'Without a detailed analysis it is evident that the notice is unfounded (e.g. the listing is the rights holder’s own, or unrelated to the right). Counts toward notifier misuse (DSA Art 23(2)).',
  ),
  entry(
    'need_proof_of_infringement',
    ['request_info'],
    'more_information',
    'More proof of the infringement is needed',
    '需要补充侵权证明',
    'The rights holder is asked for evidence that links this listing to the infringement (e.g. a comparison or an expert statement).',
  ),
  entry(
    'need_test_buy',
    ['request_info'],
    'more_information',
    'A test buy is needed',
    '需要提供试购证据',
    'The rights holder is asked for a test buy report showing the goods sold are not genuine.',
  ),
  entry(
    'need_listing_identification',
    ['request_info'],
    'more_information',
    'The listing or the infringing part is unclear',
    '商品或侵权部分不明确',
    'The rights holder is asked to identify exactly which listing, image or text infringes.',
  ),
  entry(
    'counter_notice_founded',
    ['restore'],
    'counter_notice',
    'The counter-notice shows the removal was a mistake',
    '反通知表明删除有误',
    'The seller’s counter-notice and evidence show that the removal was a mistake or a misidentification.',
  ),
  entry(
    'counter_notice_unfounded',
    ['uphold'],
    'counter_notice',
    'The counter-notice does not rebut the infringement',
    '反通知未能推翻侵权认定',
    'The seller’s counter-notice and evidence do not rebut the evidence of infringement; the removal stands.',
  ),
];

/** The catalogue entry of a code, if it allows the decision. */
export function reasonCodeFor(
  catalogue: readonly ReasonCode[],
  code: string,
  decision: CaseDecision,
): ReasonCode | undefined {
  return catalogue.find((entry) => entry.code === code && entry.decisions.includes(decision));
}
