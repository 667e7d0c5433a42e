import type { Locale } from '../domain/locale.ts';
import type { ScreeningReasonCode } from '../domain/screening.ts';
import type { LadderMeasure } from '../domain/strikes.ts';
import type { InfringementType, IpRightKind, Jurisdiction } from '../domain/vocabulary.ts';

/** One text in every locale the service writes in. */
export type Localized = Record<Locale, string>;

/** The words shared by several messages, in every locale. */
export const TERMS = {
  infringementType: {
    counterfeit: { en: 'counterfeit goods', 'zh-CN': '假冒商品' },
    trademark: { en: 'trademark infringement', 'zh-CN': '商标侵权' },
    copyright: { en: 'copyright infringement', 'zh-CN': '著作权侵权' },
    patent: { en: 'patent infringement', 'zh-CN': '专利侵权' },
    design: { en: 'design infringement', 'zh-CN': '外观设计侵权' },
  } satisfies Record<InfringementType, Localized>,
  ipRightKind: {
    trademark: { en: 'trademark', 'zh-CN': '商标' },
    copyright: { en: 'copyright', 'zh-CN': '著作权' },
    patent: { en: 'patent', 'zh-CN': '专利' },
    design: { en: 'design', 'zh-CN': '外观设计' },
  } satisfies Record<IpRightKind, Localized>,
  jurisdiction: {
    US: { en: 'United States law', 'zh-CN': '美国法律' },
    EU: { en: 'European Union law', 'zh-CN': '欧盟法律' },
    CN: { en: "the law of the People's Republic of China", 'zh-CN': '中华人民共和国法律' },
  } satisfies Record<Jurisdiction, Localized>,
  measure: {
    none: { en: 'no measure on your seller account', 'zh-CN': '不对您的卖家账户采取措施' },
    warning: {
      en: 'a warning on your seller account: acknowledge the IP-education notice before listing again',
      'zh-CN': '对您的卖家账户予以警告：再次发布商品前须确认已阅读知识产权教育须知',
    },
    restricted: {
      en: 'a restriction of your seller account as a repeat offender: new listings are held for review before they go live',
      'zh-CN': '作为重复侵权者限制您的卖家账户：新发布的商品须经审核后方可上线',
    },
    suspended: { en: 'the suspension of your seller account', 'zh-CN': '暂停您的卖家账户' },
    terminated: {
      en: 'the termination of your seller account, which the expiry of strikes does not lift',
      'zh-CN': '终止您的卖家账户（违规记录到期不会解除终止）',
    },
  } satisfies Record<LadderMeasure, Localized>,
  screeningReason: {
    rights_holder_not_verified: {
      en: 'your rights-holder account is not verified',
      'zh-CN': '您的权利人账户尚未通过验证',
    },
    rights_holder_suspended: {
      en: 'the processing of your notices is suspended',
      'zh-CN': '您提交的通知目前被暂停处理',
    },
    ip_right_not_owned: {
      en: 'the IP right named is not one of yours',
      'zh-CN': '所依据的知识产权不属于您',
    },
    ip_right_not_verified: {
      en: 'the IP right named is not verified',
      'zh-CN': '所依据的知识产权尚未通过验证',
    },
    ip_right_not_in_force: {
      en: 'the IP right named is not in force',
      'zh-CN': '所依据的知识产权已不在有效期内',
    },
    ip_right_wrong_jurisdiction: {
      en: "the IP right named is not protected in the notice's jurisdiction",
      'zh-CN': '所依据的知识产权不受该通知所涉法域保护',
    },
    ip_right_kind_mismatch: {
      en: 'the IP right named does not support this type of complaint',
      'zh-CN': '所依据的知识产权类型与投诉类型不符',
    },
    listing_not_found: {
      en: 'the marketplace does not know this listing',
      'zh-CN': '平台上不存在该商品链接',
    },
    listing_not_live: { en: 'the listing is no longer live', 'zh-CN': '该商品链接已不在售' },
    notice_incomplete: {
      en: 'the notice lacks an element the law requires',
      'zh-CN': '通知缺少法律要求的内容',
    },
  } satisfies Record<ScreeningReasonCode, Localized>,
} as const;

/** The text of one locale. */
export const say = (text: Localized, locale: Locale): string => text[locale];
