import type { Locale } from '../../domain/locale.ts';
import type { Jurisdiction } from '../../domain/vocabulary.ts';
import { type MessageContext, when } from '../context.ts';
import type { Inline } from '../document.ts';

/**
 * The redress open to a party against a decision (DSA Art 16(5), 17(3)(f), 20, 21), by
 * jurisdiction: an internal complaint while its window is open, out-of-court dispute settlement
 * (an EU institution: EU cases only), and the courts, or in China the competent authority or a
 * people's court. Shared by every message that states a decision.
 */
export function redressItems(
  context: MessageContext,
  jurisdiction: Jurisdiction,
  options: { caseId: string; party: 'notifier' | 'seller'; complaintUntil?: string },
): Inline[][] {
  const t = TEXT[context.audience.locale];
  const items: Inline[][] = [];
  if (options.complaintUntil) {
    items.push([
      t.complaint(jurisdiction, when(context, options.complaintUntil)),
      { link: t.casePage, href: context.links.case(options.caseId) },
    ]);
  }
  if (jurisdiction === 'EU') items.push([t.outOfCourt]);
  if (jurisdiction !== 'CN') items.push([t.courts]);
  else items.push([options.party === 'notifier' ? t.authorityOrCourt : t.cnCourtForSeller]);
  return items;
}

const TEXT: Record<
  Locale,
  {
    complaint: (jurisdiction: Jurisdiction, until: string) => string;
    casePage: string;
    outOfCourt: string;
    courts: string;
    authorityOrCourt: string;
    cnCourtForSeller: string;
  }
> = {
  en: {
    complaint: (jurisdiction, until) =>
      `An internal complaint${jurisdiction === 'EU' ? ' (DSA Art 20)' : ''}, decided by people other than those who took the decision, until ${until}, from the case page: `,
    casePage: 'open the case',
    outOfCourt:
      'Out-of-court dispute settlement by a body certified under DSA Art 21; it does not bind you, and it does not prevent a court action.',
    courts: 'The competent courts, at any time; the other routes do not prevent it.',
    authorityOrCourt:
      'A complaint to the competent administrative authority, or an action before a people’s court, at any time.',
    cnCourtForSeller:
      'An action before a people’s court at any time, including for the loss a wrongful notice caused you (E-Commerce Law Art 42(3)).',
  },
  'zh-CN': {
    complaint: (jurisdiction, until) =>
      `在 ${until} 前通过案件页面提出内部申诉${jurisdiction === 'EU' ? '（欧盟《数字服务法》第20条）' : ''}，申诉由未参与原决定的人员处理：`,
    casePage: '打开案件',
    outOfCourt:
      '向依欧盟《数字服务法》第21条认证的庭外争议解决机构申请处理；其结果对您无约束力，也不影响您提起诉讼。',
    courts: '随时向有管辖权的法院提起诉讼；其他救济途径不影响该权利。',
    authorityOrCourt: '随时依法向有关主管部门投诉或者向人民法院提起诉讼。',
    cnCourtForSeller:
      '随时依法向人民法院提起诉讼，包括就错误通知给您造成的损失要求赔偿（《电子商务法》第四十二条第三款）。',
  },
};
