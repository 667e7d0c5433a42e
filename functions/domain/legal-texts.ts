import type { Locale } from './locale.ts';
import type { Jurisdiction } from './vocabulary.ts';

/**
 * The statutory statements a party makes, in the words of the law that asks for them, per
 * jurisdiction, document and locale (API.md, `GET /v1/legal-texts`). The web app and integrators
 * show exactly these words; a statement with a `field` is agreed to by sending that body field
 * as `true` (one by one, never as a block); one without a field says what the law requires or
 * offers and asks for no agreement.
 *
 * Sources: 17 U.S.C. §512(c)(3)(A) (notice), §512(g)(3) (counter-notice); DSA Arts 16(2), 20,
 * 21; E-Commerce Law Arts 42, 43 and Civil Code Arts 1195, 1196. The Chinese texts of Chinese
 * law quote the statute; the Chinese texts of US and EU law are translations, and say so.
 */
export const LEGAL_DOCUMENTS = ['notice', 'counter_notice', 'appeal'] as const;
export type LegalDocument = (typeof LEGAL_DOCUMENTS)[number];

export interface LegalText {
  /** Stable key; for an agreement, the body field (dot path) that carries it. */
  key: string;
  text: string;
  /** The body field that must be `true` to agree; absent for a text that informs. */
  field?: string;
  /** The statute or article the words come from. */
  source: string;
}

interface Entry {
  key: string;
  field?: string;
  source: string;
  en: string;
  'zh-CN': string;
}

const US_NOTICE: Entry[] = [
  {
    key: 'goodFaith',
    field: 'statements.goodFaith',
    source: '17 U.S.C. §512(c)(3)(A)(v)',
    en: 'I have a good faith belief that use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law.',
    'zh-CN':
      '本人善意地相信，被投诉材料的使用方式未经版权所有人、其代理人或法律授权。（译自《美国法典》第17编第512(c)(3)(A)(v)条）',
  },
  {
    key: 'accurate',
    field: 'statements.accurate',
    source: '17 U.S.C. §512(c)(3)(A)(vi)',
    en: 'The information in the notification is accurate.',
    'zh-CN': '本通知中的信息准确无误。（译自《美国法典》第17编第512(c)(3)(A)(vi)条）',
  },
  {
    key: 'authorizedUnderPenaltyOfPerjury',
    field: 'statements.authorizedUnderPenaltyOfPerjury',
    source: '17 U.S.C. §512(c)(3)(A)(vi)',
    en: 'Under penalty of perjury, I am authorized to act on behalf of the owner of an exclusive right that is allegedly infringed.',
    'zh-CN':
      '本人在伪证罪处罚的前提下声明：本人有权代表据称被侵犯的专有权利的所有人行事。（译自《美国法典》第17编第512(c)(3)(A)(vi)条）',
  },
  {
    key: 'signature',
    source: '17 U.S.C. §512(c)(3)(A)(i)',
    en: 'A physical or electronic signature of a person authorized to act on behalf of the owner of an exclusive right that is allegedly infringed.',
    'zh-CN':
      '有权代表据称被侵犯的专有权利所有人行事之人的亲笔或电子签名。（译自《美国法典》第17编第512(c)(3)(A)(i)条）',
  },
];

const EU_NOTICE: Entry[] = [
  {
    key: 'goodFaith',
    field: 'statements.goodFaith',
    source: 'DSA Art 16(2)(a)',
    en: 'I believe in good faith that the listings I name are illegal content: they infringe the intellectual property right I rely on, as my explanation substantiates.',
    'zh-CN':
      '本人善意地相信所列商品链接构成违法内容，侵犯了本人所依据的知识产权，理由见本人的说明。（译自欧盟《数字服务法》第16(2)(a)条）',
  },
  {
    key: 'accurate',
    field: 'statements.accurate',
    source: 'DSA Art 16(2)(d)',
    en: 'I confirm my bona fide belief that the information and allegations contained in this notice are accurate and complete.',
    'zh-CN':
      '本人确认善意地相信本通知所载信息和指控准确、完整。（译自欧盟《数字服务法》第16(2)(d)条）',
  },
  {
    key: 'authorizedUnderPenaltyOfPerjury',
    field: 'statements.authorizedUnderPenaltyOfPerjury',
    source: 'DSA Art 16(2)(c)',
    en: 'I am the holder of the right I rely on, or authorised to act on its behalf, and the name and email I give are mine.',
    'zh-CN':
      '本人是所依据权利的权利人或经授权代表其行事，所提供的姓名和电子邮箱属实。（译自欧盟《数字服务法》第16(2)(c)条）',
  },
];

