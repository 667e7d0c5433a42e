import type { AppealAgainst } from '../../domain/appeals.ts';
import type { Jurisdiction } from '../../domain/vocabulary.ts';
import { caseDocument, type ListingRef, type MessageContext, pick } from '../context.ts';
import { type Block, type EmailDocument, heading, list, paragraph } from '../document.ts';
import { redressItems } from './redress.ts';

/**
 * The appellant learns the outcome of its appeal (DSA Art 20(5)), with the reasons and the
 * redress that remains (out-of-court settlement under Art 21 in the EU, the courts).
 */
export interface AppealDecidedFacts {
  caseId: string;
  appealId: string;
  listing: ListingRef;
  jurisdiction: Jurisdiction;
  appellant: 'seller' | 'notifier';
  against: AppealAgainst;
  outcome: 'upheld' | 'dismissed';
  /** The deciding reviewer's reasons, written for the parties. Never the internal note. */
  reasons: string;
}

const TEXT = {
  en: {
    subject: (f: AppealDecidedFacts) =>
      `Your appeal about listing ${f.listing.listingId}: ${f.outcome === 'upheld' ? 'upheld' : 'dismissed'}`,
    decidedBy:
      'Your appeal was decided by a reviewer who took no part in the decision you appealed.',
    upheld: {
      takedown: 'Your appeal is upheld: the listing is restored and the strike revoked.',
      strike:
        'Your appeal is upheld: the strike of this case is revoked and your account’s measure recomputed. The listing stays down.',
      account_measure:
        'Your appeal is upheld: the strike behind the measure is revoked and your account’s measure recomputed. The listing stays down.',
      rejection:
        'Your appeal is upheld: the case is re-opened and the listing is taken down. The seller receives a statement of reasons and may contest it.',
      restore:
        'Your appeal is upheld: the case is re-opened and the listing is taken down again. The seller receives a statement of reasons and may contest it.',
    } satisfies Record<AppealAgainst, string>,
    dismissed: 'Your appeal is dismissed: the decision stands.',
    reasons: 'Reasons',
    options: 'What remains open to you',
  },
  'zh-CN': {
    subject: (f: AppealDecidedFacts) =>
      `您就商品链接 ${f.listing.listingId} 的申诉：${f.outcome === 'upheld' ? '成立' : '驳回'}`,
    decidedBy: '您的申诉由未参与原决定的审核人员处理。',
    upheld: {
      takedown: '您的申诉成立：该商品链接已恢复，违规记录已撤销。',
      strike: '您的申诉成立：本案件的违规记录已撤销，账户措施已重新计算。该商品链接仍保持下架。',
      account_measure:
        '您的申诉成立：该措施所依据的违规记录已撤销，账户措施已重新计算。该商品链接仍保持下架。',
      rejection:
        '您的申诉成立：案件已重新开启，该商品链接将被下架。卖家将收到决定理由说明并可提出异议。',
      restore:
        '您的申诉成立：案件已重新开启，该商品链接将再次下架。卖家将收到决定理由说明并可提出异议。',
    } satisfies Record<AppealAgainst, string>,
    dismissed: '您的申诉被驳回：原决定维持。',
    reasons: '理由',
    options: '您仍可采取的途径',
  },
};

/** The appellant learns the outcome of its appeal. */
export function appealDecided(f: AppealDecidedFacts, context: MessageContext): EmailDocument {
  const t = pick(context, TEXT);
  const body = f.outcome === 'upheld' ? t.upheld[f.against] : t.dismissed;
  const blocks: Block[] = [
    paragraph(body),
    paragraph(t.decidedBy),
    { kind: 'quote', label: t.reasons, text: f.reasons },
    heading(t.options),
    list(redressItems(context, f.jurisdiction, { caseId: f.caseId, party: f.appellant })),
  ];
  return caseDocument(context, f.appellant === 'seller' ? 'seller' : 'rights_holder', {
    subject: t.subject(f),
    preview: body,
    caseId: f.caseId,
    listing: f.listing,
    blocks,
  });
}
