import type { ScreeningReasonCode } from '../../domain/screening.ts';
import type { Jurisdiction } from '../../domain/vocabulary.ts';
import { caseDocument, type ListingRef, type MessageContext, pick, when } from '../context.ts';
import { type Block, type EmailDocument, heading, list, paragraph } from '../document.ts';
import { TERMS } from '../terms.ts';
import { redressItems } from './redress.ts';

/** The decision on one listing of a notice, as its notifier is told it (DSA Art 16(5)). */
export interface ListingDecisionFacts {
  caseId: string;
  noticeId: string;
  listing: ListingRef;
  jurisdiction: Jurisdiction;
  decidedAt: string;
  /**
   * `taken_down` and `rejected`: a reviewer's decision; `not_accepted`: screening refused the
   * listing; `duplicate`: an open case of the same listing and IP right already acts on it.
   */
  outcome: 'taken_down' | 'rejected' | 'not_accepted' | 'duplicate';
  /** The reviewer's reasons, written for the parties. Never the internal note. */
  reasons?: string;
  /** The takedown was decided by automated means (the fast lane's automated approval). */
  automatedDecision?: boolean;
  screeningReason?: ScreeningReasonCode;
  duplicateOf?: string;
  counterNoticeDueAt?: string;
  /** Until when the notifier may complain internally against a refusal. */
  complaintUntil?: string;
}

const TEXT = {
  en: {
    subject: {
      taken_down: (f: ListingDecisionFacts) => `Listing ${f.listing.listingId} taken down`,
      rejected: (f: ListingDecisionFacts) =>
        `Your notice about listing ${f.listing.listingId} was rejected`,
      not_accepted: (f: ListingDecisionFacts) =>
        `Listing ${f.listing.listingId} not accepted at screening`,
      duplicate: (f: ListingDecisionFacts) =>
        `Listing ${f.listing.listingId} is already in an open case`,
    },
    outcome: {
      taken_down:
        'A reviewer approved your notice for this listing, and we took the listing down on the whole marketplace. The seller has received a statement of reasons.',
      rejected: 'A reviewer rejected your notice for this listing. The listing stays up.',
      automated:
        'Your notice for this listing was approved by automated means, and we took the listing down on the whole marketplace. The seller has received a statement of reasons.',
      not_accepted: 'We could not accept your notice for this listing at screening:',
      duplicate:
        'An open case for the same listing and the same IP right already acts on it, so this case is linked to it and closed:',
    },
    decided: 'Decided',
    notice: 'Notice',
    reasons: 'Reasons for the decision',
    automated: {
      reviewer: 'The decision was taken by a person; no automated means decided it.',
      screening: 'Screening is automated: it checks your standing, the IP right and the listing.',
      decision:
        'The decision was taken by automated means, without a person: your notices are accurate (fast lane), and this counterfeit notice is backed by a test-buy report. A share of such decisions is audited by a person, who may reverse it.',
    },
    counterNotice: (due: string) =>
      `The seller may send a counter-notice until ${due}. If it does, we forward it to you and tell you what follows.`,
    redress: 'Your options',
    refile: 'You may also file a new notice with further evidence.',
    openCase: 'The open case',
  },
  'zh-CN': {
    subject: {
      taken_down: (f: ListingDecisionFacts) => `商品链接 ${f.listing.listingId} 已下架`,
      rejected: (f: ListingDecisionFacts) => `您针对商品链接 ${f.listing.listingId} 的通知未获支持`,
      not_accepted: (f: ListingDecisionFacts) => `商品链接 ${f.listing.listingId} 未通过初步核查`,
      duplicate: (f: ListingDecisionFacts) => `商品链接 ${f.listing.listingId} 已在处理中的案件中`,
    },
    outcome: {
      taken_down:
        '审核人员已支持您针对该商品链接的通知，我们已在全平台下架该商品链接，并已向卖家发送处理理由说明。',
      rejected: '审核人员未支持您针对该商品链接的通知，该商品链接继续在售。',
      automated:
        '您针对该商品链接的通知已由自动化手段支持，我们已在全平台下架该商品链接，并已向卖家发送处理理由说明。',
      not_accepted: '您针对该商品链接的通知未能通过初步核查：',
      duplicate: '针对同一商品链接和同一知识产权已有处理中的案件，本案件已关联至该案件并关闭：',
    },
    decided: '决定时间',
    notice: '通知编号',
    reasons: '决定理由',
    automated: {
      reviewer: '该决定由人工作出，未使用自动化手段作出决定。',
      screening: '初步核查为自动进行，核查内容包括您的权利人资格、知识产权及商品链接。',
      decision:
        '该决定由自动化手段作出，未经人工审核：您的通知准确率高（快速通道），且本次假冒商品通知附有试购报告。此类决定中有一定比例会由人工抽查，抽查人员可撤销该决定。',
    },
    counterNotice: (due: string) =>
      `卖家可在 ${due} 前提交反通知（不侵权声明）。如卖家提交，我们会将其转送给您，并告知后续处理。`,
    redress: '您可采取的途径',
    refile: '您也可以补充证据后重新提交通知。',
    openCase: '处理中的案件',
  },
};

/** The notifier's per-listing outcome, with reasons and redress, including a refusal (DSA Art 16(5)). */
export function listingDecision(f: ListingDecisionFacts, context: MessageContext): EmailDocument {
  const t = pick(context, TEXT);
  const { locale } = context.audience;
  const blocks: Block[] = [
    paragraph(
      f.automatedDecision && f.outcome === 'taken_down'
        ? t.outcome.automated
        : t.outcome[f.outcome],
    ),
  ];
  if (f.outcome === 'not_accepted' && f.screeningReason) {
    blocks.push(list([TERMS.screeningReason[f.screeningReason][locale]]));
  }
  if (f.outcome === 'duplicate' && f.duplicateOf) {
    blocks.push(
      list([[`${t.openCase}: `, { link: f.duplicateOf, href: context.links.case(f.duplicateOf) }]]),
    );
  }
  if (f.reasons) blocks.push({ kind: 'quote', label: t.reasons, text: f.reasons });
  blocks.push(
    paragraph(
      f.automatedDecision
        ? t.automated.decision
        : f.outcome === 'taken_down' || f.outcome === 'rejected'
          ? t.automated.reviewer
          : t.automated.screening,
    ),
  );
  if (f.outcome === 'taken_down' && f.counterNoticeDueAt) {
    blocks.push(paragraph(t.counterNotice(when(context, f.counterNoticeDueAt))));
  }
  if (f.outcome === 'rejected' || f.outcome === 'not_accepted') {
    blocks.push(
      heading(t.redress),
      list([
        ...redressItems(context, f.jurisdiction, {
          caseId: f.caseId,
          party: 'notifier',
          ...(f.complaintUntil ? { complaintUntil: f.complaintUntil } : {}),
        }),
        [t.refile],
      ]),
    );
  }
  return caseDocument(context, 'rights_holder', {
    subject: t.subject[f.outcome](f),
    preview: t.outcome[f.outcome],
    caseId: f.caseId,
    listing: f.listing,
    more: [
      [t.notice, { link: f.noticeId, href: context.links.notice(f.noticeId) }],
      [t.decided, when(context, f.decidedAt)],
    ],
    blocks,
  });
}