const CN_NOTICE: Entry[] = [
  {
    key: 'goodFaith',
    field: 'statements.goodFaith',
    source: 'E-Commerce Law Art 42; Civil Code Art 1195',
    en: 'I notify the platform of an infringement of my intellectual property right and give preliminary evidence of it, with my real identity. (E-Commerce Law Art 42; translation)',
    'zh-CN':
      '本人认为所列商品侵犯本人知识产权，现通知平台并提供构成侵权的初步证据及本人真实身份信息。（《电子商务法》第四十二条；《民法典》第一千一百九十五条）',
  },
  {
    key: 'accurate',
    field: 'statements.accurate',
    source: 'E-Commerce Law Art 42(3)',
    en: 'I know that if this notice is wrong and causes loss to the seller I bear civil liability, and that a malicious wrong notice makes me liable for double the loss. (E-Commerce Law Art 42(3); translation)',
    'zh-CN':
      '本人知悉：因通知错误造成平台内经营者损害的，依法承担民事责任；恶意发出错误通知，造成损失的，加倍承担赔偿责任。（《电子商务法》第四十二条第三款）',
  },
  {
    key: 'authorizedUnderPenaltyOfPerjury',
    field: 'statements.authorizedUnderPenaltyOfPerjury',
    source: 'Civil Code Art 1195',
    en: 'I am the right holder, or authorised by it, and the identity I give is real. (Civil Code Art 1195; translation)',
    'zh-CN': '本人是权利人或经权利人授权，所提供的身份信息真实。（《民法典》第一千一百九十五条）',
  },
];

const US_COUNTER_NOTICE: Entry[] = [
  {
    key: 'signature',
    source: '17 U.S.C. §512(g)(3)(A)',
    en: 'A physical or electronic signature of the subscriber.',
    'zh-CN': '用户的亲笔或电子签名。（译自《美国法典》第17编第512(g)(3)(A)条）',
  },
  {
    key: 'material',
    source: '17 U.S.C. §512(g)(3)(B)',
    en: 'Identification of the material that has been removed or to which access has been disabled and the location at which the material appeared before it was removed or access to it was disabled.',
    'zh-CN':
      '已被删除或已被禁止访问的材料的识别信息，以及该材料被删除或被禁止访问之前所在的位置。（译自《美国法典》第17编第512(g)(3)(B)条）',
  },
  {
    key: 'underPenaltyOfPerjury',
    field: 'underPenaltyOfPerjury',
    source: '17 U.S.C. §512(g)(3)(C)',
    en: 'I swear, under penalty of perjury, that I have a good faith belief that the material was removed or disabled as a result of mistake or misidentification of the material to be removed or disabled.',
    'zh-CN':
      '本人在伪证罪处罚的前提下宣誓：本人善意地相信，该材料因错误或对应删除、禁止访问的材料的误认而被删除或禁止访问。（译自《美国法典》第17编第512(g)(3)(C)条）',
  },
  {
    key: 'consentToJurisdiction',
    field: 'consentToJurisdiction',
    source: '17 U.S.C. §512(g)(3)(D)',
    en: 'I consent to the jurisdiction of the Federal District Court for the judicial district in which my address is located, or, if my address is outside of the United States, for any judicial district in which the service provider may be found.',
    'zh-CN':
      '本人同意接受本人地址所在司法辖区的联邦地区法院管辖；如本人地址位于美国境外，则同意接受服务提供者所在的任何司法辖区的联邦地区法院管辖。（译自《美国法典》第17编第512(g)(3)(D)条）',
  },
  {
    key: 'acceptServiceOfProcess',
    field: 'acceptServiceOfProcess',
    source: '17 U.S.C. §512(g)(3)(D)',
    en: 'I will accept service of process from the person who provided notification under subsection (c)(1)(C) or an agent of such person.',
    'zh-CN':
      '本人将接受依第(c)(1)(C)款发出通知之人或其代理人送达的法律文书。（译自《美国法典》第17编第512(g)(3)(D)条）',
  },
];

const US_OTHER_COUNTER_NOTICE: Entry[] = [
  {
    key: 'reReview',
    source: 'Platform policy (17 U.S.C. §512(g) covers copyright only)',
    en: 'Your counter-notice is re-reviewed by a person who did not take the decision. Sign it with your full name.',
    'zh-CN': '您的反通知将由未参与原决定的人员重新审核。请以全名签署。',
  },
];

