import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { caseColumns, caseTypeColumn } from '../../../components/case-columns.tsx';
import { DateTime } from '../../../components/date-time.tsx';
import { LoadMoreFooter } from '../../../components/load-more.tsx';
import { EmptyState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { SlaCountdown } from '../../../components/sla-countdown.tsx';
import { labelOf } from '../../../lib/labels.ts';
import { useNarrow } from '../../../lib/use-narrow.ts';
import { type SellerCase, useSellerCases, useStrikes } from '../api/seller.ts';

/** The seller centre's home: the cases against its listings, and its account's measure. */
export function SellerCasesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const cases = useSellerCases();
  const strikes = useStrikes();
  const label = (group: string, value: string | undefined) =>
    labelOf(t, (k) => i18n.exists(k), group, value);
  const _open = (caseId: string) => void navigate({ to: '/cases/$caseId', params: { caseId } });
  const columns: TableProps.ColumnDefinition<SellerCase>[] = [
    ...caseColumns<SellerCase>(t),
    {
      id: 'deadline',
      header: t('seller.cases.deadline'),
      cell: (c: SellerCase) =>
        c.deadlines.counterNoticeDueAt && c.status === 'awaiting_counter_notice' ? (
          <SlaCountdown dueAt={c.deadlines.counterNoticeDueAt} />
        ) : c.deadlines.restoreNotBefore ? (
          <>
            {t('deadlines.restoreNotBefore')}: <DateTime value={c.deadlines.restoreNotBefore} />
          </>
        ) : (
          '—'
        ),
    },
    {
      id: 'source',
      header: t('seller.cases.source'),
      cell: (c: SellerCase) => t(`sources.${c.source}`),
    },
    caseTypeColumn<SellerCase>(t, (k) => i18n.exists(k)),
    {
      id: 'created',
      header: t('search.columns.created'),
      cell: (c: SellerCase) => <DateTime value={c.createdAt} />,
    },
  ];
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={t('seller.cases.description')}>
          {t('nav.sellerCases')}
        </Header>
      }
    >
      <SpaceBetween size="m">
        {strikes.data?.educationRequired && (
          <Alert
            type="warning"
            header={t('seller.education.required')}
            action={
              <Button onClick={() => void navigate({ to: '/seller/account' })}>
                {t('seller.education.open')}
              </Button>
            }
          >
            {t('seller.education.requiredBody')}
          </Alert>
        )}
        {strikes.data && strikes.data.measure !== 'none' && (
          <Alert type={strikes.data.measure === 'warning' ? 'info' : 'error'}>
            {t('seller.account.measureIs', { measure: label('measures', strikes.data.measure) })}
          </Alert>
        )}
        {cases.isError && <ProblemAlert error={cases.error} />}
        <Table
          variant="container"
          items={cases.data ?? []}
          trackBy="caseId"
          loading={cases.isPending}
          loadingText={t('common.loading')}
          wrapLines
          columnDefinitions={narrow ? columns.slice(0, 3) : columns}
          empty={
            <EmptyState title={t('seller.cases.empty.title')} body={t('seller.cases.empty.body')} />
          }
          footer={<LoadMoreFooter query={cases} />}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
