import type { Jurisdiction } from '../../domain/vocabulary.ts';
import { caseDocument, type ListingRef, type MessageContext, pick } from '../context.ts';
import { type Block, type EmailDocument, heading, list, paragraph } from '../document.ts';
import { redressItems } from './redress.ts';

/** How a case that acted on a listing ended, as its notifier is told. */
export interface CaseOutcomeFacts {
  caseId: string;
  listing: ListingRef;
  jurisdiction: Jurisdiction;
  outcome: 'abandoned' | 'upheld' | 'upheld_pending_court' | 'restored' | 'withdrawn';
  /** Why a listing came back: a founded re-review, or no court action before the deadline. */
  restoredBecause?:
    | 're_review_founded'
    | 'no_court_action_reported'
    | 'appeal_upheld'
    | 'audit_reversed';
  /** A re-review's reasons, written for the parties. Never the internal note. */
  reasons?: string;
  /** For a withdrawal: whether the listing had been taken down (and is now restored). */
  listingRestored?: boolean;
  /** Until when the notifier may complain internally against a restore. */
  complaintUntil?: string;
}

const TEXT = {
  en: {
    subject: {
      abandoned: (id: string) => `Case for listing ${id} closed: no information received`,
      upheld: (id: string) => `Takedown of listing ${id} upheld`,
      upheld_pending_court: (id: string) => `Listing ${id} stays down pending court action`,
      restored: (id: string) => `Listing ${id} restored`,
      withdrawn: (id: string) => `Your withdrawal for listing ${id} is done`,
    },
    body: {
      abandoned:
        'The information the reviewer asked for did not arrive in time, so the case is closed as abandoned. You may file a new notice.',
      upheld:
        'The takedown of this listing is upheld and the case is closed. The listing stays down.',
      upheld_pending_court:
        'You reported a court action, so the listing stays down until the court decides. The case is closed as upheld pending court.',
      restored: {
        re_review_founded:
          "A reviewer re-examined the case after the seller's counter-notice and found the counter-notice founded: the listing is restored.",
        no_court_action_reported:
          'No court action or authority complaint was reported before the deadline after the counter-notice, so the listing is restored, as the law requires.',
        appeal_upheld:
          "The seller's appeal was decided by a reviewer who did not take the decision appealed, and found founded: the listing is restored.",
        audit_reversed:
          'The takedown was decided by automated means, and a reviewer who audited that decision reversed it: the listing is restored.',
      },
      withdrawn: (restored: boolean) =>
        `Your withdrawal of this case is done.${restored ? ' The listing is restored and the strike for this case revoked.' : ''}`,
    },
    reasons: 'Reasons for the decision',
    options: 'Your options',
  },
  'zh-CN': {
    subject: {
      abandoned: (id: string) => `商品链接 ${id} 的案件已关闭：未收到补充信息`,
      upheld: (id: string) => `商品链接 ${id} 的下架决定维持`,
      upheld_pending_court: (id: string) => `商品链接 ${id} 在诉讼期间保持下架`,
      restored: (id: string) => `商品链接 ${id} 已恢复`,
      withdrawn: (id: string) => `您对商品链接 ${id} 的撤回已完成`,
    },
    body: {
      abandoned: '审核人员要求的补充信息未在期限内收到，案件以“放弃”结案。您可以重新提交通知。',
      upheld: '该商品链接的下架决定维持，案件已关闭，该商品链接保持下架。',
      upheld_pending_court:
        '您已报告提起诉讼，该商品链接在法院作出裁判前保持下架。案件以“维持（诉讼中）”结案。',
      restored: {
        re_review_founded:
          '审核人员在卖家提交反通知后重新审查本案，认为反通知理由成立，该商品链接已恢复。',
        no_court_action_reported:
          '在反通知后的期限内未收到已起诉或已投诉的报告，我们依法恢复了该商品链接。',
        appeal_upheld:
          '卖家的申诉由未参与原决定的审核人员处理，认为申诉理由成立，该商品链接已恢复。',
        audit_reversed:
          '该下架决定由自动化手段作出，审核人员在人工抽查中撤销了该决定，该商品链接已恢复。',
      },
      withdrawn: (restored: boolean) =>
        `您对本案件的撤回已完成。${restored ? '该商品链接已恢复，本案件对应的违规记录已撤销。' : ''}`,
    },
    reasons: '决定理由',
    options: '您可采取的途径',
  },
};

/** The notifier learns how a case ended. */
export function caseOutcome(f: CaseOutcomeFacts, context: MessageContext): EmailDocument {
  const t = pick(context, TEXT);
  const subject = t.subject[f.outcome](f.listing.listingId);
  const body =
    f.outcome === 'restored'
      ? t.body.restored[f.restoredBecause ?? 'no_court_action_reported']
      : f.outcome === 'withdrawn'
        ? t.body.withdrawn(f.listingRestored ?? false)
        : t.body[f.outcome];
  const blocks: Block[] = [paragraph(body)];
  if (f.reasons) blocks.push({ kind: 'quote', label: t.reasons, text: f.reasons });
  if (f.outcome === 'restored') {
    blocks.push(
      heading(t.options),
      list(
        redressItems(context, f.jurisdiction, {
          caseId: f.caseId,
          party: 'notifier',
          ...(f.complaintUntil ? { complaintUntil: f.complaintUntil } : {}),
        }),
      ),
    );
  }
  return caseDocument(context, 'rights_holder', {
    subject,
    preview: body,
    caseId: f.caseId,
    listing: f.listing,
    blocks,
  });
}
