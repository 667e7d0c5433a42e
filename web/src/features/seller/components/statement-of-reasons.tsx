import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/date-time.tsx';
import { parseStatement, type StatementBlock } from '../statement.ts';

/**
 * The statement of reasons (DSA Art 17(3)) exactly as the seller received it, laid out by its
 * sections (the measure, the facts, automated means, the legal ground, the redress and its
 * deadline), in the language it was written in.
 */
export function StatementOfReasons(props: {
  statement: { sentAt: string; locale: string; subject: string; text: string };
}) {
  const { t } = useTranslation();
  const blocks = parseStatement(props.statement.text);
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={
            <>
              {t('seller.case.statementSent')} <DateTime value={props.statement.sentAt} />
            </>
          }
        >
          {t('seller.case.statement')}
        </Header>
      }
    >
      <div lang={props.statement.locale} className="statement">
        <SpaceBetween size="m">
          {blocks.map((block, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the statement is fixed once sent
            <Block key={i} block={block} />
          ))}
        </SpaceBetween>
      </div>
    </Container>
  );
}

function Block(props: { block: StatementBlock }) {
  const { block } = props;
  switch (block.kind) {
    case 'heading':
      return (
        <Box variant="h3" tagOverride="h3">
          {block.text}
        </Box>
      );
    case 'facts':
      return (
        <KeyValuePairs
          columns={2}
          items={block.rows.map((row) => ({ label: row.label, value: row.value }))}
        />
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      );
    case 'callout':
      return <Alert type="info">{block.text}</Alert>;
    case 'quote':
      return (
        <figure className="statement-quote">
          <figcaption>
            <Box variant="awsui-key-label">{block.label}</Box>
          </figcaption>
          <blockquote className="evidence-text">{block.text}</blockquote>
        </figure>
      );
    default:
      return <p className="evidence-text">{block.text}</p>;
  }
}
