import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../api/contract.ts';
import { DateTime } from '../../../components/date-time.tsx';

/** What came after the notice: the seller's counter-notice and info replies (appeals: AppealsSection). */
export function ResponsesSection(props: { file: CaseFile }) {
  const { t } = useTranslation();
  const { counterNotice, infoReplies = [] } = props.file;
  const nothing = !counterNotice && infoReplies.length === 0;
  return (
    <Container header={<Header variant="h2">{t('case.responses')}</Header>}>
      {nothing ? (
        <Box color="text-status-inactive">{t('case.noResponses')}</Box>
      ) : (
        <SpaceBetween size="l">
          {counterNotice && (
            <div>
              <Box variant="h3">{t('case.counterNotice')}</Box>
              <KeyValuePairs
                columns={2}
                items={[
                  {
                    label: t('case.receivedAt'),
                    value: <DateTime value={counterNotice.receivedAt} />,
                  },
                  { label: t('case.contact'), value: counterNotice.contact?.name ?? '—' },
                  {
                    label: t('case.statement'),
                    value: <p className="evidence-text">{counterNotice.statement ?? '—'}</p>,
                  },
                ]}
              />
            </div>
          )}
          {infoReplies.length > 0 && (
            <div>
              <Box variant="h3">{t('case.infoReplies')}</Box>
              <ul>
                {infoReplies.map((reply, i) => (
                  <li key={`${reply.at ?? i}`}>
                    <DateTime value={reply.at} />:{' '}
                    <span className="evidence-text">{reply.explanation}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </SpaceBetween>
      )}
    </Container>
  );
}
