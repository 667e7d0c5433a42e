import { caseDocument, type ListingRef, type MessageContext, pick, when } from '../context.ts';
import { type EmailDocument, paragraph } from '../document.ts';

/** A counter-notice that a reviewer re-examines (EU; US other than copyright). */
export interface CounterNoticeReReviewFacts {
  caseId: string;
  listing: ListingRef;
  reReviewDueAt?: string;
}

const TEXT = {
  en: {
    subject: (f: CounterNoticeReReviewFacts) =>
      `Counter-notice under review for listing ${f.listing.listingId}`,
    intro:
      'The seller sent a counter-notice. A reviewer who did not take the first decision re-examines the case; the listing stays down meanwhile.',
    due: (due: string) =>
      `We aim to decide by ${due}, and will tell you the outcome with its reasons.`,
  },
  'zh-CN': {
    subject: (f: CounterNoticeReReviewFacts) => `商品链接 ${f.listing.listingId} 的反通知正在复审`,
    intro: '卖家已提交反通知。未参与原决定的审核人员将重新审查本案，期间该商品链接保持下架。',
    due: (due: string) => `我们力争在 ${due} 前作出决定，并将告知您结果及理由。`,
  },
};

/** The notifier learns that a counter-notice is being re-reviewed. */
export function counterNoticeReReview(
  f: CounterNoticeReReviewFacts,
  context: MessageContext,
): EmailDocument {
  const t = pick(context, TEXT);
  return caseDocument(context, 'rights_holder', {
    subject: t.subject(f),
    preview: t.intro,
    caseId: f.caseId,
    listing: f.listing,
    blocks: [
      paragraph(t.intro),
      ...(f.reReviewDueAt ? [paragraph(t.due(when(context, f.reReviewDueAt)))] : []),
    ],
  });
}
