import { footer, type MessageContext, pick, when } from '../context.ts';
import { type Block, callout, type EmailDocument, heading, paragraph } from '../document.ts';

/**
 * A measure on a party's account, outside any one case: a seller's suspension decided by a
 * reviewer (DSA Art 23(3), with its statement of reasons, Art 17), or a notifier's misuse warning
 * and suspension of notice processing (Art 23(2)).
 */
export interface AccountMeasureFacts {
  event:
    | 'seller_suspended'
    | 'seller_held_restricted'
    | 'notifier_warned'
    | 'notifier_suspended'
    | 'notifier_no_action';
  /** The end of a suspension (ISO instant). */
  until?: string;
  /** The reviewer's reasons, written for the parties. Never the internal note. */
  reasons?: string;
  /** The statement's account measure, as seller-measure-text.ts words it (English facts). */
  measure?: { description: string; duration: string };
  /** The facts weighed (counts), for the statement. */
  facts?: string;
}

const TEXT = {
  en: {
    subject: {
      seller_suspended: 'Your seller account is suspended',
      seller_held_restricted: 'Your seller account stays restricted',
      notifier_warned: 'Warning: manifestly unfounded notices',
      notifier_suspended: 'We suspended the processing of your notices',
      notifier_no_action: 'Review of your notices closed without a measure',
    },
    body: {
      seller_suspended:
        'A reviewer examined your account after it reached the suspension threshold of our repeat-infringer policy and decided to suspend it. None of your listings is shown while the suspension lasts.',
      seller_held_restricted:
        'A reviewer examined your account after it reached the suspension threshold of our repeat-infringer policy and decided not to suspend it for now: it stays restricted. A further infringement opens a new review.',
      notifier_warned:
        'Several of your notices were rejected as manifestly unfounded. If you keep submitting such notices, we may suspend the processing of your notices for a period (DSA Art 23(2)).',
      notifier_suspended:
        'After a prior warning, you kept submitting manifestly unfounded notices. A reviewer decided to suspend the processing of your notices (DSA Art 23(2)).',
      notifier_no_action:
        'A reviewer examined your recent notices and decided to take no measure. The count starts again.',
    },
    until: (at: string) => `Until ${at}.`,
    reasons: 'Reasons for the decision',
    facts: 'Facts considered',
    measure: 'The measure',
    open: 'Open your account in the portal',
    redress:
      'You may lodge a complaint against this decision through our internal complaint-handling system for at least six months, use an out-of-court dispute settlement body (EU), or go to court.',
  },
  'zh-CN': {
    subject: {
      seller_suspended: '您的卖家账户已被暂停',
      seller_held_restricted: '您的卖家账户维持限制状态',
      notifier_warned: '警告：明显缺乏依据的通知',
      notifier_suspended: '我们已暂停处理您提交的通知',
      notifier_no_action: '对您通知的审查已结束，未采取措施',
    },
    body: {
      seller_suspended:
        '您的账户达到重复侵权政策的暂停门槛后，审核人员进行了审查并决定暂停您的账户。暂停期间，您的所有商品均不展示。',
      seller_held_restricted:
        '您的账户达到重复侵权政策的暂停门槛后，审核人员进行了审查并决定暂不暂停：账户维持限制状态。再次侵权将启动新的审查。',
      notifier_warned:
        '您提交的多份通知因明显缺乏依据被驳回。如继续提交此类通知，我们可能在一定期间内暂停处理您的通知（欧盟《数字服务法》第23条第2款）。',
      notifier_suspended:
        '在事先警告后，您仍继续提交明显缺乏依据的通知。审核人员决定暂停处理您的通知（欧盟《数字服务法》第23条第2款）。',
      notifier_no_action: '审核人员审查了您近期的通知，决定不采取措施。计数重新开始。',
    },
    until: (at: string) => `至 ${at} 为止。`,
    reasons: '决定理由',
    facts: '所考虑的事实',
    measure: '措施',
    open: '在门户网站查看您的账户',
    redress:
      '您可在至少六个月内通过我们的内部投诉处理系统对该决定提出投诉，也可寻求庭外争议解决（欧盟）或向法院起诉。',
  },
};

/** A party learns of a measure on its account, with the reasons and its redress. */
export function accountMeasure(f: AccountMeasureFacts, context: MessageContext): EmailDocument {
  const t = pick(context, TEXT);
  const subject = t.subject[f.event];
  const blocks: Block[] = [heading(subject), paragraph(t.body[f.event])];
  if (f.until) blocks.push(callout(t.until(when(context, f.until))));
  // The statement's wording and facts are English (seller-measure-text.ts); the localized body
  // and the end date say the same to a Chinese reader.
  const english = context.audience.locale === 'en';
  if (f.measure && english)
    blocks.push(
      heading(t.measure),
      paragraph(f.measure.description),
      paragraph(f.measure.duration),
    );
  if (f.facts && english) blocks.push({ kind: 'quote', label: t.facts, text: f.facts });
  if (f.reasons) blocks.push({ kind: 'quote', label: t.reasons, text: f.reasons });
  if (f.event !== 'notifier_no_action') blocks.push(paragraph(t.redress));
  blocks.push({ kind: 'action', label: t.open, href: context.links.home() });
  const role = f.event.startsWith('seller') ? 'seller' : 'rights_holder';
  return { subject, preview: t.body[f.event], blocks, footer: footer(context, role) };
}
