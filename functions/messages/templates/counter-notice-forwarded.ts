import { caseDocument, type ListingRef, type MessageContext, pick, when } from '../context.ts';
import {
  type Block,
  callout,
  type EmailDocument,
  facts,
  heading,
  list,
  paragraph,
} from '../document.ts';

/**
 * A seller's counter-notice, forwarded to the notifier as the law sends it: with the seller's
 * contact (17 U.S.C. §512(g)(2)(B); E-Commerce Law Art 43), under the statutory timer.
 */
export interface CounterNoticeForwardedFacts {
  caseId: string;
  listing: ListingRef;
  jurisdiction: 'US' | 'CN' | 'EU';
  counterNotice: {
    receivedAt: string;
    statement: string;
    contact: { name?: string; address?: string; phone?: string; email?: string };
    /** US only: the CN declaration carries no signature, and the copy must not claim one. */
    signature?: { fullName: string; signedAt: string };
    /** US copyright: what the seller declared under 17 U.S.C. §512(g)(3), each agreed separately. */
    statutory?: {
      underPenaltyOfPerjury: boolean;
      consentToJurisdiction: boolean;
      district?: string;
      serviceProviderDistrict: boolean;
      acceptServiceOfProcess: boolean;
      material?: { description: string; location: string };
    };
    evidenceCount: number;
  };
  /** US: the listing comes back from here unless a court action is reported first. */
  restoreNotBefore?: string;
  /**
   * The last moment to report a court action (US). For CN it counts from this message's arrival,
   * so the email states the rule and the case page the instant.
   */
  courtActionDueAt?: string;
}

const TEXT = {
  en: {
    subject: (f: CounterNoticeForwardedFacts) =>
      `Counter-notice received for listing ${f.listing.listingId}`,
    intro: {
      US: 'The seller sent a counter-notice under 17 U.S.C. §512(g)(3). We forward it to you as §512(g)(2)(B) requires.',
      CN: 'The seller sent a declaration of non-infringement with preliminary evidence. We forward it to you under E-Commerce Law Art 43 and Civil Code Art 1196.',
      EU: 'The seller sent a counter-notice. We forward it to you.',
    },
    what: {
      US: (due: string, restore: string | undefined) =>
        `Unless you tell us, before ${due}, that you have filed an action seeking a court order to restrain the seller from the infringing activity, we restore the listing${restore ? ` from ${restore}` : ''} (17 U.S.C. §512(g)(2)(C)).`,
      CN: () =>
        'You may complain to the competent authority or sue in a people’s court. Unless you tell us within 15 days after this message reaches you that you have done so, we end the measures and restore the listing (E-Commerce Law Art 43). The period ends at 24:00 Beijing time of the 15th day, or of the first working day after it if that day is a public holiday; the case page shows the exact deadline.',
      EU: (due: string) => `Unless you report a court action by ${due}, we restore the listing.`,
    },
    statutory: {
      perjury:
        'Under penalty of perjury: a good faith belief that the material was removed as a result of mistake or misidentification',
      district: (district: string) =>
        `Consents to the jurisdiction of the Federal District Court for its judicial district: ${district}`,
      serviceProviderDistrict:
        'Address outside the United States: consents to the jurisdiction of any judicial district in which the service provider may be found',
      service: 'Will accept service of process from you or your agent',
      material: 'Removed material',
      location: 'Where it appeared',
      declared: 'Declared under 17 U.S.C. §512(g)(3)',
    },
    cnEvidence:
      'The seller’s preliminary evidence: download it from the case page (E-Commerce Law Art 43).',
    report: 'Report a court action or an authority complaint on the case page',
    received: 'Received',
    from: 'From',
    address: 'Address',
    phone: 'Phone',
    email: 'Email',
    signed: 'Signed',
    evidence: 'Preliminary evidence',
    evidenceCount: (n: number) => `${n === 1 ? '1 file' : `${n} files`}, on the case page`,
    statement: "The seller's statement",
  },
  'zh-CN': {
    subject: (f: CounterNoticeForwardedFacts) => `商品链接 ${f.listing.listingId} 收到反通知`,
    intro: {
      US: '卖家已依《美国法典》第17编第512(g)(3)条提交反通知。我们依第512(g)(2)(B)条向您转送。',
      CN: '卖家已提交不存在侵权行为的声明及初步证据。我们依据《中华人民共和国电子商务法》第四十三条及《中华人民共和国民法典》第一千一百九十六条向您转送。',
      EU: '卖家已提交反通知，我们现向您转送。',
    },
    what: {
      US: (due: string, restore: string | undefined) =>
        `除非您在 ${due} 前告知我们已提起诉讼、请求法院责令卖家停止侵权行为，我们将${restore ? `自 ${restore} 起` : ''}恢复该商品链接（《美国法典》第17编第512(g)(2)(C)条）。`,
      CN: () =>
        '您可以向有关主管部门投诉或者向人民法院起诉。如在本通知到达您后十五日内未收到您已投诉或者起诉的通知，我们将终止所采取的措施，恢复该商品链接（《电子商务法》第四十三条）。期间至第十五日北京时间24时届满；该日为法定休假日的，以法定休假日结束的次日为期间的最后一日。准确期限见案件页面。',
      EU: (due: string) => `除非您在 ${due} 前告知已提起诉讼，我们将恢复该商品链接。`,
    },
    statutory: {
      perjury: '在伪证罪处罚的前提下声明：善意地相信该材料因错误或误认而被删除',
      district: (district: string) => `同意接受其所在司法辖区（${district}）联邦地区法院的管辖`,
      serviceProviderDistrict: '地址位于美国境外：同意接受服务提供者所在的任何司法辖区的管辖',
      service: '将接受您或您的代理人送达的法律文书',
      material: '被删除的材料',
      location: '原所在位置',
      declared: '依《美国法典》第17编第512(g)(3)条声明',
    },
    cnEvidence: '卖家提交的初步证据可在案件页面下载（《电子商务法》第四十三条）。',
    report: '在案件页面报告已起诉或已投诉',
    received: '收到时间',
    from: '声明人',
    address: '地址',
    phone: '电话',
    email: '电子邮箱',
    signed: '签署',
    evidence: '初步证据',
    evidenceCount: (n: number) => `${n} 份，可在案件页面查看`,
    statement: '卖家的声明',
  },
};

