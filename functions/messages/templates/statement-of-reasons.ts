import type { Locale } from '../../domain/locale.ts';
import type { StatementOfReasons, TerritorialScope } from '../../domain/statement-of-reasons.ts';
import type { LadderStep } from '../../domain/strikes.ts';
import { footer, listingFacts, type MessageContext, pick, when } from '../context.ts';
import {
  type Block,
  callout,
  type EmailDocument,
  facts,
  heading,
  list,
  paragraph,
} from '../document.ts';
import { LEGAL_EXPLANATIONS_ZH, LEGAL_REFERENCES_ZH } from '../legal-grounds-zh.ts';
import { TERMS } from '../terms.ts';
import { redressItems } from './redress.ts';

/** The statement as the domain built it, and the notice it answers (forwarded to the seller, CN Art 42). */
export interface StatementOfReasonsFacts {
  statement: StatementOfReasons;
  /** The notice's explanation and how much evidence it cites; never the notifier's contact. */
  notice?: { explanation: string; evidenceCount: number };
}

type CounterNoticeRoute = 're_review' | 'us_statutory' | 'cn_statutory';

const TEXT = {
  en: {
    subject: (s: StatementOfReasons) => `Listing ${s.listingId} taken down: statement of reasons`,
    intro: (s: StatementOfReasons): string =>
      s.jurisdiction === 'EU'
        ? 'We took down your listing. This statement of reasons (DSA Art 17) tells you what we did, why, and what you can do about it.'
        : s.jurisdiction === 'CN'
          ? 'We took down your listing on a notice under E-Commerce Law Art 42. This statement tells you what we did, why, and what you can do about it, and forwards you the notice.'
          : 'We took down your listing. This statement tells you what we did, why, and what you can do about it.',
    whatWeDid: 'What we did',
    listingMeasure: (scope: TerritorialScope) =>
      `Your listing is disabled ${scope.kind === 'global' ? 'everywhere the marketplace operates (in every country, including every EEA member state)' : `in ${scope.countries.join(', ')}`} until the case is resolved in your favour (a founded counter-notice or appeal, or the notice is withdrawn).`,
    accountLine: (measure: string, duration: string) =>
      `${measure.charAt(0).toUpperCase()}${measure.slice(1)}.${duration ? ` ${duration}` : ''}`,
    named: (kind: string, name: string) => `${kind} (${name})`,
    accountDuration: (expires: string | undefined) =>
      expires
        ? `Until the strikes behind it are revoked or expire; this strike expires on ${expires}.`
        : 'Until the strikes behind it are revoked or expire.',
    facts: 'Facts',
    source: 'Source',
    onNotice: (who: string) => `a notice from ${who}`,
    rightsHolder: 'the rights holder',
    trustedFlagger: 'a trusted flagger (DSA Art 22)',
    withheld: ' (identity withheld under our policy)',
    ownInitiative: 'our own initiative (proactive screening), not a notice',
    ipRight: 'IP right',
    registration: 'registration',
    complaint: 'Complaint',
    law: 'Law applied',
    evidence: 'Evidence considered',
    evidenceCount: (n: number) =>
      `${n === 1 ? '1 file' : `${n} files`} cited by the notice, on the case page`,
    noticeText: 'The notice',
    automated: 'Automated means',
    detection: (yes: boolean): string =>
      yes
        ? 'The listing was detected by automated means.'
        : 'The listing was not detected by automated means.',
    decision: {
      fully: 'The decision was taken by automated means.',
      partially: 'The decision was taken by a person, assisted by automated means.',
      not_automated: 'The decision was taken by a person, without automated means.',
    },
    legalGround: 'Legal ground',
    reasons: "The reviewer's reasons",
    options: 'Your options',
    counterNotice: {
      re_review:
        'A counter-notice on the case page, explaining why the listing does not infringe: a reviewer re-examines the decision and restores the listing if it is founded.',
      us_statutory:
        'A counter-notice under 17 U.S.C. §512(g)(3) on the case page: we forward it to the notifier and, unless the notifier tells us it has filed a court action, restore the listing 10 to 14 US business days after we receive it (§512(g)(2)(C)).',
      cn_statutory:
        'A declaration of non-infringement on the case page, with preliminary evidence and your real identity: we forward it to the rights holder and, unless we are told within 15 days after it reaches the rights holder that it has complained to an authority or sued, end the measures (E-Commerce Law Art 43; Civil Code Art 1196).',
    },
    counterNoticeDue: (due: string) =>
      `Please send any counter-notice by ${due}. After that we close the active wait, but a later counter-notice is still accepted.`,
    nextStep: (step: LadderStep, measure: string) =>
      `Warning: if further listings of yours are found to infringe intellectual-property rights, the next step is ${measure}${step.strikesAway > 1 ? `, after ${step.strikesAway} more strikes` : ''}${step.measure === 'suspended' ? ' (decided case by case; DSA Art 23)' : ''}.`,
    act: 'Open the case',
  },
  'zh-CN': {
    subject: (s: StatementOfReasons) => `商品链接 ${s.listingId} 已下架：处理理由说明`,
    intro: (s: StatementOfReasons): string =>
      s.jurisdiction === 'CN'
        ? '我们依据《中华人民共和国电子商务法》第四十二条，根据权利人的通知对您的商品链接采取了删除措施。本说明告知您我们采取的措施、理由及您可采取的途径，并向您转送该通知。'
        : s.jurisdiction === 'EU'
          ? '我们已下架您的商品链接。本处理理由说明（欧盟《数字服务法》第17条）告知您我们采取的措施、理由及您可采取的途径。'
          : '我们已下架您的商品链接。本说明告知您我们采取的措施、理由及您可采取的途径。',
    whatWeDid: '我们采取的措施',
    listingMeasure: (scope: TerritorialScope) =>
      `您的商品链接已${scope.kind === 'global' ? '在平台经营的所有国家和地区（包括欧洲经济区各成员国）' : `在 ${scope.countries.join('、')} `}下架，直至案件作出对您有利的处理（反通知或申诉理由成立，或通知被撤回）。`,
    accountLine: (measure: string, duration: string) => `${measure}。${duration}`,
    named: (kind: string, name: string) => `${kind}（${name}）`,
    accountDuration: (expires: string | undefined) =>
      expires
        ? `持续至相关违规记录被撤销或到期；本次违规记录于 ${expires} 到期。`
        : '持续至相关违规记录被撤销或到期。',
    facts: '事实',
    source: '来源',
    onNotice: (who: string) => `${who}提交的通知`,
    rightsHolder: '权利人',
    trustedFlagger: '受信任举报者（欧盟《数字服务法》第22条）',
    withheld: '（根据平台政策不披露其身份）',
    ownInitiative: '平台主动排查（非依通知）',
    ipRight: '知识产权',
    registration: '注册号',
    complaint: '投诉类型',
    law: '适用法律',
    evidence: '所审查的证据',
    evidenceCount: (n: number) => `通知所附证据 ${n} 份，可在案件页面查看`,
    noticeText: '通知内容',
    automated: '自动化手段',
    detection: (yes: boolean): string =>
      yes ? '该商品链接系通过自动化手段发现。' : '该商品链接并非通过自动化手段发现。',
    decision: {
      fully: '该决定系通过自动化手段作出。',
      partially: '该决定由人工在自动化手段辅助下作出。',
      not_automated: '该决定由人工作出，未使用自动化手段。',
    },
    legalGround: '法律依据',
    reasons: '审核人员的理由',
    options: '您可采取的途径',
    counterNotice: {
      re_review:
        '在案件页面提交反通知，说明该商品链接不构成侵权的理由；审核人员将重新审查，理由成立的，将恢复该商品链接。',
      us_statutory:
        '在案件页面依《美国法典》第17编第512(g)(3)条提交反通知；我们将其转送通知人，除非通知人告知已提起诉讼，我们将在收到反通知后第10至14个美国工作日内恢复该商品链接（第512(g)(2)(C)条）。',
      cn_statutory:
        '在案件页面提交不存在侵权行为的声明，并附初步证据及您的真实身份信息；我们将声明转送权利人，如在声明到达权利人后十五日内未收到其已向有关主管部门投诉或者向人民法院起诉的通知，我们将终止所采取的措施（《电子商务法》第四十三条、《民法典》第一千一百九十六条）。',
    },
    counterNoticeDue: (due: string) =>
      `请于 ${due} 前提交反通知或声明。逾期后我们将结束主动等待，但仍会受理此后提交的反通知或声明。`,
    nextStep: (step: LadderStep, measure: string) =>
      `警告：如再有您的商品链接被认定侵犯知识产权，下一步措施为：${measure}${step.strikesAway > 1 ? `（再累计 ${step.strikesAway} 次违规记录后）` : ''}${step.measure === 'suspended' ? '（逐案决定；欧盟《数字服务法》第23条）' : ''}。`,
    act: '打开案件',
  },
};