const CN_COUNTER_NOTICE: Entry[] = [
  {
    key: 'declaration',
    source: 'E-Commerce Law Art 43; Civil Code Art 1196',
    en: 'A declaration that no infringement exists, with preliminary evidence of it and your real identity (name and address). No signature or statement under penalty of perjury is required. (E-Commerce Law Art 43; Civil Code Art 1196; translation)',
    'zh-CN':
      '不存在侵权行为的声明，应当包括不存在侵权行为的初步证据及您的真实身份信息（姓名、地址）。无需签名或伪证声明。（《电子商务法》第四十三条；《民法典》第一千一百九十六条）',
  },
  {
    key: 'forwarding',
    source: 'E-Commerce Law Art 43',
    en: 'We forward your declaration to the rights holder and tell it that it may complain to the competent authority or sue in a people’s court. If we are not told within 15 days after your declaration reaches it that it has done so, we end the measures. (E-Commerce Law Art 43; translation)',
    'zh-CN':
      '平台将您的声明转送发出通知的知识产权权利人，并告知其可以向有关主管部门投诉或者向人民法院起诉。平台在转送声明到达权利人后十五日内，未收到权利人已经投诉或者起诉通知的，将及时终止所采取的措施。（《电子商务法》第四十三条）',
  },
];

const EU_COUNTER_NOTICE: Entry[] = [
  {
    key: 'statement',
    source: 'DSA Arts 17(3)(f), 20',
    en: 'Explain why the decision is wrong. A person who did not take the decision re-reviews it without undue delay, and tells you the outcome with reasons.',
    'zh-CN':
      '请说明原决定错误的理由。未参与原决定的人员将及时重新审核，并告知您结果及理由。（译自欧盟《数字服务法》第17(3)(f)条、第20条）',
  },
];

const APPEAL: Entry[] = [
  {
    key: 'internalComplaint',
    source: 'DSA Art 20',
    en: 'You may complain against the decision for at least six months after it. Your complaint is decided by people who did not take the decision, not solely by automated means, and you are told the outcome with reasons.',
    'zh-CN':
      '您可在决定作出后至少六个月内对其提出申诉。申诉由未参与原决定的人员处理，不会仅依赖自动化手段作出，处理结果及理由将告知您。（译自欧盟《数字服务法》第20条）',
  },
  {
    key: 'otherRoutes',
    source: 'DSA Art 21',
    en: 'A complaint does not prevent out-of-court dispute settlement by a certified body (in the EU) or an action before the courts.',
    'zh-CN': '申诉不影响您向经认证的庭外争议解决机构（欧盟）申请处理，或向法院提起诉讼。',
  },
];

const CN_APPEAL: Entry[] = [
  APPEAL[0]!,
  {
    key: 'otherRoutes',
    source: 'E-Commerce Law Arts 42, 43',
    en: 'A complaint does not prevent a complaint to the competent authority or an action before a people’s court. (translation)',
    'zh-CN': '申诉不影响您依法向有关主管部门投诉或者向人民法院起诉。',
  },
];

const TEXTS: Record<Jurisdiction, Record<LegalDocument, Entry[]>> = {
  US: { notice: US_NOTICE, counter_notice: US_COUNTER_NOTICE, appeal: APPEAL },
  EU: { notice: EU_NOTICE, counter_notice: EU_COUNTER_NOTICE, appeal: APPEAL },
  CN: { notice: CN_NOTICE, counter_notice: CN_COUNTER_NOTICE, appeal: CN_APPEAL },
};

/**
 * The statements of a document in a jurisdiction, in a locale. For a US counter-notice the
 * statutory §512(g)(3) statements apply to copyright only; other US types are re-reviewed by
 * platform policy (pass `infringementType` to get that case's texts).
 */
export function legalTexts(
  jurisdiction: Jurisdiction,
  document: LegalDocument,
  locale: Locale,
  infringementType?: string,
): LegalText[] {
  const entries =
    jurisdiction === 'US' &&
    document === 'counter_notice' &&
    infringementType &&
    infringementType !== 'copyright'
      ? US_OTHER_COUNTER_NOTICE
      : TEXTS[jurisdiction][document];
  return entries.map((entry) => ({
    key: entry.key,
    text: entry[locale],
    ...(entry.field ? { field: entry.field } : {}),
    source: entry.source,
  }));
}
