import { type ListingRef, listingFacts, type MessageContext, pick, when } from '../context.ts';
import { callout, type EmailDocument, heading, paragraph } from '../document.ts';

/** A case that needs a reviewer now: its review escalated, or a re-review or parked case overdue. */
export interface ReviewerAlertFacts {
  caseId: string;
  listing: ListingRef;
  alert: 'escalated' | 'overdue';
  status: string;
  jurisdiction: string;
  infringementType: string;
  dueAt?: string;
}

const TEXT = {
  en: {
    subject: (f: ReviewerAlertFacts) =>
      f.alert === 'escalated'
        ? `Escalated: case ${f.caseId} passed its review SLA`
        : `Overdue: case ${f.caseId} is past its deadline`,
    intro: (f: ReviewerAlertFacts) =>
      `Case ${f.caseId} (${f.jurisdiction}, ${f.infringementType}, status ${f.status}) waits in the queue and needs a reviewer.`,
    due: (due: string) => `Due: ${due}.`,
    open: 'Open it in the review console',
    footer:
      'You receive this as the platform’s IP review team. Claim the case in the console before you work it; this message carries no link that decides anything.',
  },
  'zh-CN': {
    subject: (f: ReviewerAlertFacts) =>
      f.alert === 'escalated'
        ? `已升级：案件 ${f.caseId} 超过审核时限`
        : `已逾期：案件 ${f.caseId} 超过截止时间`,
    intro: (f: ReviewerAlertFacts) =>
      `案件 ${f.caseId}（${f.jurisdiction}，${f.infringementType}，状态 ${f.status}）正在队列中等待审核人员处理。`,
    due: (due: string) => `截止时间：${due}。`,
    open: '在审核控制台中打开',
    footer:
      '您作为平台知识产权审核团队收到此邮件。处理前请先在控制台中认领该案件；本邮件不含任何可作出决定的链接。',
  },
};

/** Tells the reviewers' shared address that a case needs someone now (never a decision link). */
export function reviewerAlert(f: ReviewerAlertFacts, context: MessageContext): EmailDocument {
  const t = pick(context, TEXT);
  const subject = t.subject(f);
  return {
    subject,
    preview: t.intro(f),
    blocks: [
      heading(subject),
      listingFacts(context, f.listing, f.caseId),
      paragraph(t.intro(f)),
      ...(f.dueAt ? [callout(t.due(when(context, f.dueAt)))] : []),
      { kind: 'action', label: t.open, href: context.links.review(f.caseId) },
    ],
    footer: [t.footer],
  };
}
