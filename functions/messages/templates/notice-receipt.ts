import type { InfringementType, IpRightKind, Jurisdiction } from '../../domain/vocabulary.ts';
import { footer, type MessageContext, pick, when } from '../context.ts';
import { type EmailDocument, facts, heading, list, paragraph } from '../document.ts';
import { TERMS } from '../terms.ts';

/** The facts of a receipt: the notice as filed, before any listing is screened. */
export interface NoticeReceiptFacts {
  noticeId: string;
  receivedAt: string;
  jurisdiction: Jurisdiction;
  infringementType: InfringementType;
  ipRight: { kind: IpRightKind; title: string; registrationNumber?: string };
  /** One case per listing named (a bulk notice's are listed in the portal, not here). */
  cases: { caseId: string; listingId: string }[];
  /** A bulk notice: the rows of its manifest (its cases are created as it fans out). */
  manifestRows?: number;
}

/** Why the notice is handled, and under which law (the receipt's legal frame). */
const LEGAL_FRAME: Record<Jurisdiction, { en: string; 'zh-CN': string }> = {
  EU: {
    en: 'This confirms receipt of your notice under Article 16(4) of the Digital Services Act (Regulation (EU) 2022/2065). We will decide on each listing in a timely, diligent, non-arbitrary and objective manner, and tell you the decision and the redress open to you (Article 16(5)).',
    'zh-CN':
      '特此确认已收到您的通知（欧盟《数字服务法》（第2022/2065号条例）第16条第4款）。我们将及时、审慎、客观且非任意地对每个商品链接作出决定，并告知您决定结果及可获得的救济途径（第16条第5款）。',
  },
  US: {
    en: 'This confirms receipt of your notice. We handle it under our notice-and-takedown policy and, for copyright, 17 U.S.C. §512(c). We will tell you the decision on each listing, with its reasons and the redress open to you.',
    'zh-CN':
      '特此确认已收到您的通知。我们将依据平台的通知与删除规则处理；涉及著作权的，依据《美国法典》第17编第512(c)条处理。我们会告知您每个商品链接的处理决定、理由及可获得的救济途径。',
  },
  CN: {
    en: "This confirms receipt of your notice under Article 42 of the E-Commerce Law of the People's Republic of China and Article 1195 of its Civil Code. We will take the necessary measures in time where your preliminary evidence supports them, forward your notice to the seller, and tell you the decision on each listing.",
    'zh-CN':
      '特此确认已收到您的通知。我们将依据《中华人民共和国电子商务法》第四十二条及《中华人民共和国民法典》第一千一百九十五条处理：对初步证据支持的，及时采取必要措施，并将您的通知转送卖家；每个商品链接的处理决定都会告知您。',
  },
};

const TEXT = {
  en: {
    subject: (f: NoticeReceiptFacts) => `Notice ${f.noticeId} received`,
    preview: (n: number) =>
      `We received your notice about ${n === 1 ? '1 listing' : `${n} listings`}.`,
    title: 'We received your notice',
    notice: 'Notice',
    receivedAt: 'Received',
    ipRight: 'IP right',
    registration: 'registration',
    type: 'Complaint',
    law: 'Law applied',
    listings: 'Listings named',
    listingCase: (listingId: string) => `Listing ${listingId}: case `,
    manifest: (n: number) =>
      `Your manifest of ${n} rows: each distinct listing becomes its own case. You will receive one summary when every row is handled; decisions on the listings come as a digest.`,
    next: 'What happens next',
    nextText:
      'Each listing becomes its own case. We check it (your standing, the IP right, the listing), a reviewer decides, and you hear from us about each listing with the reasons for the decision.',
    follow: 'Follow your notice',
  },
  'zh-CN': {
    subject: (f: NoticeReceiptFacts) => `已收到通知 ${f.noticeId}`,
    preview: (n: number) => `我们已收到您针对 ${n} 个商品链接的通知。`,
    title: '我们已收到您的通知',
    notice: '通知编号',
    receivedAt: '收到时间',
    ipRight: '知识产权',
    registration: '注册号',
    type: '投诉类型',
    law: '适用法律',
    listings: '所涉商品链接',
    listingCase: (listingId: string) => `商品链接 ${listingId}：案件 `,
    manifest: (n: number) =>
      `您提交的清单共 ${n} 行：每个不同的商品链接将单独立案。全部处理完毕后您将收到一份汇总；各商品链接的处理决定将以摘要形式发送。`,
    next: '后续流程',
    nextText:
      '每个商品链接将单独立案。我们会先进行核查（您的权利人资格、知识产权及商品链接），再由审核人员作出决定，并就每个商品链接向您说明决定及其理由。',
    follow: '查看通知进展',
  },
};

/** The receipt a notifier gets when its notice is filed (DSA Art 16(4)). */
export function noticeReceipt(f: NoticeReceiptFacts, context: MessageContext): EmailDocument {
  const t = pick(context, TEXT);
  const { locale } = context.audience;
  const registration = f.ipRight.registrationNumber
    ? ` (${t.registration} ${f.ipRight.registrationNumber})`
    : '';
  return {
    subject: t.subject(f),
    preview: t.preview(f.manifestRows ?? f.cases.length),
    blocks: [
      heading(t.title),
      paragraph(LEGAL_FRAME[f.jurisdiction][locale]),
      facts([
        [t.notice, { link: f.noticeId, href: context.links.notice(f.noticeId) }],
        [t.receivedAt, when(context, f.receivedAt)],
        [
          t.ipRight,
          `${TERMS.ipRightKind[f.ipRight.kind][locale]} “${f.ipRight.title}”${registration}`,
        ],
        [t.type, TERMS.infringementType[f.infringementType][locale]],
        [t.law, TERMS.jurisdiction[f.jurisdiction][locale]],
      ]),
      heading(t.listings),
      f.manifestRows === undefined
        ? list(
            f.cases.map((c) => [
              t.listingCase(c.listingId),
              { link: c.caseId, href: context.links.case(c.caseId) },
            ]),
          )
        : paragraph(t.manifest(f.manifestRows)),
      heading(t.next),
      paragraph(t.nextText),
      { kind: 'action', label: t.follow, href: context.links.notice(f.noticeId) },
    ],
    footer: footer(context, 'rights_holder'),
  };
}