function counterNoticeRoute(s: StatementOfReasons): CounterNoticeRoute {
  if (s.counterNoticeMode === 're_review') return 're_review';
  return s.jurisdiction === 'CN' ? 'cn_statutory' : 'us_statutory';
}

function legalGround(
  s: StatementOfReasons,
  locale: Locale,
): { reference: string; explanation: string } {
  if (locale === 'en') return s.legalGround;
  return {
    reference: LEGAL_REFERENCES_ZH[s.jurisdiction][s.infringementType],
    explanation: LEGAL_EXPLANATIONS_ZH[s.infringementType],
  };
}

function complaintUntil(s: StatementOfReasons): string | undefined {
  const option = s.redress.find((o) => o.kind === 'internal_complaint');
  return option?.kind === 'internal_complaint' ? option.availableUntil : undefined;
}

/**
 * The seller's statement of reasons (DSA Art 17(3)), in its language: the measure actually
 * applied and its duration, the facts of this case, automated means, the legal ground with the
 * reviewer's reasons, the redress with its deadlines, and the ladder's next step truthfully.
 */
export function statementOfReasons(
  f: StatementOfReasonsFacts,
  context: MessageContext,
): EmailDocument {
  const s = f.statement;
  const t = pick(context, TEXT);
  const { locale } = context.audience;
  const account = s.measure.account;
  const identity = s.facts.notifierIdentity;
  const kind = identity?.kind === 'trusted_flagger' ? t.trustedFlagger : t.rightsHolder;
  const who = identity?.name
    ? t.named(kind, `${identity.name}${identity.email ? ` <${identity.email}>` : ''}`)
    : identity
      ? `${kind}${t.withheld}`
      : kind;
  const registration = s.ipRight.registrationNumber
    ? ` (${t.registration} ${s.ipRight.registrationNumber})`
    : '';
  const ground = legalGround(s, locale);
  const blocks: Block[] = [
    heading(t.subject(s)),
    paragraph(t.intro(s)),
    listingFacts(context, s.listing, s.caseId),
    heading(t.whatWeDid),
    list([
      t.listingMeasure(s.measure.listing.territorialScope ?? { kind: 'global' }),
      t.accountLine(
        TERMS.measure[account.measure][locale],
        // Issue 15: a termination's own wording says expiry does not lift it.
        account.measure === 'none' || account.measure === 'terminated'
          ? ''
          : t.accountDuration(
              account.strikeExpiresAt ? when(context, account.strikeExpiresAt) : undefined,
            ),
      ),
    ]),
    heading(t.facts),
    facts([
      [t.source, s.facts.source === 'own_initiative' ? t.ownInitiative : t.onNotice(who)],
      [
        t.ipRight,
        `${TERMS.ipRightKind[s.ipRight.kind][locale]} “${s.ipRight.title}”${registration}`,
      ],
      [t.complaint, TERMS.infringementType[s.infringementType][locale]],
      [t.law, TERMS.jurisdiction[s.jurisdiction][locale]],
      [t.evidence, f.notice ? t.evidenceCount(f.notice.evidenceCount) : undefined],
    ]),
  ];
  if (f.notice) blocks.push({ kind: 'quote', label: t.noticeText, text: f.notice.explanation });
  blocks.push(
    heading(t.automated),
    paragraph(
      `${t.detection(s.automatedMeans.detection)} ${t.decision[s.automatedMeans.decision]}`,
    ),
    heading(t.legalGround),
    paragraph(ground.reference),
    paragraph(ground.explanation),
  );
  if (s.legalGround.caseExplanation) {
    blocks.push({ kind: 'quote', label: t.reasons, text: s.legalGround.caseExplanation });
  }
  const until = complaintUntil(s);
  blocks.push(
    heading(t.options),
    list([
      [t.counterNotice[counterNoticeRoute(s)]],
      ...redressItems(context, s.jurisdiction, {
        caseId: s.caseId,
        party: 'seller',
        ...(until ? { complaintUntil: until } : {}),
      }),
    ]),
    callout(t.counterNoticeDue(when(context, s.deadline.counterNoticeDueAt))),
  );
  if (s.warning && account.nextStep) {
    blocks.push(
      callout(t.nextStep(account.nextStep, TERMS.measure[account.nextStep.measure][locale])),
    );
  }
  blocks.push({ kind: 'action', label: t.act, href: context.links.case(s.caseId) });
  return {
    subject: t.subject(s),
    preview: t.intro(s),
    blocks,
    footer: footer(context, 'seller'),
  };
}
