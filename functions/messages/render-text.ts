import type { Block, EmailDocument, Inline } from './document.ts';

/** Inline runs as text: a link reads `label: url`, unless the label is the URL itself. */
function inlineText(content: Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('strong' in part) return part.strong;
      return part.link === part.href ? part.href : `${part.link} (${part.href})`;
    })
    .join('');
}

/** Columns a monospace reader gives the text: East Asian wide characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (/[\u1100-\uffdc]/u.test(char) ? 2 : 1), 0);
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${block.text}\n${'-'.repeat(Math.min(72, displayWidth(block.text)))}`;
    case 'paragraph':
      return inlineText(block.content);
    case 'facts':
      return block.rows.map((row) => `${row.label}: ${inlineText(row.value)}`).join('\n');
    case 'list':
      return block.items.map((item) => `- ${inlineText(item)}`).join('\n');
    case 'callout':
      return `>> ${inlineText(block.content)}`;
    case 'quote':
      return `${block.label}:\n${block.text
        .split('\n')
        .map((line) => `  | ${line}`)
        .join('\n')}`;
    case 'action':
      return `${block.label}: ${block.href}`;
  }
}

/** The text part: the same document, written for a plain-text reader. */
export function renderText(document: EmailDocument): string {
  const parts = [...document.blocks.map(blockText), '--', inlineText(document.footer)];
  return `${parts.join('\n\n')}\n`;
}
