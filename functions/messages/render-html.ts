import type { Locale } from '../domain/locale.ts';
import type { Block, EmailDocument, Inline } from './document.ts';

/**
 * The HTML part, as a string: the markup react-email's components (Html, Head, Preview, Body,
 * Container, Section, Heading, Text, Link, Button, Hr) give our documents with our styles,
 * byte for byte as React's static renderer writes it, escaping included. React, react-dom and the
 * components cost each mail-sending function about 130 KB of bundle and their module init; the
 * document has seven kinds of block, so its markup is written here once. The unit tests hold it to
 * the React rendering of the same document (test/unit/messages/react-email-reference.tsx) for any
 * document, and to the committed snapshots.
 */

/** React's escaping of text and attribute values (escapeTextForBrowser). */
const ESCAPES: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&#x27;',
  '<': '&lt;',
  '>': '&gt;',
};
const escapeHtml = (text: string) => text.replace(/["&'<>]/g, (c) => ESCAPES[c]!);

/** Inline styles, as React serialises react-email's defaults merged with ours. */
const STYLE = {
  body: 'background-color:#f4f5f7',
  bodyCell: 'background-color:#f4f5f7;font-family:Arial, &quot;PingFang SC&quot;, sans-serif',
  container: 'max-width:600px;background-color:#ffffff;padding:24px',
  heading: 'font-size:18px;margin:20px 0 8px',
  text: 'font-size:14px;line-height:22px;margin:8px 0;margin-top:8px;margin-right:0;margin-bottom:8px;margin-left:0',
  label: 'font-size:13px;color:#555f6d;padding:4px 12px 4px 0;vertical-align:top',
  value: 'font-size:14px;padding:4px 0;vertical-align:top',
  listItem: 'font-size:14px;line-height:22px;margin:8px 0',
  callout: 'background-color:#fff4e5;border-left:4px solid #d97706;padding:8px 12px;margin:12px 0',
  quote: 'border-left:4px solid #c3c9d1;padding:4px 12px;margin:12px 0',
  quoteLabel:
    'font-size:13px;line-height:24px;color:#555f6d;padding:4px 12px 4px 0;vertical-align:top;margin-top:16px;margin-bottom:16px',
  quoteText:
    'font-size:14px;line-height:22px;margin:4px 0;white-space:pre-wrap;margin-top:4px;margin-right:0;margin-bottom:4px;margin-left:0',
  action: 'margin:16px 0',
  button:
    'line-height:100%;text-decoration:none;display:inline-block;max-width:100%;mso-padding-alt:0px;background-color:#0f62fe;color:#ffffff;border-radius:4px;padding:10px 16px;font-size:14px;padding-top:10px;padding-right:16px;padding-bottom:10px;padding-left:16px',
  buttonLabel:
    'max-width:100%;display:inline-block;line-height:120%;mso-padding-alt:0px;mso-text-raise:7.5px',
  link: 'color:#067df7;text-decoration-line:none',
  footer: 'font-size:12px;line-height:18px;color:#555f6d;margin-top:16px;margin-bottom:16px',
  preview: 'display:none;overflow:hidden;line-height:1px;opacity:0;max-height:0;max-width:0',
} as const;

/** Markup already written, as opposed to text still to escape. */
interface Markup {
  html: string;
}
const markup = (html: string): Markup => ({ html });

/**
 * Children in order, as React writes them: text escaped, and `<!-- -->` between two text nodes
 * that follow each other (an empty text writes nothing and separates nothing).
 */
function children(nodes: readonly (string | Markup)[]): string {
  let html = '';
  let afterText = false;
  for (const node of nodes) {
    if (typeof node !== 'string') {
      html += node.html;
      afterText = false;
    } else if (node !== '') {
      html += `${afterText ? '<!-- -->' : ''}${escapeHtml(node)}`;
      afterText = true;
    }
  }
  return html;
}

const inlines = (content: readonly Inline[]): string =>
  children(
    content.map((part) => {
      if (typeof part === 'string') return part;
      if ('strong' in part) return markup(`<strong>${escapeHtml(part.strong)}</strong>`);
      return markup(
        `<a href="${escapeHtml(part.href)}" style="${STYLE.link}" target="_blank">${escapeHtml(part.link)}</a>`,
      );
    }),
  );

/** react-email's Section: a centred full-width presentation table with one cell. */
const section = (style: string, content: string) =>
  `<table align="center" width="100%" border="0" cellPadding="0" cellSpacing="0" role="presentation" style="${style}"><tbody><tr><td>${content}</td></tr></tbody></table>`;

const text = (style: string, content: string) => `<p style="${style}">${content}</p>`;

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h2 style="${STYLE.heading}">${escapeHtml(b.text)}</h2>`;
    case 'paragraph':
      return text(STYLE.text, inlines(b.content));
    case 'facts':
      return `<table role="presentation" cellPadding="0" cellSpacing="0"><tbody>${b.rows
        .map(
          (row) =>
            `<tr><td style="${STYLE.label}">${escapeHtml(row.label)}</td><td style="${STYLE.value}">${inlines(row.value)}</td></tr>`,
        )
        .join('')}</tbody></table>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li style="${STYLE.listItem}">${inlines(item)}</li>`).join('')}</ul>`;
    case 'callout':
      return section(STYLE.callout, text(STYLE.text, inlines(b.content)));
    case 'quote':
      return section(
        STYLE.quote,
        text(STYLE.quoteLabel, escapeHtml(b.label)) + text(STYLE.quoteText, escapeHtml(b.text)),
      );
    case 'action':
      // react-email's Button: the padding as Outlook's hair spaces around the label.
      return section(
        STYLE.action,
        `<a href="${escapeHtml(b.href)}" style="${STYLE.button}" target="_blank"><span><!--[if mso]><i style="mso-font-width:400%;mso-text-raise:15" hidden>&#8202;&#8202;</i><![endif]--></span><span style="${STYLE.buttonLabel}">${escapeHtml(b.label)}</span><span><!--[if mso]><i style="mso-font-width:400%" hidden>&#8202;&#8202;&#8203;</i><![endif]--></span></a>`,
      );
  }
}

