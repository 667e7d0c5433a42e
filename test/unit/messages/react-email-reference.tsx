import { Body } from '@react-email/body';
import { Button } from '@react-email/button';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Hr } from '@react-email/hr';
import { Html } from '@react-email/html';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import type { CSSProperties, ReactNode } from 'react';
import { prerender } from 'react-dom/static';
import type { Locale } from '../../../functions/domain/locale.ts';
import type { Block, EmailDocument, Inline } from '../../../functions/messages/document.ts';

const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily: 'Arial, "PingFang SC", sans-serif' },
  container: { backgroundColor: '#ffffff', padding: '24px', maxWidth: '600px' },
  heading: { fontSize: '18px', margin: '20px 0 8px' },
  text: { fontSize: '14px', lineHeight: '22px', margin: '8px 0' },
  label: { fontSize: '13px', color: '#555f6d', padding: '4px 12px 4px 0', verticalAlign: 'top' },
  value: { fontSize: '14px', padding: '4px 0', verticalAlign: 'top' },
  callout: {
    backgroundColor: '#fff4e5',
    borderLeft: '4px solid #d97706',
    padding: '8px 12px',
    margin: '12px 0',
  },
  quote: { borderLeft: '4px solid #c3c9d1', padding: '4px 12px', margin: '12px 0' },
  quoteText: { fontSize: '14px', lineHeight: '22px', margin: '4px 0', whiteSpace: 'pre-wrap' },
  button: {
    backgroundColor: '#0f62fe',
    color: '#ffffff',
    borderRadius: '4px',
    padding: '10px 16px',
    fontSize: '14px',
  },
  footer: { fontSize: '12px', lineHeight: '18px', color: '#555f6d' },
} satisfies Record<string, CSSProperties>;

function inlines(content: Inline[]): ReactNode[] {
  return content.map((part, i) => {
    if (typeof part === 'string') return part;
    // biome-ignore lint/suspicious/noArrayIndexKey: inline runs never reorder
    if ('strong' in part) return <strong key={i}>{part.strong}</strong>;
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: inline runs never reorder
      <Link key={i} href={part.href}>
        {part.link}
      </Link>
    );
  });
}

function BlockView({ block }: { block: Block }): ReactNode {
  switch (block.kind) {
    case 'heading':
      return (
        <Heading as="h2" style={styles.heading}>
          {block.text}
        </Heading>
      );
    case 'paragraph':
      return <Text style={styles.text}>{inlines(block.content)}</Text>;
    case 'facts':
      return (
        <table role="presentation" cellPadding={0} cellSpacing={0}>
          <tbody>
            {block.rows.map((row) => (
              <tr key={row.label}>
                <td style={styles.label}>{row.label}</td>
                <td style={styles.value}>{inlines(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items never reorder
            <li key={i} style={styles.text}>
              {inlines(item)}
            </li>
          ))}
        </ul>
      );
    case 'callout':
      return (
        <Section style={styles.callout}>
          <Text style={styles.text}>{inlines(block.content)}</Text>
        </Section>
      );
    case 'quote':
      return (
        <Section style={styles.quote}>
          <Text style={styles.label}>{block.label}</Text>
          <Text style={styles.quoteText}>{block.text}</Text>
        </Section>
      );
    case 'action':
      return (
        <Section style={{ margin: '16px 0' }}>
          <Button href={block.href} style={styles.button}>
            {block.label}
          </Button>
        </Section>
      );
  }
}

/**
 * The reference for functions/messages/render-html.ts: the same document rendered with
 * react-email's components and React's static prerenderer, as the functions rendered it until
 * the string renderer replaced it (to take React out of the bundles). The unit test holds the two
 * equal, byte for byte, for any document.
 */
export async function renderHtmlWithReact(
  document: EmailDocument,
  locale: Locale,
): Promise<string> {
  const { prelude } = await prerender(
    <Html lang={locale}>
      <Head />
      <Preview>{document.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {document.blocks.map((block, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks never reorder
            <BlockView key={i} block={block} />
          ))}
          <Hr />
          <Text style={styles.footer}>{inlines(document.footer)}</Text>
        </Container>
      </Body>
    </Html>,
  );
  const markup = await new Response(prelude).text();
  return `<!DOCTYPE html>${markup.replace(/^<!DOCTYPE html>/i, '')}`;
}
