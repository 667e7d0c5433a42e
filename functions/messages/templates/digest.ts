import { footer, type MessageContext, pick, when } from '../context.ts';
import { type EmailDocument, heading, list, paragraph } from '../document.ts';

/**
 * One email for many case messages (API.md: a notifier's outcomes of a notice of more than 10
 * listings, hourly; a seller's own-initiative statements of reasons, daily): each message's
 * subject, linked to its case, where the full message waits (the portal; for a seller, also its
 * marketplace inbox).
 */
export interface DigestFacts {
  role: 'rights_holder' | 'seller';
  /** The end of the period the digest covers. */
  periodEnd: string;
  items: { caseId: string; subject: string; at: string }[];
}

const TEXT = {
  en: {
    subject: (n: number) =>
      n === 1 ? '1 update about your cases' : `${n} updates about your cases`,
    intro: {
      rights_holder:
        'Decisions and outcomes on the listings of your notices, gathered in one email. Each case page has the full message, with its reasons and your options.',
      seller:
        'Messages about your listings, gathered in one email. Each is in your seller centre inbox in full, with its reasons and your options (counter-notice, appeal).',
    },
    until: (at: string) => `Up to ${at}`,
  },
  'zh-CN': {
    subject: (n: number) => `您的案件有 ${n} 条更新`,
    intro: {
      rights_holder:
        '以下为您所提交通知涉及商品链接的处理决定与结果汇总。各案件页面载有完整消息，包括理由及您可采取的途径。',
      seller:
        '以下为与您的商品链接有关的消息汇总。完整消息（含理由及反通知、申诉等途径）已发送至您的卖家中心收件箱。',
    },
    until: (at: string) => `截至 ${at}`,
  },
};

export function digest(f: DigestFacts, context: MessageContext): EmailDocument {
  const t = pick(context, TEXT);
  const subject = t.subject(f.items.length);
  return {
    subject,
    preview: t.intro[f.role],
    blocks: [
      heading(subject),
      paragraph(t.intro[f.role]),
      paragraph(t.until(when(context, f.periodEnd))),
      list(
        f.items.map((item) => [
          { link: item.caseId, href: context.links.case(item.caseId) },
          `: ${item.subject}`,
        ]),
      ),
    ],
    footer: footer(context, f.role),
  };
}
