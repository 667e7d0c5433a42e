import { footer, type MessageContext, pick } from '../context.ts';
import { type EmailDocument, facts, heading, list, paragraph } from '../document.ts';

/** The facts of a bulk notice's summary, sent once when its fan-out ends. */
export interface FanOutSummaryFacts {
  noticeId: string;
  total: number;
  started: number;
  duplicates: number;
  /** The first rejected rows (the portal shows them all). */
  rejectedRows: { row: number; reason: string }[];
  rejected: number;
}

/** Rejected rows listed in the email; the rest are in the portal. */
export const SUMMARY_REJECTED_ROWS = 20;

const TEXT = {
  en: {
    subject: (f: FanOutSummaryFacts) => `Notice ${f.noticeId}: ${f.started} cases opened`,
    title: 'Your bulk notice has been handled',
    rows: 'Rows in the manifest',
    started: 'Cases opened',
    duplicates: 'Rows naming a listing named before (one case)',
    rejected: 'Rows rejected',
    rejectedList: 'Rejected rows',
    row: (row: number, reason: string) => `Row ${row}: ${reason}`,
    more: (n: number) => `…and ${n} more: see the notice in the portal.`,
    next: 'Each case is screened and decided on its own; you will receive the decisions as a digest, not one email per listing.',
    follow: 'Follow your notice',
  },
  'zh-CN': {
    subject: (f: FanOutSummaryFacts) => `通知 ${f.noticeId}：已立案 ${f.started} 件`,
    title: '您的批量通知已处理完毕',
    rows: '清单行数',
    started: '已立案',
    duplicates: '重复的行（合并为一个案件）',
    rejected: '被拒绝的行',
    rejectedList: '被拒绝的行',
    row: (row: number, reason: string) => `第 ${row} 行：${reason}`,
    more: (n: number) => `……另有 ${n} 行，请在门户中查看该通知。`,
    next: '每个案件将单独核查和决定；处理决定将以摘要形式发送给您，而不是每个商品链接一封邮件。',
    follow: '查看通知进展',
  },
};

/** The one summary of a bulk notice's fan-out (API.md, Bulk notices): never one email per row. */
export function fanOutSummary(f: FanOutSummaryFacts, context: MessageContext): EmailDocument {
  const t = pick(context, TEXT);
  const shown = f.rejectedRows.slice(0, SUMMARY_REJECTED_ROWS);
  return {
    subject: t.subject(f),
    preview: t.title,
    blocks: [
      heading(t.title),
      facts([
        [t.rows, String(f.total)],
        [t.started, String(f.started)],
        [t.duplicates, String(f.duplicates)],
        [t.rejected, String(f.rejected)],
      ]),
      ...(shown.length > 0
        ? [
            heading(t.rejectedList),
            list(shown.map((r) => [t.row(r.row, r.reason)])),
            ...(f.rejected > shown.length ? [paragraph(t.more(f.rejected - shown.length))] : []),
          ]
        : []),
      paragraph(t.next),
      { kind: 'action', label: t.follow, href: context.links.notice(f.noticeId) },
    ],
    footer: footer(context, 'rights_holder'),
  };
}
