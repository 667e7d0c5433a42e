import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';
import type { Appeal, CaseFile } from '../../../api/contract.ts';
import { DateTime } from '../../../components/date-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';

/** An appeal's status as a status indicator: open, upheld (founded) or dismissed. */
export function AppealStatus(props: { status: Appeal['status'] }) {
  const { t } = useTranslation();
  const type =
    props.status === 'open' ? 'pending' : props.status === 'upheld' ? 'success' : 'stopped';
  return <StatusIndicator type={type}>{t(`appeal.statuses.${props.status}`)}</StatusIndicator>;
}

/**
 * The appeals of a case as its party (or a reviewer) may see them: what each is against, its
 * grounds, its status and, once decided, the reasons. Reviewers get a link to work an open one.
 */
export function AppealsSection(props: { appeals: CaseFile['appeals']; reviewer?: boolean }) {
  const { t } = useTranslation();
  if (props.appeals.length === 0) return null;
  return (
    <Container header={<Header variant="h2">{t('appeal.listTitle')}</Header>}>
      <SpaceBetween size="l">
        {props.appeals.map((appeal) => (
          <SpaceBetween key={appeal.appealId} size="xs">
            <Box variant="h3">
              {props.reviewer ? (
                <RouterLink href={`/review/appeals/${encodeURIComponent(appeal.appealId)}`}>
                  {t(`appeal.options.${appeal.against}`)}
                </RouterLink>
              ) : (
                t(`appeal.options.${appeal.against}`)
              )}
            </Box>
            <KeyValuePairs
              columns={3}
              items={[
                { label: t('appeal.status'), value: <AppealStatus status={appeal.status} /> },
                { label: t('appeal.filedAt'), value: <DateTime value={appeal.filedAt} /> },
                {
                  label: t('appeal.decidedAt'),
                  value: appeal.decidedAt ? <DateTime value={appeal.decidedAt} /> : '—',
                },
              ]}
            />
            <Box variant="awsui-key-label">{t('appeal.grounds')}</Box>
            <p className="evidence-text">{appeal.grounds}</p>
            {appeal.reasons ? (
              <>
                <Box variant="awsui-key-label">{t('appeal.reasons')}</Box>
                <p className="evidence-text">{appeal.reasons}</p>
              </>
            ) : null}
          </SpaceBetween>
        ))}
      </SpaceBetween>
    </Container>
  );
}
