import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CaseStatusBadge } from '../../../components/case-status.tsx';
import { DateTime } from '../../../components/date-time.tsx';
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
  const open = (caseId: string) => void navigate({ to: '/cases/$caseId', params: { caseId } });
  const columns = [
    {
      id: 'listing',
      header: t('search.columns.listing'),
      isRowHeader: true,
      cell: (c: SellerCase) => (
        <SpaceBetween size="xxs">
          <Link
            href={`/cases/${c.caseId}`}
            onFollow={(event) => {
              event.preventDefault();
              open(c.caseId);
            }}
          >
            {c.listingTitle ?? c.listingId}
          </Link>
          <Box variant="small">{c.listingId}</Box>
        </SpaceBetween>
      ),
    },
    {
      id: 'status',
      header: t('search.columns.status'),
      cell: (c: SellerCase) => <CaseStatusBadge status={c.status} />,
    },
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
      id: 'type',
      header: t('search.columns.type'),
      cell: (c: SellerCase) =>
        `${label('jurisdictions', c.jurisdiction)} · ${label('infringementTypes', c.infringementType)}`,
    },
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
          footer={
            cases.hasNextPage ? (
              <Box textAlign="center">
                <Button
                  loading={cases.isFetchingNextPage}
                  onClick={() => void cases.fetchNextPage()}
                >
                  {t('common.loadMore')}
                </Button>
              </Box>
            ) : undefined
          }
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
