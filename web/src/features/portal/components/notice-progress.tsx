import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/date-time.tsx';
import { EmptyState, LoadingState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type RejectedRow, useNotice } from '../api/portal.ts';

/**
 * A bulk notice's fan-out (API.md, Bulk notices): a progress bar of the manifest's rows
 * accounted for (a case started, folded into another row's case, or rejected), the counts, and
 * the rejected rows with their row numbers and reasons. Polls while the notice fans out; shows
 * nothing for a notice that named its listings (its cases are the table below).
 */
export function NoticeProgress(props: { noticeId: string }) {
  const { t, i18n } = useTranslation();
  const notice = useNotice(props.noticeId);
  const queryClient = useQueryClient();
  const started = notice.data?.progress?.started;
  // Cases appear in the list as they start: refresh it as the count moves.
  useEffect(() => {
    if (started !== undefined) void queryClient.invalidateQueries({ queryKey: ['portal-cases'] });
  }, [started, queryClient]);

  const header = (
    <Header variant="h2" description={t('portal.progress.description')}>
      {t('portal.progress.title', { id: props.noticeId })}
    </Header>
  );
  if (notice.isPending)
    return (
      <Container header={header}>
        <LoadingState />
      </Container>
    );
  if (notice.isError) return <ProblemAlert error={notice.error} />;
  const progress = notice.data.progress;
  if (!progress) return null;

  const fanningOut = notice.data.status === 'fanning_out';
  const rejected = progress.rejectedRows.length;
  const accounted = Math.min(progress.total, progress.started + progress.duplicates + rejected);
  const percent = progress.total > 0 ? Math.round((accounted / progress.total) * 100) : 100;
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const rows = [...progress.rejectedRows].sort((a, b) => a.row - b.row);

  return (
    <Container header={header}>
      <SpaceBetween size="l">
        <ProgressBar
          value={percent}
          label={t('portal.progress.bar')}
          description={t('portal.progress.barHelp', {
            started: number(progress.started),
            total: number(progress.total),
          })}
          additionalInfo={
            <span aria-live="polite">
              {fanningOut ? (
                <StatusIndicator type="loading">{t('portal.progress.fanningOut')}</StatusIndicator>
              ) : (
                <StatusIndicator type="success">{t('portal.progress.done')}</StatusIndicator>
              )}
            </span>
          }
        />
        <KeyValuePairs
          columns={4}
          items={[
            { label: t('portal.progress.total'), value: number(progress.total) },
            { label: t('portal.progress.started'), value: number(progress.started) },
            { label: t('portal.progress.duplicates'), value: number(progress.duplicates) },
            { label: t('portal.progress.rejected'), value: number(rejected) },
            {
              label: t('portal.progress.filedAt'),
              value: <DateTime value={notice.data.createdAt} />,
            },
          ]}
        />
        <Table<RejectedRow>
          variant="embedded"
          header={
            <Header variant="h3" counter={`(${number(rejected)})`}>
              {t('portal.progress.rejectedRows')}
            </Header>
          }
          ariaLabels={{ tableLabel: t('portal.progress.rejectedRows') }}
          items={rows}
          trackBy="row"
          wrapLines
          columnDefinitions={[
            {
              id: 'row',
              header: t('portal.progress.row'),
              cell: (r) => number(r.row),
              width: 120,
            },
            { id: 'reason', header: t('portal.progress.reason'), cell: (r) => r.reason },
          ]}
          empty={
            <EmptyState
              title={t('portal.progress.noRejected')}
              body={fanningOut ? t('portal.progress.noRejectedYet') : undefined}
            />
          }
        />
      </SpaceBetween>
    </Container>
  );
}