/** The notifier receives the counter-notice, and what happens unless it goes to court. */
export function counterNoticeForwarded(
  f: CounterNoticeForwardedFacts,
  context: MessageContext,
): EmailDocument {
  const t = pick(context, TEXT);
  const due = f.courtActionDueAt ? when(context, f.courtActionDueAt) : '';
  const what =
    f.jurisdiction === 'US'
      ? t.what.US(due, f.restoreNotBefore ? when(context, f.restoreNotBefore) : undefined)
      : f.jurisdiction === 'CN'
        ? t.what.CN()
        : t.what.EU(due);
  const cn = f.counterNotice;
  // The CN declaration carries no signature or perjury statement, and the copy must not claim one.
  const signed =
    f.jurisdiction === 'US' && cn.signature
      ? `${cn.signature.fullName}, ${when(context, cn.signature.signedAt)}`
      : undefined;
  const blocks: Block[] = [
    paragraph(t.intro[f.jurisdiction]),
    callout(what),
    { kind: 'action', label: t.report, href: context.links.case(f.caseId) },
    facts([
      [t.received, when(context, cn.receivedAt)],
      [t.from, cn.contact.name],
      [t.address, cn.contact.address],
      [t.phone, cn.contact.phone],
      [t.email, cn.contact.email],
      [t.signed, signed],
      [t.evidence, t.evidenceCount(cn.evidenceCount)],
    ]),
    { kind: 'quote', label: t.statement, text: cn.statement },
  ];
  const declared = cn.statutory;
  if (f.jurisdiction === 'US' && declared) {
    blocks.push(
      heading(t.statutory.declared),
      list(
        [
          declared.underPenaltyOfPerjury ? t.statutory.perjury : undefined,
          declared.consentToJurisdiction && declared.district
            ? t.statutory.district(declared.district)
            : undefined,
          declared.consentToJurisdiction && declared.serviceProviderDistrict
            ? t.statutory.serviceProviderDistrict
            : undefined,
          declared.acceptServiceOfProcess ? t.statutory.service : undefined,
          declared.material
            ? `${t.statutory.material}: ${declared.material.description}; ${t.statutory.location}: ${declared.material.location}`
            : undefined,
        ].filter((item): item is string => item !== undefined),
      ),
    );
  }
  if (f.jurisdiction === 'CN' && cn.evidenceCount > 0) blocks.push(paragraph(t.cnEvidence));
  return caseDocument(context, 'rights_holder', {
    subject: t.subject(f),
    preview: t.intro[f.jurisdiction],
    caseId: f.caseId,
    listing: f.listing,
    blocks,
  });
}
