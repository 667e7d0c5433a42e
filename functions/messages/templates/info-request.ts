import { caseDocument, type ListingRef, type MessageContext, pick, when } from '../context.ts';
import { type Block, callout, type EmailDocument, paragraph } from '../document.ts';

/** A reviewer's request for more information about one listing of a notice. */
export interface InfoRequestFacts {
  caseId: string;
  listing: ListingRef;
  dueAt: string;
  /** What the reviewer asks for, written for the parties. Never the internal note. */
  reasons?: string;
}

const TEXT = {
  en: {
    subject: (f: InfoRequestFacts) =>
      `More information needed about listing ${f.listing.listingId}`,
    intro: 'A reviewer needs more information before deciding on your notice for this listing.',
    asked: 'What the reviewer asks for',
    due: (due: string) =>
      `Answer on the case page before ${due}. Without an answer by then, the case closes as abandoned; you may file a new notice later.`,
    answer: 'Answer on the case page',
  },
  'zh-CN': {
    subject: (f: InfoRequestFacts) => `商品链接 ${f.listing.listingId} 需要补充信息`,
    intro: '审核人员在对您针对该商品链接的通知作出决定前，需要您补充信息。',
    asked: '审核人员要求补充的内容',
    due: (due: string) =>
      `请在 ${due} 前通过案件页面答复。逾期未答复的，案件将以“放弃”结案；您之后仍可重新提交通知。`,
    answer: '在案件页面答复',
  },
};

/** The notifier is asked for more before a reviewer decides. */
export function infoRequest(f: InfoRequestFacts, context: MessageContext): EmailDocument {
  const t = pick(context, TEXT);
  const blocks: Block[] = [paragraph(t.intro)];
  if (f.reasons) blocks.push({ kind: 'quote', label: t.asked, text: f.reasons });
  blocks.push(callout(t.due(when(context, f.dueAt))), {
    kind: 'action',
    label: t.answer,
    href: context.links.case(f.caseId),
  });
  return caseDocument(context, 'rights_holder', {
    subject: t.subject(f),
    preview: t.intro,
    caseId: f.caseId,
    listing: f.listing,
    blocks,
  });
}
