import type { Jurisdiction } from '../../domain/vocabulary.ts';
import { caseDocument, type ListingRef, type MessageContext, pick } from '../context.ts';
import { type Block, type EmailDocument, heading, list, paragraph } from '../document.ts';
import { redressItems } from './redress.ts';

/** How a case against a seller's listing ended, after its statement of reasons. */
export interface SellerCaseUpdateFacts {
  caseId: string;
  listing: ListingRef;
  jurisdiction: Jurisdiction;
  outcome: 'upheld' | 'upheld_pending_court' | 'restored' | 'withdrawn';
  /** A re-review's reasons, written for the parties. Never the internal note. */
  reasons?: string;
  /** Until when the seller may still complain internally against the takedown. */
  complaintUntil?: string;
}

const TEXT = {
  en: {
    subject: {
      upheld: (id: string) => `Removal of listing ${id} upheld`,
      upheld_pending_court: (id: string) => `Listing ${id} stays down pending court action`,
      restored: (id: string) => `Listing ${id} restored`,
      withdrawn: (id: string) => `Listing ${id} restored: complaint withdrawn`,
    },
    body: {
      upheld: 'The removal of your listing is upheld and the case is closed.',
      upheld_pending_court:
        'The notifier reported a court action about your listing, so it stays down until the court decides.',
      restored:
        'Your listing is restored, and the strike on your account for this case is revoked.',
      withdrawn:
        'The rights holder withdrew its complaint: your listing is restored, and the strike on your account for this case is revoked.',
    },
    reasons: 'Reasons for the decision',
    options: 'Your options',
  },
  'zh-CN': {
    subject: {
      upheld: (id: string) => `商品链接 ${id} 的下架决定维持`,
      upheld_pending_court: (id: string) => `商品链接 ${id} 在诉讼期间保持下架`,
      restored: (id: string) => `商品链接 ${id} 已恢复`,
      withdrawn: (id: string) => `商品链接 ${id} 已恢复：投诉已撤回`,
    },
    body: {
      upheld: '您的商品链接的下架决定维持，案件已关闭。',
      upheld_pending_court:
        '通知人已报告就您的商品链接提起诉讼，该商品链接在法院作出裁判前保持下架。',
      restored: '您的商品链接已恢复，本案件对应的违规记录已撤销。',
      withdrawn: '权利人已撤回投诉：您的商品链接已恢复，本案件对应的违规记录已撤销。',
    },
    reasons: '决定理由',
    options: '您可采取的途径',
  },
};

/** The seller learns how a case against its listing ended. */
export function sellerCaseUpdate(f: SellerCaseUpdateFacts, context: MessageContext): EmailDocument {
  const t = pick(context, TEXT);
  const subject = t.subject[f.outcome](f.listing.listingId);
  const blocks: Block[] = [paragraph(t.body[f.outcome])];
  if (f.reasons) blocks.push({ kind: 'quote', label: t.reasons, text: f.reasons });
  if (f.outcome === 'upheld' || f.outcome === 'upheld_pending_court') {
    blocks.push(
      heading(t.options),
      list(
        redressItems(context, f.jurisdiction, {
          caseId: f.caseId,
          party: 'seller',
          ...(f.complaintUntil ? { complaintUntil: f.complaintUntil } : {}),
        }),
      ),
    );
  }
  return caseDocument(context, 'seller', {
    subject,
    preview: t.body[f.outcome],
    caseId: f.caseId,
    listing: f.listing,
    blocks,
  });
}