/** react-email's Preview: the first 150 UTF-16 units, padded with invisible characters. */
const PREVIEW_LENGTH = 150;
const PREVIEW_PADDING = '\u00a0\u200c\u200b\u200d\u200e\u200f\ufeff';
function preview(line: string): string {
  const shown = line.substring(0, PREVIEW_LENGTH);
  const padding =
    shown.length < PREVIEW_LENGTH
      ? `<div>${PREVIEW_PADDING.repeat(PREVIEW_LENGTH - shown.length)}</div>`
      : '';
  return `<div style="${STYLE.preview}" data-skip-in-text="true">${escapeHtml(shown)}${padding}</div>`;
}

/** A UTF-16 unit with no partner, which UTF-8 cannot carry: React's encoder writes U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/gu;

/** The HTML part: email-client-safe markup, every text and attribute value escaped. */
export async function renderHtml(document: EmailDocument, locale: Locale): Promise<string> {
  const content = document.blocks.map(block).join('');
  const footer = text(STYLE.footer, inlines(document.footer));
  const html =
    `<!DOCTYPE html><html dir="ltr" lang="${escapeHtml(locale)}"><head><meta content="text/html; charset=UTF-8" http-equiv="Content-Type"/><meta name="x-apple-disable-message-reformatting"/></head>` +
    `<body style="${STYLE.body}">${preview(document.preview)}` +
    `<table border="0" width="100%" cellPadding="0" cellSpacing="0" role="presentation" align="center"><tbody><tr><td style="${STYLE.bodyCell}">` +
    `<table align="center" width="100%" border="0" cellPadding="0" cellSpacing="0" role="presentation" style="${STYLE.container}"><tbody><tr style="width:100%"><td>` +
    `${content}<hr style="width:100%;border:none;border-top:1px solid #eaeaea"/>${footer}` +
    '</td></tr></tbody></table></td></tr></tbody></table></body></html>';
  return html.replace(LONE_SURROGATE, '\ufffd');
}
