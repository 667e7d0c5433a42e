/**
 * The typed shape every message is written in: a subject, a preview line and blocks of content.
 * Each template (templates/) builds one from its facts and the recipient's locale; render-html.ts
 * and render-text.ts turn the same document into the HTML part and the text part, so the two
 * parts never say different things.
 */

/** A run of inline content: plain text, emphasised text, or a link. */
export type Inline = string | { strong: string } | { link: string; href: string };

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  /** Label and value pairs, e.g. the listing, the notice, a deadline. */
  | { kind: 'facts'; rows: { label: string; value: Inline[] }[] }
  | { kind: 'list'; items: Inline[][] }
  /** Words the recipient must not miss: a warning, a deadline that binds it. */
  | { kind: 'callout'; content: Inline[] }
  /** Text a person wrote (a reviewer's reasons, a counter-notice), quoted as written. */
  | { kind: 'quote'; label: string; text: string }
  /** The one thing to do next: a link to the portal page where it is done. */
  | { kind: 'action'; label: string; href: string };

export interface EmailDocument {
  subject: string;
  /** The line inboxes show after the subject. */
  preview: string;
  blocks: Block[];
  /** Why the recipient gets this message, and where to find the case. */
  footer: Inline[];
}

/** The two parts of one email. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** A paragraph from inline runs. */
export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });

/** A heading. */
export const heading = (text: string): Block => ({ kind: 'heading', text });

/** A callout from inline runs. */
export const callout = (...content: Inline[]): Block => ({ kind: 'callout', content });

/** Label and value rows; a row with an undefined value is left out. */
export function facts(rows: [label: string, value: Inline | Inline[] | undefined][]): Block {
  return {
    kind: 'facts',
    rows: rows
      .filter((row): row is [string, Inline | Inline[]] => row[1] !== undefined)
      .map(([label, value]) => ({ label, value: Array.isArray(value) ? value : [value] })),
  };
}

/** A list of items, each one inline run or several. */
export function list(items: (Inline | Inline[])[]): Block {
  return { kind: 'list', items: items.map((item) => (Array.isArray(item) ? item : [item])) };
}
