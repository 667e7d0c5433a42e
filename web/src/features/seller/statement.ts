/**
 * The statement of reasons' text part (functions/messages/render-text.ts), read back into its
 * blocks so the page can lay it out: a heading is a line underlined with dashes; facts are
 * `label: value` lines; a list is `- item` lines; a callout starts `>> `; a quote is `label:`
 * then `  | ` lines. The footer after `--` and links to this page are left out.
 */
export type StatementBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'callout'; text: string }
  | { kind: 'quote'; label: string; text: string };

export function parseStatement(text: string): StatementBlock[] {
  const chunks = text.replace(/\r\n/g, '\n').split(/\n{2,}/);
  const blocks: StatementBlock[] = [];
  for (const raw of chunks) {
    const chunk = raw.trimEnd();
    if (!chunk.trim()) continue;
    if (chunk.trim() === '--') break;
    const lines = chunk.split('\n');
    if (lines.length === 2 && /^-{2,}$/.test(lines[1]!.trim())) {
      blocks.push({ kind: 'heading', text: lines[0]!.trim() });
    } else if (lines.every((line) => line.startsWith('- '))) {
      blocks.push({ kind: 'list', items: lines.map((line) => line.slice(2)) });
    } else if (chunk.startsWith('>> ')) {
      blocks.push({ kind: 'callout', text: chunk.slice(3) });
    } else if (lines.length > 1 && lines.slice(1).every((line) => line.startsWith('  | '))) {
      blocks.push({
        kind: 'quote',
        label: lines[0]!.replace(/:$/, ''),
        text: lines
          .slice(1)
          .map((line) => line.slice(4))
          .join('\n'),
      });
    } else if (lines.length === 1 && /^[^:]{1,60}: https?:\/\/\S+$/.test(chunk)) {
      // The email's link to this very page.
    } else if (lines.every((line) => /^[^:\s][^:]{0,40}: \S/.test(line)) && lines.length > 1) {
      blocks.push({
        kind: 'facts',
        rows: lines.map((line) => {
          const at = line.indexOf(': ');
          return { label: line.slice(0, at), value: line.slice(at + 2) };
        }),
      });
    } else {
      blocks.push({ kind: 'paragraph', text: chunk });
    }
  }
  return blocks;
}
