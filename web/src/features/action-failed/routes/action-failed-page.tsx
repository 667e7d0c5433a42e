import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import { DateTime } from '../../../components/date-time.tsx';
import { useFlash } from '../../../components/flash.tsx';
import { EmptyState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useRetryCase } from '../../cases/index.ts';

/** Cases parked in action_failed (the marketplace kept failing), each with a retry. */
export function ActionFailedPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const flash = useFlash();
  const retry = useRetryCase();
  const parked = useQuery({
    queryKey: ['review-tasks', { queue: 'action_failed' }, 'flat'],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/v1/review-tasks', {
            params: { query: { queue: 'action_failed', limit: 100 } },
          }),
        )
      ).items,
    refetchInterval: 30_000,
  });
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={t('actionFailed.description')}>
          {t('actionFailed.title')}
        </Header>
      }
    >
      <SpaceBetween size="m">
        {parked.isError && <ProblemAlert error={parked.error} />}
        {retry.isError && <ProblemAlert error={retry.error} onDismiss={() => retry.reset()} />}
        <Table
          variant="container"
          items={parked.data ?? []}
          trackBy={(task) => `${task.caseId}/${task.taskId}`}
          loading={parked.isPending}
          loadingText={t('common.loading')}
          empty={
            <EmptyState title={t('actionFailed.empty.title')} body={t('actionFailed.empty.body')} />
          }
          columnDefinitions={[
            {
              id: 'listing',
              header: t('queue.columns.task'),
              isRowHeader: true,
              cell: (task) =>
                task.caseId ? (
                  <Link
                    href={`/cases/${task.caseId}`}
                    onFollow={(event) => {
                      event.preventDefault();
                      void navigate({ to: '/cases/$caseId', params: { caseId: task.caseId! } });
                    }}
                  >
                    {task.listingTitle ?? task.listingId ?? task.caseId}
                  </Link>
                ) : (
                  task.taskId
                ),
            },
            { id: 'case', header: t('actionFailed.case'), cell: (task) => task.caseId ?? '—' },
            {
              id: 'since',
              header: t('actionFailed.since'),
              cell: (task) => <DateTime value={task.createdAt} />,
            },
            {
              id: 'retry',
              header: t('actionFailed.action'),
              cell: (task) =>
                task.caseId ? (
                  <Button
                    ariaLabel={t('actionFailed.retryCase', {
                      listing: task.listingTitle ?? task.listingId ?? task.caseId,
                    })}
                    loading={retry.isPending && retry.variables === task.caseId}
                    onClick={() =>
                      retry.mutate(task.caseId!, {
                        onSuccess: () =>
                          flash.push({
                            type: 'success',
                            content: t('actionFailed.retried', {
                              listing: task.listingTitle ?? task.listingId ?? task.caseId,
                            }),
                          }),
                      })
                    }
                  >
                    {t('actionFailed.retry')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
