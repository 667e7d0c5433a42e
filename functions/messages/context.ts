import type { Audience, Locale } from '../domain/locale.ts';
import { type Block, type EmailDocument, facts, heading, type Inline } from './document.ts';
import { formatInstant } from './format.ts';
import type { PortalLinks } from './portal.ts';
import type { Localized } from './terms.ts';

/** Who a message is for and where its links point: everything a template needs besides its facts. */
export interface MessageContext {
  audience: Audience;
  links: PortalLinks;
}

/** A listing as messages name it: always its id, and its title and address when known. */
export interface ListingRef {
  listingId: string;
  title?: string;
  url?: string;
}

/** Picks the text of the recipient's locale. */
export const pick = <T>(context: MessageContext, texts: Record<Locale, T>): T =>
  texts[context.audience.locale];

/** An instant in the recipient's time zone, with UTC beside it. */
export const when = (context: MessageContext, iso: string): string =>
  formatInstant(iso, context.audience);

const LISTING_LABELS: Record<Locale, { listing: string; title: string; case: string }> = {
  en: { listing: 'Listing', title: 'Title', case: 'Case' },
  'zh-CN': { listing: '商品链接', title: '商品标题', case: '案件' },
};

/** The facts that identify a case's listing: id, title, address, and the case's page. */
export function listingFacts(
  context: MessageContext,
  listing: ListingRef,
  caseId: string,
  more: [string, Inline | Inline[] | undefined][] = [],
): Block {
  const labels = pick(context, LISTING_LABELS);
  return facts([
    [labels.listing, listing.url ? [listing.listingId, ` (${listing.url})`] : listing.listingId],
    [labels.title, listing.title],
    [labels.case, { link: caseId, href: context.links.case(caseId) }],
    ...more,
  ]);
}

const FOOTERS: Record<Locale, (role: string) => string> = {
  en: (role) =>
    `You receive this message as the ${role} in an intellectual-property case on our marketplace. Everything about the case, and every answer it awaits, is on its page in the portal (sign in first). We never ask you to act through a link that carries a token, and never by replying to this email.`,
  'zh-CN': (role) =>
    `您作为本平台一宗知识产权案件的${role}收到此邮件。案件的全部信息及需要您答复的事项均在门户网站的案件页面（请先登录）。我们绝不会要求您通过带有令牌的链接或回复本邮件进行操作。`,
};

const ROLES: Record<'rights_holder' | 'seller', Localized> = {
  rights_holder: { en: 'notifier (rights holder)', 'zh-CN': '通知人（权利人）' },
  seller: { en: 'seller', 'zh-CN': '卖家' },
};

/** The closing words: why the recipient gets this, and how (not) to act on it. */
export function footer(context: MessageContext, role: 'rights_holder' | 'seller'): Inline[] {
  const { locale } = context.audience;
  return [FOOTERS[locale](ROLES[role][locale])];
}

/**
 * A message about one case's listing: the subject as its heading, the listing's facts (and `more`
 * rows), then the blocks, and the footer for the recipient's role.
 */
export function caseDocument(
  context: MessageContext,
  role: 'rights_holder' | 'seller',
  parts: {
    subject: string;
    preview: string;
    caseId: string;
    listing: ListingRef;
    more?: [string, Inline | Inline[] | undefined][];
    blocks: Block[];
  },
): EmailDocument {
  return {
    subject: parts.subject,
    preview: parts.preview,
    blocks: [
      heading(parts.subject),
      listingFacts(context, parts.listing, parts.caseId, parts.more),
      ...parts.blocks,
    ],
    footer: footer(context, role),
  };
}
